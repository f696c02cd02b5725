/**
 * Sliding-window rate limiter: at most `limit` acquisitions in any `windowMs`. `acquire()`
 * resolves when a slot is free, in call order, so bursts queue instead of drawing 429s.
 * `now` and `sleep` are injectable so tests run on a virtual clock.
 *
 * @example
 * ```ts
 * const orders = new RateLimiter(10, 1000); // Kite: 10 order requests per second
 * await orders.acquire();
 * await fetch(url, init);
 * ```
 */
export class RateLimiter {
  private readonly stamps: number[] = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`limit must be a positive integer, got ${limit}`);
    if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
  }

  /** Waits for a free slot and takes it. */
  acquire(): Promise<void> {
    const next = this.tail.then(() => this.take());
    this.tail = next;
    return next;
  }

  /** Pushes every slot out by `ms` (after the broker answered 429 with a retry-after). */
  backOff(ms: number): void {
    const until = this.now() + ms;
    this.stamps.length = 0;
    for (let i = 0; i < this.limit; i++) this.stamps.push(until - this.windowMs);
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.stamps.length > 0 && (this.stamps[0] ?? 0) <= now - this.windowMs)
        this.stamps.shift();
      if (this.stamps.length < this.limit) {
        this.stamps.push(now);
        return;
      }
      await this.sleep((this.stamps[0] ?? now) + this.windowMs - now);
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
