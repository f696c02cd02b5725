import {
  InputRejectedError,
  InsufficientFundsError,
  OrderRejectedError,
  RateLimitedError,
  TokenExpiredError,
} from '@pravah/brokers';

/** What a failed placement means for the order. */
export type PlacementFailure =
  /** The broker refused the order: final. */
  | { readonly kind: 'rejected'; readonly reason: string }
  /** The broker refused the request before placing it and asks to wait: safe to resend. */
  | { readonly kind: 'throttled'; readonly retryAfterMs: number }
  /** The session is gone: nothing was placed, and nothing can be until a new login. */
  | { readonly kind: 'auth'; readonly reason: string }
  /** The request may have been placed: look the order up by tag before anything else. */
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Classifies an error thrown by `broker.placeOrder`. Only the broker's explicit refusals count
 * as "not placed"; everything else (timeouts, dropped sockets, 5xx, an unreadable answer, a bug)
 * leaves the outcome unknown, because guessing "not placed" is how orders get duplicated.
 *
 * @example
 * ```ts
 * classifyPlacementError(new NetworkError('timeout', { broker: 'kite' })).kind; // 'unknown'
 * ```
 */
export function classifyPlacementError(error: unknown): PlacementFailure {
  if (error instanceof RateLimitedError) {
    return { kind: 'throttled', retryAfterMs: Math.max(0, error.retryAfterMs) };
  }
  if (error instanceof TokenExpiredError) return { kind: 'auth', reason: error.message };
  if (
    error instanceof OrderRejectedError ||
    error instanceof InputRejectedError ||
    error instanceof InsufficientFundsError
  ) {
    return { kind: 'rejected', reason: error.brokerMessage ?? error.message };
  }
  return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error) };
}
