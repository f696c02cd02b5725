import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CalendarInputError,
  CalendarRangeError,
  createCalendar,
  nseCalendar,
} from '../../src/calendar/index.js';
import { ValidationError } from '../../src/errors/index.js';
import { BarSchema, type Bar, type Instrument } from '../../src/model/index.js';
import { defaultMarket, syntheticMarket } from '../../src/synthetic/index.js';
import { istDate, istDateTime, istMinuteOfDay } from '../../src/time/index.js';
import { realVolumeShape, volumeShape } from './real-volume-shape.js';

const hash = (bars: Iterable<Bar>): string =>
  createHash('sha256')
    .update(JSON.stringify(Array.from(bars)))
    .digest('hex');
const JAN_2025 = { seed: 5, from: '2025-01-01', to: '2025-01-10' } as const;

describe('determinism', () => {
  it('gives the same bytes for the same seed, and re-iterates identically', () => {
    const a = syntheticMarket(JAN_2025);
    const b = syntheticMarket(JAN_2025);
    const h = hash(a.bars());
    expect(hash(b.bars())).toBe(h);
    expect(hash(a.bars())).toBe(h);
    expect(JSON.stringify(a.regimePath)).toBe(JSON.stringify(b.regimePath));
    expect(hash(syntheticMarket({ ...JAN_2025, seed: 6 }).bars())).not.toBe(h);
  });

  it('keeps each instrument on its own stream: adding one changes no other', () => {
    const two = syntheticMarket({
      ...JAN_2025,
      future: null,
      universe: [
        { symbol: 'AAA', initialPrice: 500 },
        { symbol: 'BBB', initialPrice: 900 },
      ],
    });
    const three = syntheticMarket({
      ...JAN_2025,
      future: null,
      universe: [
        { symbol: 'AAA', initialPrice: 500 },
        { symbol: 'BBB', initialPrice: 900 },
        { symbol: 'CCC', initialPrice: 120 },
      ],
    });
    const only = (bars: Iterable<Bar>, id: string): Bar[] =>
      Array.from(bars).filter((b) => b.instrument === id);
    expect(only(three.bars(), 'NSE:AAA')).toEqual(only(two.bars(), 'NSE:AAA'));
    expect(only(three.bars(), 'NSE:BBB')).toEqual(only(two.bars(), 'NSE:BBB'));
  });
});

describe('defaultMarket()', () => {
  const market = defaultMarket();
  const bars = Array.from(market.bars());
  const byId = new Map<string, Instrument>(market.instruments.map((i) => [i.id, i]));

  it('has three NSE stocks and the rolling NIFTY future with real lot and tick sizes', () => {
    expect(market.seed).toBe(42);
    expect(
      market.instruments.map((i) => `${i.id} ${i.lotSize} ${i.tickSize} ${i.expiry ?? ''}`),
    ).toEqual([
      'NSE:SYNBANK 1 0.05 ',
      'NSE:SYNTECH 1 0.05 ',
      'NSE:SYNPOWER 1 0.01 ',
      'NFO:NIFTY25APRFUT 75 0.05 2025-04-24',
      'NFO:NIFTY25MAYFUT 75 0.05 2025-05-29',
      'NFO:NIFTY25JUNFUT 75 0.05 2025-06-26',
      'NFO:NIFTY25JULFUT 75 0.05 2025-07-31',
    ]);
    expect(nseCalendar.tradingDaysBetween('2025-04-01', '2025-06-30')).toBe(61);
    expect(bars.length).toBe(61 * 375 * 4);
    expect(market.from).toBe('2025-04-01');
    expect(market.to).toBe('2025-06-30');
  });

  it('produces valid bars: positive whole-tick prices, high/low around open/close, integer volumes', () => {
    const problems: string[] = [];
    for (const [i, b] of bars.entries()) {
      const tick = byId.get(b.instrument)!.tickSize;
      for (const price of [b.open, b.high, b.low, b.close]) {
        const ticks = price / tick;
        // Whole ticks, and exactly the double a decimal literal of that price would give.
        if (
          !(price > 0) ||
          Math.abs(ticks - Math.round(ticks)) > 1e-6 ||
          Number(price.toFixed(2)) !== price
        ) {
          problems.push(`bar ${i}: price ${price} is not a whole ${tick} tick`);
        }
      }
      if (b.high < Math.max(b.open, b.close) || b.low > Math.min(b.open, b.close))
        problems.push(`bar ${i}: high/low`);
      if (!Number.isInteger(b.volume) || b.volume <= 0)
        problems.push(`bar ${i}: volume ${b.volume}`);
      if (i % 97 === 0 && !BarSchema.safeParse(b).success) problems.push(`bar ${i}: schema`);
    }
    expect(problems).toEqual([]);
  });

  it('orders bars by time, then instrument id', () => {
    let unordered = 0;
    for (let i = 1; i < bars.length; i++) {
      const p = bars[i - 1]!;
      const b = bars[i]!;
      if (!(p.time < b.time || (p.time === b.time && p.instrument < b.instrument))) unordered++;
    }
    expect(unordered).toBe(0);
  });

  it('puts bars only inside sessions of trading days: 09:15..15:29 start-labelled', () => {
    const dates = new Set<string>();
    let outside = 0;
    for (const b of bars) {
      const date = istDate(b.time);
      dates.add(date);
      const s = nseCalendar.session(date, b.instrument.startsWith('NFO:') ? 'fno' : 'cash')!;
      if (!s.continuous.some((c) => b.time >= c.start && b.time + 60_000 <= c.end)) outside++;
    }
    expect(outside).toBe(0);
    expect([...dates].sort()).toEqual(nseCalendar.tradingDays('2025-04-01', '2025-06-30'));
    const minutes = bars
      .filter((b) => b.instrument === 'NSE:SYNBANK')
      .map((b) => istMinuteOfDay(b.time));
    expect(Math.min(...minutes)).toBe(9 * 60 + 15);
    expect(Math.max(...minutes)).toBe(15 * 60 + 29);
  });

  it('trades each future contract only while it is the front month', () => {
    const apr = bars.filter((b) => b.instrument === 'NFO:NIFTY25APRFUT');
    const may = bars.filter((b) => b.instrument === 'NFO:NIFTY25MAYFUT');
    expect(istDate(apr.at(-1)!.time)).toBe('2025-04-24');
    expect(istDate(may[0]!.time)).toBe('2025-04-25');
    expect(istDate(may.at(-1)!.time)).toBe('2025-05-29');
  });

  it('trades more at the open and the close than at midday (U-shaped), like the real 2016 minute files', () => {
    const real = realVolumeShape();
    expect(real.lastHalfHour.min).toBeGreaterThan(1.5); // the real files close busy too
    for (const id of ['NSE:SYNBANK', 'NSE:SYNTECH', 'NSE:SYNPOWER']) {
      const shape = volumeShape(bars.filter((b) => b.instrument === id));
      expect(shape.firstHalfHour).toBeGreaterThan(1.2);
      expect(shape.lastHalfHour).toBeGreaterThan(1.2);
      expect(shape.firstHalfHour).toBeGreaterThanOrEqual(real.firstHalfHour.min);
      expect(shape.firstHalfHour).toBeLessThanOrEqual(real.firstHalfHour.max);
      expect(shape.lastHalfHour).toBeGreaterThanOrEqual(real.lastHalfHour.min);
      expect(shape.lastHalfHour).toBeLessThanOrEqual(real.lastHalfHour.max);
    }
  });
});

