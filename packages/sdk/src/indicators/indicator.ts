/**
 * A streaming indicator: O(1) work per update, usable as a plain incremental object.
 * Every indicator in Pravah implements this; its operator twin (`sma(10)`, ...) wraps it.
 *
 * - `update(input)` consumes one input and returns the new value, or `undefined` while warming up.
 * - `value` is the latest value (`undefined` until ready).
 * - `isReady` is true once enough inputs have been seen.
 * - `reset()` forgets everything, as if newly constructed.
 */
export interface Indicator<In, Out> {
  update(input: In): Out | undefined;
  readonly value: Out | undefined;
  readonly isReady: boolean;
  reset(): void;
}

/** The OHLCV fields an indicator may read from a bar. */
export interface OhlcvInput {
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly open?: number;
  readonly volume?: number;
  readonly time?: number;
}
