/**
 * Base class of every error Pravah throws on purpose. `code` is stable and machine-readable;
 * the message says what went wrong and what to do about it.
 *
 * @example
 * ```ts
 * class FeedGapError extends PravahError {
 *   constructor(readonly instrument: string) {
 *     super('FEED_GAP', `Feed for ${instrument} has a gap: resubscribe or backfill`);
 *   }
 * }
 * ```
 */
export class PravahError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
