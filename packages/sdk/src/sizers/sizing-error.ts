import { formatValue } from '../errors/validation-error.js';
import { PravahError } from '../errors/pravah-error.js';

/**
 * A sizer met data it cannot size from (a non-finite price, cash or equity). Thrown rather than
 * letting the bad number become a NaN quantity; fix the upstream signal or portfolio.
 *
 * @example
 * ```ts
 * try { await runSizer(); } catch (e) { if (e instanceof SizingError) console.log(e.field, e.value); }
 * ```
 */
export class SizingError extends PravahError {
  /** Name of the offending input, e.g. `signal.price` or `portfolio.cash`. */
  readonly field: string;
  readonly value: unknown;

  constructor(sizer: string, field: string, value: unknown, hint: string) {
    super('SIZING', `${sizer}: ${field} is ${formatValue(value)}; ${hint}`);
    this.field = field;
    this.value = value;
  }
}