describe('special sessions and calendar changes', () => {
  it('follows muhurat and disaster-recovery sessions minute by minute', () => {
    const m = syntheticMarket({ seed: 1, from: '2024-11-01', to: '2024-11-01' });
    const bank = Array.from(m.bars()).filter((b) => b.instrument === 'NSE:SYNBANK');
    expect(bank.length).toBe(60);
    expect(bank[0]!.time).toBe(istDateTime('2024-11-01', '18:00'));
    expect(bank.at(-1)!.time).toBe(istDateTime('2024-11-01', '18:59'));
    const dr = Array.from(
      syntheticMarket({ seed: 1, from: '2024-03-02', to: '2024-03-02' }).bars(),
    );
    const drBank = dr
      .filter((b) => b.instrument === 'NSE:SYNBANK')
      .map((b) => istMinuteOfDay(b.time));
    expect(drBank.length).toBe(45 + 60);
    expect(drBank).not.toContain(10 * 60 + 30);
  });

  it('runs the future to 15:39 once the F&O close moves to 15:40 (2026-08-03)', () => {
    const bars = Array.from(
      syntheticMarket({ seed: 2, from: '2026-08-03', to: '2026-08-03' }).bars(),
    );
    const fut = bars.filter((b) => b.instrument.startsWith('NFO:'));
    const bank = bars.filter((b) => b.instrument === 'NSE:SYNBANK');
    expect(fut.length).toBe(385);
    expect(bank.length).toBe(375);
    expect(istMinuteOfDay(fut.at(-1)!.time)).toBe(15 * 60 + 39);
    expect(fut[0]!.instrument).toBe('NFO:NIFTY26AUGFUT');
  });
});

