import type { Indicator } from '../indicators/indicator.js';
import type { IndicatorFactory } from './types.js';

class MappedIndicator<In, Out> implements Indicator<In, number> {
  private current: number | undefined;

  constructor(
    private readonly inner: Indicator<In, Out>,
    private readonly project: (value: Out, input: In) => number | undefined,
  ) {}

  update(input: In): number | undefined {
    const value = this.inner.update(input);
    this.current = value === undefined ? undefined : this.project(value, input);
    return this.current;
  }

  get value(): number | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.inner.reset();
    this.current = undefined;
  }
}

/**
 * Turns an indicator with a structured output (MACD, Bollinger Bands, ADX, Stochastic) into a
 * number series a signal can compare: `project` receives the indicator's value and the input that
 * produced it, and returns a number, or `undefined` when no number is defined for this input
 * (treated like warm-up: the signal decides nothing on it). Each call of the returned factory
 * makes a fresh inner indicator.
 *
 * @example
 * ```ts
 * const histogram = mapIndicator(() => new Macd(12, 26, 9), (m) => m.histogram);
 * const percentB = mapIndicator(() => new BollingerBands(20, 2), (b, close) =>
 *   b.upper > b.lower ? (close - b.lower) / (b.upper - b.lower) : undefined);
 * const macdTrend = thresholdSignal({ indicator: histogram, lower: 0, upper: 0, mode: 'momentum' });
 * ```
 */
export function mapIndicator<In, Out>(
  factory: IndicatorFactory<In, Out>,
  project: (value: Out, input: In) => number | undefined,
): IndicatorFactory<In, number> {
  return () => new MappedIndicator(factory(), project);
}
