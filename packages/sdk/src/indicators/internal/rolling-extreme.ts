import type { Indicator } from '../indicator.js';
import { SlidingMax } from './sliding-extreme.js';
import { checkInput, checkPeriod } from './validate.js';

/**
 * The shared body of {@link Highest} and {@link Lowest}: the extreme of the last `period`
 * inputs, ready after `period` inputs. `sign` is 1 for the maximum and -1 for the minimum (the
 * maximum of the negated inputs, negated back).
 */
export abstract class RollingExtreme implements Indicator<number, number> {
  readonly period: number;
  private readonly window: SlidingMax;
  private count = 0;
  private current: number | undefined;

  protected constructor(
    private readonly name: string,
    period: number,
    private readonly sign: 1 | -1,
  ) {
    this.period = checkPeriod(name, 'period', period);
    this.window = new SlidingMax(this.period);
  }

  update(input: number): number | undefined {
    checkInput(this.name, 'input', input);
    const extreme = this.sign * this.window.push(this.sign * input);
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
