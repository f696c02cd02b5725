import type { Bar } from '../model/bar.js';
import type { Timeframe } from '../model/timeframe.js';
import { BarResampler, type ResampleOptions } from './bar-resampler.js';

/**
 * Batch form of {@link resample}: all completed `timeframe` bars of `bars` (time-ordered per
 * instrument), in the order they complete, with every bucket still open at the end included.
 * Same buckets, labels and options as the operator (`emitForming` is ignored).
 *
 * @example
 * ```ts
 * const daily = resampleBars(minutes, '1d');
 * const hourly = resampleBars(niftyMinutes, '60m', { sourceLabel: 'end' }); // 09:15-10:15, ...
 * ```
 */
export function resampleBars(
  bars: Iterable<Bar>,
  timeframe: Timeframe,
  options: Omit<ResampleOptions, 'emitForming'> = {},
): Bar[] {
  const out: Bar[] = [];
  const resampler = new BarResampler(timeframe, { ...options, emitForming: false }, (bar) => {
    out.push(bar);
  });
  for (const bar of bars) resampler.push(bar);
  resampler.flush();
  return out;
}
