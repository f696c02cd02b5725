import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { indicatorOperator } from './internal/operator.js';
import { checkFiniteParameter, checkInput } from './internal/validate.js';

/** What happened between two series on one update. */
export type CrossoverSignal = 'above' | 'below' | 'none';

/** A pair `[a, b]` of the two series' current values, e.g. `[fastSma, slowSma]`. */
export type CrossoverInput = readonly [a: number, b: number];

/** Options of {@link Crossover}. */
export interface CrossoverOptions {
  /**
   * Differences with |a - b| <= epsilon count as ties (default 0: exact comparison). Two SMAs
   * of 0.05-step prices can be mathematically equal yet differ by ~1e-12 after floating-point
   * summation (13 such near-ties, 3 of them exact, in SMA(10) vs SMA(30) over the 194,423
   * NIFTY minutes); an epsilon such as 1e-9 makes every true tie a tie.
   */
  readonly epsilon?: number;
}

/**
 * Detects series `a` crossing series `b`, O(1) per update.
 *
 * Exact rule, with (a0, b0) the previous pair and (a1, b1) the current one:
 * - `'above'` when a0 <= b0 and a1 > b1 (a crossed over b; crossover),
 * - `'below'` when a0 >= b0 and a1 < b1 (a crossed under b; crossunder),
 * - `'none'` otherwise.
 *
 * Ties: equality is compared exactly (unless `epsilon` is given) and counts as "not yet crossed" for both
 * directions, so a touch is a valid starting point. Sequences (a - b):
 * `-1, 0, +1` gives 'none', 'above' (one signal, on the bar that ends strictly above);
 * `+1, 0, +1` gives 'none', 'above' (touching from above and leaving upward signals again);
 * `+1, 0, -1` gives 'none', 'below'; `0, 0, 0` gives nothing. SMA ties are real on NSE
 * prices that move in 0.05 steps, so strategies that must not re-enter on a touch should
 * track their position instead of relying on alternation.
 *
 * The first pair only sets the reference: `update` returns `undefined` for it and the
 * operator emits from the second pair on.
 *
 * @example
 * ```ts
 * const cross = new Crossover();
 * cross.update(1, 2); // undefined (first pair)
 * cross.update(2, 2); // 'none'
 * cross.update(3, 2); // 'above'
 * cross.update([1, 2]); // 'below'
 * ```
 */
export class Crossover implements Indicator<CrossoverInput, CrossoverSignal> {
  readonly epsilon: number;
  private hasPrevious = false;
  private previousDifference = 0;
  private current: CrossoverSignal | undefined;

  constructor(options: CrossoverOptions = {}) {
    this.epsilon = checkFiniteParameter('Crossover', 'epsilon', options.epsilon ?? 0, 0);
  }

  /** Feeds one pair, either as `update([a, b])` or `update(a, b)`. */
  update(input: CrossoverInput | number, b?: number): CrossoverSignal | undefined {
    let a: number;
    if (typeof input === 'number') {
      a = input;
      // A missing second argument becomes NaN and is rejected by checkInput below.
      b ??= Number.NaN;
    } else {
      a = input[0];
      b = input[1];
    }
    checkInput('Crossover', 'a', a);
    checkInput('Crossover', 'b', b);
    const gap = a - b;
    const epsilon = this.epsilon;
    const difference = gap > epsilon ? 1 : gap < -epsilon ? -1 : 0;
    if (!this.hasPrevious) {
      this.hasPrevious = true;
      this.previousDifference = difference;
      return undefined;
    }
    const previous = this.previousDifference;
    this.previousDifference = difference;
    return (this.current =
      difference > 0 && previous <= 0
        ? 'above'
        : difference < 0 && previous >= 0
          ? 'below'
          : 'none');
  }

  get value(): CrossoverSignal | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.hasPrevious = false;
    this.previousDifference = 0;
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link Crossover}: from `[a, b]` pairs to `'above' | 'below' | 'none'`,
 * one per pair from the second pair on. `options.epsilon` as in {@link CrossoverOptions}.
 *
 * @example
 * ```ts
 * combineLatest([closes$.pipe(sma(10)), closes$.pipe(sma(30))])
 *   .pipe(crossover(), filter((s) => s !== 'none'))
 *   .subscribe((s) => console.log(s));
 * ```
 */
export function crossover(
  options: CrossoverOptions = {},
): OperatorFunction<CrossoverInput, CrossoverSignal> {
  return indicatorOperator(() => new Crossover(options));
}
