import type { OperatorFunction } from 'rxjs';
import type { Indicator } from './indicator.js';
import { indicatorOperator } from './internal/operator.js';
import { SlidingMax } from './internal/sliding-extreme.js';
import { checkInput, checkPeriod } from './internal/validate.js';

/**
 * The largest of the last `period` inputs, O(1) amortised per update (van Herk / Gil-Werman
 * blocks: two comparisons per input plus one backward pass per `period` inputs). Ready
 * after `period` inputs. Feed it bar highs for one side of a Donchian channel.
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
  private readonly window: SlidingMax;
  private count = 0;
  private current: number | undefined;

  constructor(period: number) {
    this.period = checkPeriod('Highest', 'period', period);
    this.window = new SlidingMax(this.period);
  }

  update(input: number): number | undefined {
    checkInput('Highest', 'input', input);
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
