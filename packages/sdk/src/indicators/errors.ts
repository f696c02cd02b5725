import { PravahError } from '../errors/pravah-error.js';
import { formatValue } from '../errors/validation-error.js';

/**
 * An indicator was constructed with an invalid parameter (a period that is not a positive
 * integer, a fast period not below the slow one, a non-finite band width, ...).
 *
 * @example
 * ```ts
 * try { new Sma(0) }
 * catch (e) { if (e instanceof IndicatorParameterError) console.log(e.field, e.value) } // 'period', 0
 * ```
 */
export class IndicatorParameterError extends PravahError {
  /** The indicator whose parameter is wrong, e.g. `Sma`. */
  readonly indicator: string;
  /** The parameter's name, e.g. `period`, `slow`, `kPeriod`. */
  readonly field: string;
  /** The value received. */
  readonly value: unknown;

  constructor(indicator: string, field: string, value: unknown, requirement: string) {
    super(
      'INDICATOR_PARAMETER',
      `${indicator}: ${field} must be ${requirement} (got ${formatValue(value)}); pass a valid ${field}.`,
    );
    this.indicator = indicator;
    this.field = field;
    this.value = value;
  }
}

/**
 * An indicator received an input it cannot use (NaN, an infinite price, a negative volume).
 * Thrown instead of letting the value turn into NaN and poison every later output.
 *
 * @example
 * ```ts
 * try { new Ema(10).update(Number.NaN) }
 * catch (e) { if (e instanceof IndicatorInputError) console.log(e.field, e.value) } // 'input', NaN
 * ```
 */
export class IndicatorInputError extends PravahError {
  readonly indicator: string;
  /** Which input field was bad: `input`, `high`, `low`, `close`, `volume`, `time`, `a`, `b`. */
  readonly field: string;
  readonly value: unknown;

  constructor(indicator: string, field: string, value: unknown, requirement = 'a finite number') {
    super(
      'INDICATOR_INPUT',
      `${indicator}: ${field} must be ${requirement} (got ${formatValue(value)}); clean or skip the bad input before the indicator.`,
    );
    this.indicator = indicator;
    this.field = field;
    this.value = value;
  }
}
