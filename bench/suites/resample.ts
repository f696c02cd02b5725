// Resampling throughput on the 194,423 real NIFTY 1-minute bars (end-labelled, as in the
// files), parsed to Bar objects before timing: the BarResampler engine alone, the batch
// resampleBars, and the rxjs operator (with and without forming updates).
import { readFileSync, readdirSync } from 'node:fs';
import { from } from 'rxjs';
import { BarResampler, resample, resampleBars, type Bar, type Timeframe } from '@pravah/sdk';
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

function readNiftyBars(): Bar[] {
  const dir = new URL('nse/nifty_index_1min/', SHARED_DATA);
  const bars: Bar[] = [];
  for (const file of readdirSync(dir).sort()) {
    for (const line of readFileSync(new URL(file, dir), 'utf8').split('\n')) {
      const f = line.trim().split(',');
      if (f.length < 9) continue;
      const d = f[1]!;
      const time = Date.parse(
        `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${f[2]}:00+05:30`,
      );
      bars.push({
        kind: 'bar',
        instrument: 'NSE:NIFTY 50',
        timeframe: '1m',
        time,
        open: +f[3]!,
        high: +f[4]!,
        low: +f[5]!,
        close: +f[6]!,
        volume: +f[7]!,
      });
    }
  }
  return bars.sort((a, b) => a.time - b.time);
}

export default function resampleSuite(): BenchResult[] {
  const bars = readNiftyBars();
  const n = bars.length;
  const note = (how: string) =>
    `${how}; ${n.toLocaleString('en-US')} NIFTY 1-min bars (end-labelled) in memory; median of 9 runs, per CPU-second`;
  let sink = 0;
  const results: BenchResult[] = [];
  for (const timeframe of ['5m', '15m', '1d'] as Timeframe[]) {
    results.push({
      name: `BarResampler 1m -> ${timeframe}`,
      value: cpuThroughput(() => {
        const r = new BarResampler(timeframe, { sourceLabel: 'end' }, (bar) => {
          sink += bar.close;
        });
        for (let i = 0; i < n; i++) r.push(bars[i]!);
        r.flush();
      }, n),
      unit: 'bars/s',
      note: note('engine push loop, completed bars only'),
    });
  }
  results.push({
    name: 'resampleBars 1m -> 15m',
    value: cpuThroughput(() => {
      sink += resampleBars(bars, '15m', { sourceLabel: 'end' }).length;
    }, n),
    unit: 'bars/s',
    note: note('batch function, output array'),
  });
  results.push({
    name: "resample('15m') operator",
    value: cpuThroughput(() => {
      from(bars)
        .pipe(resample('15m', { sourceLabel: 'end' }))
        .subscribe((bar) => {
          sink += bar.close;
        });
    }, n),
    unit: 'bars/s',
    note: note('rxjs from(array) -> operator -> subscriber'),
  });
  results.push({
    name: "resample('15m', { emitForming: true }) operator",
    value: cpuThroughput(() => {
      from(bars)
        .pipe(resample('15m', { sourceLabel: 'end', emitForming: true }))
        .subscribe(({ bar }) => {
          sink += bar.close;
        });
    }, n),
    unit: 'bars/s',
    note: note('one forming/complete update object per source bar'),
  });
  if (!Number.isFinite(sink)) throw new Error('benchmark checksum is not finite');
  return results;
}
