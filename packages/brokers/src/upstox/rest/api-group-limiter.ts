import { RateLimiter } from '../../transport/rate-limiter.js';

/** Requests allowed per second, minute and 30 minutes for one Upstox API group. */
export interface UpstoxRateLimit {
  readonly perSecond: number;
  readonly perMinute: number;
  readonly perHalfHour: number;
}

/** Standard APIs (BROKERS.md §2.5). */
export const UPSTOX_STANDARD_LIMIT: UpstoxRateLimit = {
  perSecond: 50,
  perMinute: 500,
  perHalfHour: 2000,
};
/** Order place/modify/cancel for regular (non SEBI-registered) algos. */
export const UPSTOX_ORDER_LIMIT: UpstoxRateLimit = {
  perSecond: 10,
  perMinute: 500,
  perHalfHour: 2000,
};

/**
 * The three sliding windows of one Upstox API group, acquired together so a burst queues on the
 * client instead of drawing 429s.
 *
 * @example
 * ```ts
 * const orders = new ApiGroupLimiter(UPSTOX_ORDER_LIMIT);
 * await orders.acquire();
 * ```
 */
export class ApiGroupLimiter {
  private readonly windows: readonly RateLimiter[];

  constructor(limit: UpstoxRateLimit) {
    this.windows = [
      // The server counts arrivals: a margin keeps network jitter from bunching two windows.
      new RateLimiter(limit.perSecond, 1_050),
      new RateLimiter(limit.perMinute, 60_000),
      new RateLimiter(limit.perHalfHour, 1_800_000),
    ];
  }

  /** Waits until every window has a free slot. */
  async acquire(): Promise<void> {
    for (const window of this.windows) await window.acquire();
  }

  /** After a 429: hold the per-second window for `ms`. */
  backOff(ms: number): void {
    this.windows[0]?.backOff(ms);
  }
}
