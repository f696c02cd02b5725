import type { OperatorFunction } from 'rxjs';
import { indicatorOperator } from './internal/operator.js';
import { RollingExtreme } from './internal/rolling-extreme.js';

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
export class Highest extends RollingExtreme {
  constructor(period: number) {
    super('Highest', period, 1);
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
