// Indicator throughput: each indicator's class `update` loop over ~1.5 million real inputs
// (the 194,423 NIFTY 1-minute bars tiled 8 times; RELIANCE 2016 minutes for the session VWAP,
// which needs real volumes). Inputs are built before timing: closes in a Float64Array, bars
// as plain objects, so only the indicator's own work (and its output object, if any) is timed.
import { readFileSync, readdirSync } from 'node:fs';
import {
  Adx,
  Atr,
  BollingerBands,
  Crossover,
  Ema,
  Highest,
  Lowest,
  Macd,
  RollingStdDev,
  Rsi,
  SessionVwap,
  Sma,
  Stochastic,
  Wma,
  ZScore,
  type OhlcvInput,
  type VwapInput,
} from '@pravah/sdk';
import { SHARED_DATA, median } from '../measure.js';
import type { BenchResult } from '../types.js';

/**
 * Median throughput in items per CPU-second (process.cpuUsage, user + system) rather than
 * wall time: the 2-core machine is shared with other jobs, and descheduled time would
 * otherwise be counted as the code's own. Concurrent GC threads are counted (conservative).
 */
function cpuThroughput(fn: () => void, items: number, runs = 9, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    rates.push(items / ((used.user + used.system) / 1e6));
  }
  return median(rates);
}

const BUDGET = { min: 20_000_000 } as const;
const TILES = 8;

interface Row {
  time: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

function readNifty(): Row[] {
  const dir = new URL('nse/nifty_index_1min/', SHARED_DATA);
  const rows: Row[] = [];
  for (const file of readdirSync(dir).sort()) {
    for (const line of readFileSync(new URL(file, dir), 'utf8').split('\n')) {
      const f = line.trim().split(',');
      if (f.length < 9) continue;
      rows.push({
        time: rows.length * 60_000,
        high: +f[4]!,
        low: +f[5]!,
        close: +f[6]!,
        volume: +f[7]!,
      });
    }
  }
  return rows;
}

function readReliance(): Row[] {
  const text = readFileSync(
    new URL('nse/stocks_1min_2016/RELIANCE_minute29.csv', SHARED_DATA),
    'utf8',
  );
  return text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const f = line.split(',').map((s) => s.trim());
      return {
        time: Date.parse(`${f[1]!.replace(' ', 'T')}+05:30`),
        high: +f[3]!,
        low: +f[4]!,
        close: +f[5]!,
        volume: +f[6]!,
      };
    })
    .sort((a, b) => a.time - b.time);
}

function tile<T>(rows: readonly T[], times: number): T[] {
  const out: T[] = [];
  for (let t = 0; t < times; t++) for (const r of rows) out.push(r);
  return out;
}

export default function indicatorsSuite(): BenchResult[] {
  const nifty = tile(readNifty(), TILES);
  const n = nifty.length;
  const closes = new Float64Array(n);
  for (let i = 0; i < n; i++) closes[i] = nifty[i]!.close;
  const bars: OhlcvInput[] = nifty.map((r) => ({ high: r.high, low: r.low, close: r.close }));
  const relianceRows = readReliance();
  const vwapBars: VwapInput[] = tile(relianceRows, Math.ceil(n / relianceRows.length)).slice(0, n);
  // Crossover inputs: SMA(10) and SMA(30) of the closes, precomputed.
  const fast = new Float64Array(n);
  const slow = new Float64Array(n);
  {
    const f = new Sma(10);
    const s = new Sma(30);
    for (let i = 0; i < n; i++) {
      fast[i] = f.update(closes[i]!) ?? closes[i]!;
      slow[i] = s.update(closes[i]!) ?? closes[i]!;
    }
  }

  let sink = 0;
  const scalar = (name: string, make: () => { update(x: number): number | undefined }) => ({
    name,
    run: () => {
      const indicator = make();
      let acc = 0;
      for (let i = 0; i < n; i++) acc += indicator.update(closes[i]!) ?? 0;
      sink += acc;
    },
  });
  const objectOut = <T>(
    name: string,
    make: () => { update(x: number): T | undefined },
    pick: (v: T) => number,
  ) => ({
    name,
    run: () => {
      const indicator = make();
      let acc = 0;
      for (let i = 0; i < n; i++) {
        const v = indicator.update(closes[i]!);
        if (v !== undefined) acc += pick(v);
      }
      sink += acc;
    },
  });
  const barIn = <T>(
    name: string,
    make: () => { update(b: OhlcvInput): T | undefined },
    pick: (v: T) => number,
  ) => ({
    name,
    run: () => {
      const indicator = make();
      let acc = 0;
      for (let i = 0; i < n; i++) {
        const v = indicator.update(bars[i]!);
        if (v !== undefined) acc += pick(v);
      }
      sink += acc;
    },
  });

  const cases = [
    scalar('Sma(20)', () => new Sma(20)),
    scalar('Ema(20)', () => new Ema(20)),
    scalar('Wma(20)', () => new Wma(20)),
    scalar('Rsi(14)', () => new Rsi(14)),
    objectOut(
      'Macd(12,26,9)',
      () => new Macd(12, 26, 9),
      (v) => v.histogram,
    ),
    objectOut(
      'BollingerBands(20,2)',
      () => new BollingerBands(20, 2),
      (v) => v.upper,
    ),
    scalar('RollingStdDev(20)', () => new RollingStdDev(20)),
    scalar('ZScore(20)', () => new ZScore(20)),
    scalar('Highest(20)', () => new Highest(20)),
    scalar('Lowest(20)', () => new Lowest(20)),
    barIn(
      'Atr(14)',
      () => new Atr(14),
      (v: number) => v,
    ),
    barIn(
      'Adx(14)',
      () => new Adx(14),
      (v) => v.adx,
    ),
    barIn(
      'Stochastic(14,3,3)',
      () => new Stochastic(14, 3, 3),
      (v) => v.k,
    ),
    {
      name: 'SessionVwap',
      run: () => {
        const vwap = new SessionVwap();
        let acc = 0;
        for (let i = 0; i < n; i++) acc += vwap.update(vwapBars[i]!) ?? 0;
        sink += acc;
      },
    },
    {
      name: 'Crossover',
      run: () => {
        const cross = new Crossover();
        let acc = 0;
        for (let i = 0; i < n; i++) if (cross.update(fast[i]!, slow[i]) === 'above') acc++;
        sink += acc;
      },
    },
  ];

  const results: BenchResult[] = cases.map(({ name, run }) => ({
    name: `${name} update`,
    value: cpuThroughput(run, n),
    unit: 'updates/s',
    budget: BUDGET,
    note: `class update loop over ${n.toLocaleString('en-US')} inputs (${name === 'SessionVwap' ? 'RELIANCE 2016 minutes tiled' : `NIFTY 1-min tiled ${TILES}x`}); median of 9 runs, per CPU-second`,
  }));
  if (!Number.isFinite(sink)) throw new Error('benchmark checksum is not finite');
  return results;
}
