import { PravahError } from '../errors/pravah-error.js';
import { formatValue } from '../errors/validation-error.js';

/**
 * A time or date input that cannot be read: a malformed `YYYY-MM-DD` / `HH:mm` string, an
 * impossible calendar date, or an epoch value that is not a finite number.
 *
 * @example
 * ```ts
 * try { istDateTime('2024-02-30', '09:15') }
 * catch (e) { if (e instanceof TimeInputError) console.log(e.field, e.value) }
 * ```
 */
export class TimeInputError extends PravahError {
  /** Which argument was wrong, e.g. `date`, `time` or `epochMs`. */
  readonly field: string;
  /** The offending value as received. */
  readonly value: unknown;

  constructor(field: string, value: unknown, expected: string) {
    super('TIME_INPUT', `Invalid ${field} ${formatValue(value)}: expected ${expected}`);
    this.field = field;
    this.value = value;
  }
}
