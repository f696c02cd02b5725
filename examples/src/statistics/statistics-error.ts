import { PravahError, formatValue } from '@pravah/sdk';

/**
 * A statistical routine got input it cannot work with (series of different lengths, too few
 * observations, a non-finite value, a constant regressor). Names the offending input and value.
 *
 * @example
 * ```ts
 * try { engleGranger([1, 2], [1]); }
 * catch (e) { if (e instanceof StatisticsInputError) console.log(e.field, e.value); }
 * ```
 */
export class StatisticsInputError extends PravahError {
  constructor(
    readonly routine: string,
    readonly field: string,
    readonly value: unknown,
    hint: string,
  ) {
    super('STATISTICS_INPUT', `${routine}: ${field} is ${formatValue(value)}; ${hint}`);
  }
}
