import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { MonotonicDeque } from './internal/monotonic-deque.js';
import { indicatorOperator } from './internal/operator.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/**
 * The largest of the last `period` inputs, amortised O(1) per update (a monotonic deque:
 * every input enters and leaves it at most once). Ready after `period` inputs. Feed it
 * bar highs for one side of a Donchian channel.
 *
 * @example
 * ```ts
 * const highest = new Highest(3);
 * highest.update(2); highest.update(5);
 * highest.update(1); // 5
 * highest.update(3); // 5
 * ```
 */
export class Highest implements Indicator<number, number> {
  readonly period: number;
  private readonly deque: MonotonicDeque;
  private count = 0;
  private current: number | undefined;

  constructor(period: number) {
    this.period = checkPeriod('Highest', 'period', period);
    this.deque = new MonotonicDeque(this.period, 'max');
  }

  update(input: number): number | undefined {
    checkInput('Highest', 'input', input);
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
 * Operator twin of {@link Highest}: emits once `period` inputs have arrived.
 *
 * @example
 * ```ts
 * highs$.pipe(highest(20)).subscribe((v) => console.log(v));
 * ```
 */
export function highest(period: number): OperatorFunction<number, number> {
  return indicatorOperator(() => new Highest(period));
}
