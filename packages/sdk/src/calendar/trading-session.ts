import type { IsoDate } from '../time/iso-date.js';
import type { MarketSegment } from './segment.js';

/** A half-open time interval `[start, end)` in epoch ms. */
export interface TimeInterval {
  readonly start: number;
  readonly end: number;
}

/** What kind of day a session belongs to. */
export type SessionKind = 'normal' | 'muhurat' | 'special';

/**
 * One trading session of one segment on one IST date, all times in epoch ms (UTC).
 *
 * - `open`/`close` bound the normal (continuous) market; `continuous` lists its sittings: one
 *   interval normally, two on the 2024 disaster-recovery drill Saturdays.
 * - `preOpen` is the pre-open call auction before `open` (order entry, matching, buffer).
 * - `closingAuction` (cash, from 2026-08-03) is where continuous trading in stocks with
 *   derivatives ends; other stocks trade to `close`.
 * - `closingSession` is the post-close session at the closing price.
 * - `basis` says whether the day came from exchange data or from the weekday fallback.
 */
export interface TradingSession {
  readonly date: IsoDate;
  readonly segment: MarketSegment;
  readonly kind: SessionKind;
  /** The occasion for muhurat and special sessions. */
  readonly name?: string;
  readonly preOpen?: TimeInterval;
  readonly open: number;
  readonly close: number;
  readonly continuous: readonly TimeInterval[];
  readonly closingAuction?: TimeInterval;
  readonly closingSession?: TimeInterval;
  readonly basis: 'exchange-data' | 'weekday-fallback';
}
