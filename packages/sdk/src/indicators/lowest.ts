import type { OperatorFunction } from 'rxjs';
import { indicatorOperator } from './internal/operator.js';
import { RollingExtreme } from './internal/rolling-extreme.js';

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
export class Lowest extends RollingExtreme {
  constructor(period: number) {
    super('Lowest', period, -1);
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
