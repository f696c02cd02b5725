import { PravahError } from '../errors/pravah-error.js';
import { formatValue } from '../errors/validation-error.js';

/**
 * Resampling was asked for something impossible: an unknown target timeframe, a source bar
 * that is not finer than the target or does not divide it, or a malformed session window.
 *
 * @example
 * ```ts
 * try { resampleBars(fiveMinuteBars, '3m') }
 * catch (e) { if (e instanceof ResampleConfigError) console.log(e.field, e.value) } // 'timeframe', '5m'
 * ```
 */
export class ResampleConfigError extends PravahError {
  /** `timeframe` (target or source bar's), `session.open`, `session.close`, ... */
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, value: unknown, problem: string) {
    super('RESAMPLE_CONFIG', `Cannot resample: ${field} ${formatValue(value)} ${problem}.`);
    this.field = field;
    this.value = value;
  }
}

/**
 * A source bar arrived at or before the previous bar of the same instrument. Resampling needs
 * each instrument's bars strictly time-ordered and unique: sort and de-duplicate the source
 * first (the parsers report such rows).
 *
 * @example
 * ```ts
 * try { resampleBars(unsorted, '15m') }
 * catch (e) { if (e instanceof OutOfOrderBarError) console.log(e.instrument, e.value, e.previous) }
 * ```
 */
export class OutOfOrderBarError extends PravahError {
  readonly field = 'time';
  readonly instrument: string;
  /** The offending bar's `time` as received. */
  readonly value: number;
  /** The previous bar's `time` for the same instrument. */
  readonly previous: number;

  constructor(instrument: string, value: number, previous: number) {
    super(
      'RESAMPLE_ORDER',
      `Cannot resample ${instrument}: bar time ${new Date(value).toISOString()} is not after the previous bar's ${new Date(previous).toISOString()}; sort and de-duplicate bars per instrument first.`,
    );
    this.instrument = instrument;
    this.value = value;
    this.previous = previous;
  }
}
