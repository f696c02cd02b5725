import { BrokerUnavailableError, NetworkError, RateLimitedError } from '@pravah/brokers';

/**
 * Runs a broker read (never a placement) again after a 429, a network error or a 5xx, waiting
 * the broker's retry-after or an exponential pause, up to `attempts` times. Start-up reads go
 * through it so that a throttled instrument or order-book read does not abort the start.
 *
 * @example
 * ```ts
 * const book = await retryBrokerRead(() => broker.orders());
 * ```
 */
export async function retryBrokerRead<T>(
  read: () => Promise<T>,
  attempts = 8,
  firstPauseMs = 200,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const transient =
        error instanceof RateLimitedError ||
        error instanceof NetworkError ||
        error instanceof BrokerUnavailableError;
      if (!transient || attempt >= attempts) throw error;
      const pause =
        error instanceof RateLimitedError
          ? error.retryAfterMs
          : Math.min(5000, firstPauseMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
