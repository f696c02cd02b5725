/** One injected failure: the next `count` matching requests answer with this error. */
export interface FakeKiteFailure {
  readonly status: number;
  /** Kite `error_type` in the envelope. Default NetworkException. */
  readonly errorType?: string;
  readonly message?: string;
  /** Only requests whose path starts with this. Default: any. */
  readonly pathPrefix?: string;
  /** How many requests fail. Default 1. */
  readonly count?: number;
  /** Retry-After header in seconds (for 429). */
  readonly retryAfterSeconds?: number;
}

/**
 * Faults a test injects into the fake Kite server. Each `...Once` applies to the next matching
 * request only; `latencyMs` delays every answer.
 *
 * @example
 * ```ts
 * fake.faults.unavailableOnce();
 * await expect(kite.margins()).rejects.toBeInstanceOf(BrokerUnavailableError);
 * ```
 */
export class FakeKiteFaults {
  /** Delay before every answer, in ms. */
  latencyMs = 0;
  /** @internal queued failures */
  readonly failures: { failure: FakeKiteFailure; left: number }[] = [];
  /** @internal placements still to withhold */
  withheldPlacements = 0;
  /** @internal set by expireToken */
  tokensExpired = false;
  /** @internal the market-data side installs this */
  dropMarketDataHook: () => void = () => {};

  /** The next matching request(s) fail with this status and envelope. */
  failNext(failure: FakeKiteFailure): void {
    this.failures.push({ failure, left: failure.count ?? 1 });
  }

  /** The next request answers HTTP 503 NetworkException. */
  unavailableOnce(): void {
    this.failNext({ status: 503, errorType: 'NetworkException', message: 'Gateway timed out' });
  }

  /** The next request answers HTTP 429. */
  rateLimitOnce(retryAfterSeconds = 1): void {
    this.failNext({
      status: 429,
      errorType: 'NetworkException',
      message: 'Too many requests',
      retryAfterSeconds,
    });
  }

  /** The next placement is put in the book, then its response is withheld (never sent). */
  timeoutAfterAcceptOnce(): void {
    this.withheldPlacements += 1;
  }

  /** Every session token stops being valid: later requests answer 403 TokenException. */
  expireToken(): void {
    this.tokensExpired = true;
  }

  /** Cuts every ticker connection (when the ticker is attached). */
  dropMarketData(): void {
    this.dropMarketDataHook();
  }

  /** @internal takes the failure for this path, if any */
  take(path: string): FakeKiteFailure | undefined {
    const index = this.failures.findIndex(
      (f) => f.failure.pathPrefix === undefined || path.startsWith(f.failure.pathPrefix),
    );
    const entry = this.failures[index];
    if (entry === undefined) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.failures.splice(index, 1);
    return entry.failure;
  }
}
