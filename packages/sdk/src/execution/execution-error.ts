import { formatValue } from '../errors/validation-error.js';
import { PravahError } from '../errors/pravah-error.js';

/**
 * An execution model met input it cannot turn into orders (a target that is not a whole
 * number of lots, a non-finite price). Thrown rather than guessing; fix the sizer or signal.
 *
 * @example
 * ```ts
 * try { await runExecution(); } catch (e) { if (e instanceof ExecutionError) console.log(e.field, e.value); }
 * ```
 */
export class ExecutionError extends PravahError {
  /** Name of the offending input, e.g. `target.quantity`. */
  readonly field: string;
  readonly value: unknown;

  constructor(model: string, field: string, value: unknown, hint: string) {
    super('EXECUTION', `${model}: ${field} is ${formatValue(value)}; ${hint}`);
    this.field = field;
    this.value = value;
  }
}