describe('daily bars and regimes', () => {
  it('aggregates exactly the minutes of the same seed into 1d bars stamped at IST midnight', () => {
    const minutes = Array.from(syntheticMarket({ ...JAN_2025, timeframe: '1m' }).bars());
    const days = Array.from(syntheticMarket({ ...JAN_2025, timeframe: '1d' }).bars());
    expect(days.length).toBe(nseCalendar.tradingDaysBetween('2025-01-01', '2025-01-10') * 4);
    const groups = new Map<string, Bar[]>();
    for (const b of minutes) {
      const key = `${b.instrument} ${istDate(b.time)}`;
      const list = groups.get(key) ?? [];
      list.push(b);
      groups.set(key, list);
    }
    expect(groups.size).toBe(days.length);
    for (const d of days) {
      const day = istDate(d.time);
      expect(d.time).toBe(istDateTime(day, '00:00'));
      expect(d.timeframe).toBe('1d');
      const ms = groups.get(`${d.instrument} ${day}`)!;
      expect(d.open).toBe(ms[0]!.open);
      expect(d.close).toBe(ms.at(-1)!.close);
      expect(d.high).toBe(Math.max(...ms.map((b) => b.high)));
      expect(d.low).toBe(Math.min(...ms.map((b) => b.low)));
      expect(d.volume).toBe(ms.reduce((s, b) => s + b.volume, 0));
    }
  });

  it('realises each regime close to its configured volatility, and trades more when volatile', () => {
    const m = syntheticMarket({
      seed: 1,
      from: '2024-01-01',
      to: '2026-12-29',
      timeframe: '1d',
      future: { underlying: 'NIFTY', initialLevel: 21_000, includeIndex: true },
    });
    const bars = Array.from(m.bars());
    const index = bars.filter((b) => b.instrument === 'NSE:NIFTY 50');
    expect(index.length).toBe(m.regimePath.length);
    const returns = new Map<string, number[]>();
    for (let k = 1; k < index.length; k++) {
      const regime = m.regimePath[k]!.regime;
      const list = returns.get(regime) ?? [];
      list.push(Math.log(index[k]!.close / index[k - 1]!.close));
      returns.set(regime, list);
    }
    for (const regime of m.regimes) {
      const xs = returns.get(regime.name)!;
      expect(xs.length).toBeGreaterThan(100);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
      expect(Math.abs((sd * Math.sqrt(252)) / regime.annualVolatility - 1)).toBeLessThan(0.15);
    }
    const bank = bars.filter((b) => b.instrument === 'NSE:SYNBANK');
    const meanVolume = (name: string): number => {
      const v = bank.filter((_, k) => m.regimePath[k]!.regime === name).map((b) => b.volume);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    expect(meanVolume('volatile')).toBeGreaterThan(1.5 * meanVolume('calm-trend'));
  });

  it('prices the future at the index plus cost of carry to its expiry', () => {
    const m = syntheticMarket({
      seed: 9,
      from: '2025-03-03',
      to: '2025-03-07',
      timeframe: '1d',
      future: { underlying: 'NIFTY', initialLevel: 22_000, carry: 0.07, includeIndex: true },
    });
    const bars = Array.from(m.bars());
    for (const fut of bars.filter((b) => b.instrument === 'NFO:NIFTY25MARFUT')) {
      const idx = bars.find((b) => b.instrument === 'NSE:NIFTY 50' && b.time === fut.time)!;
      const daysToExpiry = (istDateTime('2025-03-27', '00:00') - fut.time) / 86_400_000;
      expect(Math.log(fut.close / idx.close)).toBeCloseTo((0.07 * daysToExpiry) / 365, 5);
    }
  });
});

describe('bad input', () => {
  it('names the offending option', () => {
    const bad = (o: object): ValidationError => {
      try {
        syntheticMarket({ ...JAN_2025, ...o });
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('no error');
    };
    expect(bad({ seed: -1 })).toBeInstanceOf(ValidationError);
    expect(bad({ seed: 1.5 }).field).toBe('seed');
    expect(bad({ seed: 2 ** 32 }).field).toBe('seed');
    expect(bad({ timeframe: '5m' }).field).toBe('timeframe');
    expect(bad({ universe: [{ symbol: 'bad sym', initialPrice: 10 }] }).field).toBe(
      'universe.0.symbol',
    );
    expect(bad({ universe: [{ symbol: 'AAA', initialPrice: -10 }] }).field).toBe(
      'universe.0.initialPrice',
    );
    expect(
      bad({
        universe: [
          { symbol: 'AAA', initialPrice: 10 },
          { symbol: 'AAA', initialPrice: 20 },
        ],
      }).field,
    ).toBe('universe.1.symbol');
    expect(
      bad({
        transitions: [
          [0.5, 0.5, 0.1],
          [0, 1, 0],
          [0, 0, 1],
        ],
      }).field,
    ).toBe('transitions.0');
    expect(
      bad({ regimes: [{ name: 'x', annualDrift: 0, annualVolatility: 0.1, volumeMultiplier: 1 }] })
        .field,
    ).toBe('transitions');
  });

  it('rejects reversed and holiday-only ranges, and ranges outside the calendar', () => {
    expect(() => syntheticMarket({ seed: 1, from: '2025-02-01', to: '2025-01-01' })).toThrow(
      CalendarInputError,
    );
    expect(() => syntheticMarket({ seed: 1, from: '2025-03-14', to: '2025-03-16' })).toThrow(
      CalendarInputError,
    );
    expect(() => syntheticMarket({ seed: 1, from: '2016-08-16', to: '2016-08-31' })).toThrow(
      CalendarRangeError,
    );
  });

  it('generates older years through an explicit weekday-fallback calendar', () => {
    const m = syntheticMarket({
      seed: 1,
      from: '2016-08-16',
      to: '2016-08-19',
      future: null,
      calendar: createCalendar({ fallback: 'weekdaysOnly' }),
    });
    expect(m.instruments.map((i) => i.tickSize)).toEqual([0.05, 0.05, 0.05]);
    expect(Array.from(m.bars()).length).toBe(4 * 375 * 3);
  });
});
