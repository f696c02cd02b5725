import { Observable, type OperatorFunction } from 'rxjs';
import { BarResampler, timeframeMs, type Bar, type MarketEvent, type Timeframe } from '@pravah/sdk';
import { StrategyDataError } from './strategy-data-error.js';

/**
 * Bars of one timeframe, whatever the feed carries: bars already of `timeframe` pass through,
 * finer bars (1-minute, 5-minute, ...) are aggregated per instrument with the sdk's
 * {@link BarResampler} (session-aligned, pre-open and post-close minutes dropped; a daily bar is
 * final with its session's last minute), ticks are ignored. A bar coarser than `timeframe`
 * cannot be refined: it fails the stream with a {@link StrategyDataError} naming `strategy`.
 *
 * A resampled bar is emitted while the source bar that completes it is being handled, so a
 * strategy acts on it at once (a 15-minute bar at 09:30, a daily bar at 15:30).
 *
 * @example
 * ```ts
 * const daily = barsAt('1d', 'rsi-mean-reversion'); // daily files pass, minute files are resampled
 * feed$.pipe(daily).subscribe((bar) => console.log(bar.close));
 * ```
 */
export function barsAt(timeframe: Timeframe, strategy: string): OperatorFunction<MarketEvent, Bar> {
  const wanted = timeframeMs(timeframe);
  return (source) =>
    new Observable<Bar>((subscriber) => {
      const resampler = new BarResampler(timeframe, {}, (bar, complete) => {
        if (complete) subscriber.next(bar);
      });
      return source.subscribe({
        next(event) {
          if (event.kind !== 'bar') return;
          if (event.timeframe === timeframe) {
            subscriber.next(event);
            return;
          }
          if (timeframeMs(event.timeframe) > wanted) {
            subscriber.error(
              new StrategyDataError(
                strategy,
                `${event.instrument} bar timeframe`,
                event.timeframe,
                `this strategy needs ${timeframe} bars or finer`,
              ),
            );
            return;
          }
          try {
            resampler.push(event);
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
