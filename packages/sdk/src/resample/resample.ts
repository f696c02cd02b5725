import { Observable, type OperatorFunction } from 'rxjs';
import type { Bar } from '../model/bar.js';
import type { Timeframe } from '../model/timeframe.js';
import { BarResampler, type ResampleOptions } from './bar-resampler.js';

/** What `resample(tf, { emitForming: true })` emits: a forming snapshot or a final bar. */
export interface ResampleUpdate {
  readonly bar: Bar;
  /** false: the bucket is still forming and later updates will replace this bar. */
  readonly complete: boolean;
}

/**
 * Aggregates time-ordered source bars (1-minute, or any intraday timeframe dividing the
 * target) into `timeframe` bars aligned to the 09:15 IST session open, per instrument.
 *
 * Without `emitForming` it emits each completed bar once. With `emitForming: true` it emits
 * {@link ResampleUpdate}s: after every source bar, the state of that bar's bucket, with
 * `complete: false` while it is forming and `complete: true` on the update that finalises it
 * (a bucket completed by a later bar or by the end of the source is emitted complete at that
 * point). Buckets, labels, completion and the options are those of {@link BarResampler}; all
 * forming buckets are emitted complete when the source completes.
 *
 * @example
 * ```ts
 * // Completed 15-minute bars from end-labelled NIFTY minutes
 * minutes$.pipe(resample('15m', { sourceLabel: 'end' })).subscribe((bar) => console.log(bar));
 *
 * // A live chart: the forming 5-minute bar at every minute, then the final one
 * minutes$.pipe(resample('5m', { emitForming: true })).subscribe(({ bar, complete }) => draw(bar, complete));
 * ```
 */
export function resample(
  timeframe: Timeframe,
  options?: ResampleOptions & { readonly emitForming?: false },
): OperatorFunction<Bar, Bar>;
export function resample(
  timeframe: Timeframe,
  options: ResampleOptions & { readonly emitForming: true },
): OperatorFunction<Bar, ResampleUpdate>;
export function resample(
  timeframe: Timeframe,
  options: ResampleOptions = {},
): OperatorFunction<Bar, Bar | ResampleUpdate> {
  // Built once up front so bad options throw when the operator is created.
  new BarResampler(timeframe, options, () => undefined);
  const withForming = options.emitForming === true;
  return (source) =>
    new Observable<Bar | ResampleUpdate>((subscriber) => {
      const resampler = new BarResampler(
        timeframe,
        options,
        withForming
          ? (bar, complete) => subscriber.next({ bar, complete })
          : (bar) => subscriber.next(bar),
      );
      return source.subscribe({
        next(bar) {
          try {
            resampler.push(bar);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete() {
          resampler.flush();
          subscriber.complete();
        },
      });
    });
}
