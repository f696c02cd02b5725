import { PravahError } from '../errors/pravah-error.js';
import { formatValue } from '../errors/validation-error.js';

/**
 * A signal met a value it cannot decide on: a source price or an indicator output that is not a
 * finite number. Thrown instead of letting NaN flow into an opinion.
 *
 * @example
 * ```ts
 * try { run(signal, events) }
 * catch (e) { if (e instanceof SignalValueError) console.log(e.field, e.value, e.instrument, e.time) }
 * ```
 */
export class SignalValueError extends PravahError {
  /** The signal's name, e.g. `crossover`. */
  readonly signal: string;
  /** Which value was bad: `source price`, `fast`, `slow`, `indicator`, ... */
  readonly field: string;
  readonly value: unknown;
  readonly instrument: string;
  /** Time of the offending event (epoch ms, bar open time or tick time). */
  readonly time: number;

  constructor(signal: string, field: string, value: unknown, instrument: string, time: number) {
    super(
      'SIGNAL_VALUE',
      `${signal}: ${field} must be a finite number (got ${formatValue(value)}) for ${instrument} at ${new Date(time).toISOString()}; validate the feed or fix the indicator.`,
    );
    this.signal = signal;
    this.field = field;
    this.value = value;
    this.instrument = instrument;
    this.time = time;
  }
}
