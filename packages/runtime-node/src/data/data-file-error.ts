import { PravahError } from '@pravah/sdk';

/**
 * A data file (cache or Parquet) that cannot be read as bars: names the field and the value.
 *
 * @example
 * ```ts
 * throw new DataFileError('columns', ['time', 'close'], 'a bar file needs open, high, low and close');
 * ```
 */
export class DataFileError extends PravahError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super('DATA_FILE', `${field}: ${reason} (got ${JSON.stringify(value)})`);
  }
}
