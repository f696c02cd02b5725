import { PravahError } from '@pravah/sdk';

/**
 * A sweep or walk-forward request that cannot run: names the field and the value.
 *
 * @example
 * ```ts
 * throw new SweepInputError('grid.fast', [], 'give at least one value');
 * ```
 */
export class SweepInputError extends PravahError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super('SWEEP_INPUT', `${field}: ${reason} (got ${JSON.stringify(value)})`);
  }
}
