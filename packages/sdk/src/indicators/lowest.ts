import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { indicatorOperator } from './internal/operator.js';
import { SlidingMin } from './internal/sliding-extreme.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/**
 * The smallest of the last `period` inputs, O(1) amortised per update (van Herk / Gil-Werman
 * blocks: two comparisons per input plus one backward pass per `period` inputs). Ready
 * after `period` inputs. Feed it bar lows for one side of a Donchian channel.
 *
 * @example
 * ```ts
 * const lowest = new Lowest(3);
 * lowest.update(2); lowest.update(5);
 * lowest.update(1); // 1
 * lowest.update(3); // 1
 * ```
 */
export class Lowest implements Indicator<number, number> {
  readonly period: number;
  private readonly window: SlidingMin;
  private count = 0;
  private current: number | undefined;

  constructor(period: number) {
    this.period = checkPeriod('Lowest', 'period', period);
    this.window = new SlidingMin(this.period);
  }

  update(input: number): number | undefined {
    checkInput('Lowest', 'input', input);
    const extreme = this.window.push(input);
    if (this.count < this.period && ++this.count < this.period) return undefined;
    return (this.current = extreme);
  }

  get value(): number | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.window.reset();
    this.count = 0;
    this.current = undefined;
  }
}

/**
 * Operator twin of {@link Lowest}: emits once `period` inputs have arrived.
 *
 * @example
 * ```ts
 * lows$.pipe(lowest(20)).subscribe((v) => console.log(v));
 * ```
 */
export function lowest(period: number): OperatorFunction<number, number> {
  return indicatorOperator(() => new Lowest(period));
}
