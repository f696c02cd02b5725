import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { MonotonicDeque } from './internal/monotonic-deque.js';
import { indicatorOperator } from './internal/operator.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/**
 * The smallest of the last `period` inputs, amortised O(1) per update (a monotonic deque:
 * every input enters and leaves it at most once). Ready after `period` inputs. Feed it
 * bar lows for one side of a Donchian channel.
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
  private readonly deque: MonotonicDeque;
  private count = 0;
  private current: number | undefined;

  constructor(period: number) {
    this.period = checkPeriod('Lowest', 'period', period);
    this.deque = new MonotonicDeque(this.period, 'min');
  }

  update(input: number): number | undefined {
    checkInput('Lowest', 'input', input);
    const extreme = this.deque.push(input);
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
    this.deque.reset();
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
