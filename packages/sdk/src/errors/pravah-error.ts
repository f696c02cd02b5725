/**
 * Base class of every error Pravah throws on purpose. `code` is stable and machine-readable;
 * the message says what went wrong and what to do about it.
 */
export class PravahError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
