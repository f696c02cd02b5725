import { PravahError } from '@pravah/sdk';

/** A mistake in how the CLI was called or in its input: exit code 2, one line, and a hint. */
export class UsageError extends PravahError {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super('USAGE', message);
  }
}
