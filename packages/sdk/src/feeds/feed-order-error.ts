import { PravahError } from '../errors/pravah-error.js';

/**
 * A feed source produced an event that becomes known earlier than the one before it. A feed
 * must be time-ordered (by `knownAt`) for a strategy to never see the future.
 *
 * @example
 * ```ts
 * fromArray([lateBar, earlyBar]).subscribe({ error: (e) => e instanceof FeedOrderError });
 * ```
 */
export class FeedOrderError extends PravahError {
  /** Index of the source among the merged inputs (0 for a single source). */
  readonly source: number;
  /** Position of the offending event within its source (0-based). */
  readonly position: number;
  /** The offending event's known-at time and the previous one, epoch ms. */
  readonly knownAt: number;
  readonly previousKnownAt: number;

  constructor(
    source: number,
    position: number,
    knownAt: number,
    previousKnownAt: number,
    instrument: string,
  ) {
    super(
      'FEED_ORDER',
      `Feed source ${source} goes back in time at event ${position} (${instrument}): known at ${new Date(knownAt).toISOString()} after ${new Date(previousKnownAt).toISOString()}. Sort each source by knownAt (a bar's open time plus its timeframe, a tick's time) before feeding it, e.g. parse with onOutOfOrder: 'sort'.`,
    );
    this.source = source;
    this.position = position;
    this.knownAt = knownAt;
    this.previousKnownAt = previousKnownAt;
  }
}
