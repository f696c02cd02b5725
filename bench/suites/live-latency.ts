// Live path latency (DESIGN.md §10: tick in -> order intent out, in process, p99 under 50 µs).
//
// The real runtime (`createRuntime`, dry-run mode) on a PaperBroker, the SMA(1)/SMA(2)
// crossover from the examples (it changes its mind on most reversals, so intents are frequent),
// fed 1,000,000 ticks: the real NIFTY 1-second prints of 14-18 Nov 2022, replayed end to end
// with shifted times until a million. Each tick is timed from the moment it is handed to the
// broker's stream until every output it caused (graph, intent, journal record of the intent)
// has happened: the PaperBroker's own per-tick work is included, so the figure is an upper
// bound of the runtime's share. The journal lives on tmpfs (/dev/shm) when there is one, so
// the fsync per intent is measured as the call it is, not as disk latency.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PaperBroker, RateLimiter } from '@pravah/brokers';
import { smaCrossover } from '@pravah/examples';
import { createRuntime } from '@pravah/runtime-node';
import { nseCalendar, parseInstrument, type Tick } from '@pravah/sdk';
import { Subject } from 'rxjs';
import { SHARED_DATA } from '../measure.js';
import type { BenchResult } from '../types.js';

const TICKS = 1_000_000;
const WARMUP = 50_000;
const BUDGET = { max: 50 };

function niftySeconds(): { time: number; price: number }[] {
  const folder = new URL('nse/nifty_index_1s_2022-11/', SHARED_DATA);
  const rows: { time: number; price: number }[] = [];
  for (const file of readdirSync(folder).sort()) {
    for (const line of readFileSync(new URL(file, folder), 'utf8').split('\n')) {
      const comma = line.indexOf(',');
      if (comma < 0) continue;
      const time = Date.parse(`${line.slice(0, 10)}T${line.slice(11, comma)}+05:30`);
      const price = Number(line.slice(comma + 1));
      if (Number.isFinite(time) && price > 0) rows.push({ time, price });
    }
  }
  return rows;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export default async function liveLatency(): Promise<BenchResult[]> {
  const source = niftySeconds();
  const span = (source.at(-1)?.time ?? 0) - (source[0]?.time ?? 0) + 86_400_000;
  const ticks: Tick[] = new Array<Tick>(TICKS + WARMUP);
  for (let i = 0; i < ticks.length; i++) {
    const row = source[i % source.length];
    ticks[i] = {
      kind: 'tick',
      instrument: 'NSE:NIFTY 50',
      time: (row?.time ?? 0) + Math.floor(i / source.length) * span,
      price: row?.price ?? 1,
    };
  }
  const nifty = parseInstrument({
    id: 'NSE:NIFTY 50',
    exchange: 'NSE',
    symbol: 'NIFTY 50',
    type: 'IDX',
    lotSize: 1,
    tickSize: 0.05,
  });
  const stream = new Subject<Tick>();
  const broker = new PaperBroker({
    ticks: stream,
    instruments: [nifty],
    capital: 1e12,
    misCutoffs: false,
    candles: () => Promise.resolve([]),
  });
  const dir = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'pravah-'));
  let now = 0;
  const runtime = createRuntime({
    strategy: smaCrossover,
    universe: ['NSE:NIFTY 50'],
    params: { fast: 1, slow: 2, quantity: 1 },
    broker,
    mode: 'dry-run',
    journal: path.join(dir, 'bench.journal'),
    calendar: nseCalendar,
    runId: 'bench',
    sessionAware: false,
    marketEvents: 'ticks',
    now: () => now,
    housekeepingMs: 3_600_000,
    reconcileMs: 3_600_000,
    orderLimiter: new RateLimiter(1_000_000, 1000),
    limits: { staleDataSeconds: 1e9, maxOrdersPerMinute: 1e9 },
  });
  await runtime.start();

  const latencies = new Float64Array(TICKS);
  for (let i = 0; i < ticks.length; i++) {
    const tick = ticks[i] as Tick;
    now = tick.time;
    const t0 = performance.now();
    stream.next(tick);
    const us = (performance.now() - t0) * 1000;
    if (i >= WARMUP) latencies[i - WARMUP] = us;
  }
  // How many ticks produced an intent, from the runtime's own histogram.
  const histogram = await runtime.metrics.registry.getSingleMetricAsString(
    'pravah_tick_to_intent_seconds',
  );
  const intents = Number(/pravah_tick_to_intent_seconds_count (\d+)/.exec(histogram)?.[1] ?? 0);
  await runtime.stop('bench done');
  await broker.close();
  rmSync(dir, { recursive: true, force: true });

  latencies.sort();
  const note = `${TICKS.toLocaleString('en')} real NIFTY 1 s ticks (14-18 Nov 2022, replayed), dry-run runtime on PaperBroker, SMA(1/2) crossover: ${intents.toLocaleString('en')} intents, each journalled (fsync) on ${existsSync('/dev/shm') ? 'tmpfs' : 'disk'}; per-tick time includes the PaperBroker's own tick handling`;
  return [
    {
      name: 'live: tick in -> intent out, p50',
      value: percentile(latencies, 0.5),
      unit: 'µs',
      budget: BUDGET,
      note,
    },
    {
      name: 'live: tick in -> intent out, p99',
      value: percentile(latencies, 0.99),
      unit: 'µs',
      budget: BUDGET,
      note,
    },
    {
      name: 'live: tick in -> intent out, p99.9',
      value: percentile(latencies, 0.999),
      unit: 'µs',
      note,
    },
  ];
}
