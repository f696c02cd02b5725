import { TokenExpiredError } from '../../errors/broker-errors.js';
import { istDate, istMidnight } from '../wire/wire-time.js';

const DAY_MS = 86_400_000;
const THREE_THIRTY_MS = 12_600_000;

/** An Upstox login: the bearer token and when it stops working. */
export interface UpstoxSession {
  readonly accessToken: string;
  /** Long-lived read-only token, when Upstox issued one. */
  readonly extendedToken?: string;
  readonly userId?: string;
  /** Epoch ms of 03:30 IST on the day after the token was issued. */
  readonly expiresAt: number;
}

/**
 * When an Upstox access token expires: 03:30 IST on the calendar day after it was issued,
 * whatever the time of issue (UDOC get-token).
 *
 * @example
 * ```ts
 * upstoxTokenExpiry(Date.parse('2025-01-06T10:00:00+05:30')); // Date.parse('2025-01-07T03:30:00+05:30')
 * ```
 */
export function upstoxTokenExpiry(issuedAt: number): number {
  return istMidnight(istDate(issuedAt)) + DAY_MS + THREE_THIRTY_MS;
}

/**
 * Throws {@link TokenExpiredError} when the session's token has passed its 03:30 IST expiry, so a
 * request that cannot succeed is never sent.
 *
 * @example
 * ```ts
 * assertSessionValid(session, Date.now());
 * ```
 */
export function assertSessionValid(session: UpstoxSession, now: number): void {
  if (now >= session.expiresAt) {
    throw new TokenExpiredError(
      `the Upstox access token expired at ${new Date(session.expiresAt).toISOString()} (03:30 IST); log in again`,
      { broker: 'upstox' },
    );
  }
}
