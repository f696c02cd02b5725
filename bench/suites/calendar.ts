// IST time helpers, calendar lookups and the synthetic market generator (issue 2 items 2 and 5).
// No DESIGN.md budget covers these except "defaultMarket() well under a second".
import {
  defaultMarket,
  istDate,
  istMinuteOfDay,
  istWeekKey,
  nseCalendar,
  parseIstNaive,
  syntheticMarket,
} from '@pravah/sdk';
import { median, throughput } from '../measure.js';
import type { BenchResult } from '../types.js';

const DAY_MS = 86_400_000;
const START = Date.UTC(2024, 0, 1);

export default function calendarSuite(): BenchResult[] {
  const n = 1_000_000;
  const instants = new Float64Array(n);
  for (let i = 0; i < n; i++) instants[i] = START + ((i * 7_919_993) % (1000 * DAY_MS));
  let sink = 0;

  const istRate = throughput(() => {
    for (let i = 0; i < n; i++) sink += istMinuteOfDay(instants[i]!) + istDate(instants[i]!).length;
  }, n);
  const weekRate = throughput(() => {
    for (let i = 0; i < n; i++) sink += istWeekKey(instants[i]!).length;
  }, n);
  const stamps = Array.from({ length: 200_000 }, (_, i) => {
    const d = new Date(START + i * 60_000 + 19_800_000).toISOString();
    return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
  });
  const parseRate = throughput(() => {
    for (const s of stamps) sink += parseIstNaive(s);
  }, stamps.length);

  // Trading days whose session times are known (the 2026 muhurat is not notified yet).
  const dates = nseCalendar.tradingDays('2024-01-01', '2026-12-31').filter((d) => {
    try {
      return nseCalendar.session(d, 'NFO') !== undefined;
    } catch {
      return false;
    }
  });
  const expiryCount = nseCalendar.expiries('NIFTY', '2024-01-01', '2026-12-31').length;
  const isTradingRate = throughput(() => {
    for (let i = 0; i < n; i++) sink += nseCalendar.isTradingDay(instants[i]!) ? 1 : 0;
  }, n);
  const sessionRate = throughput(() => {
    for (let i = 0; i < n; i++) sink += nseCalendar.session(dates[i % dates.length]!, 'NFO')!.open;
  }, n);
  const expiryRate = throughput(() => {
    sink += nseCalendar.expiries('NIFTY', '2024-01-01', '2026-12-31').length;
  }, 1);

  const generate = (): number => {
    let bars = 0;
    for (const b of defaultMarket().bars()) bars += b.volume > 0 ? 1 : 0;
    return bars;
  };
  const barCount = generate();
  generate();
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    generate();
    times.push(performance.now() - t0);
  }
  const dailyRate = throughput(() => {
    for (const b of syntheticMarket({
      seed: 1,
      from: '2024-01-01',
      to: '2026-12-29',
      timeframe: '1d',
    }).bars())
      sink += b.close;
  }, 1);
  if (sink === 42) process.stderr.write('\n');

  return [
    {
      name: 'istDate + istMinuteOfDay',
      value: istRate,
      unit: 'instants/s',
      note: '1,000,000 instants over 2024-2026',
    },
    { name: 'istWeekKey', value: weekRate, unit: 'instants/s', note: '1,000,000 instants' },
    {
      name: 'parseIstNaive',
      value: parseRate,
      unit: 'timestamps/s',
      note: "200,000 'YYYY-MM-DD HH:mm' strings",
    },
    {
      name: 'calendar isTradingDay(epoch ms)',
      value: isTradingRate,
      unit: 'lookups/s',
      note: '1,000,000 lookups, cash segment',
    },
    {
      name: 'calendar session(date, NFO), cached',
      value: sessionRate,
      unit: 'lookups/s',
      note: '1,000,000 lookups over 2024-2026',
    },
    {
      name: 'calendar expiries(NIFTY, 3 years)',
      value: expiryRate,
      unit: 'calls/s',
      note: `2024-01-01..2026-12-31, ${expiryCount} expiries`,
    },
    {
      name: 'defaultMarket() 1-minute bars generated and iterated',
      value: median(times),
      unit: 'ms',
      budget: { max: 1000 },
      note: `${barCount.toLocaleString('en-US')} bars (3 equities + NIFTY future, 61 sessions); median of 7 after 2 warm-ups = ${Math.round(barCount / (median(times) / 1000)).toLocaleString('en-US')} bars/s`,
    },
    {
      name: 'syntheticMarket 1d, 2024-01-01..2026-12-29',
      value: dailyRate,
      unit: 'markets/s',
      note: '742 sessions x 4 instruments, each day simulated minute by minute then aggregated',
    },
  ];
}
