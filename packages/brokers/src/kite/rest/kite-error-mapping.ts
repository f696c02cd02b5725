import type { BrokerError, BrokerErrorDetails } from '../../errors/broker-error.js';
import {
  BrokerUnavailableError,
  InputRejectedError,
  InsufficientFundsError,
  OrderRejectedError,
  RateLimitedError,
  TokenExpiredError,
} from '../../errors/broker-errors.js';
import { KiteErrorEnvelopeSchema } from '../wire/envelope.js';

/** Wait after a 429 without a Retry-After header: one second, Kite's per-second windows. */
export const KITE_DEFAULT_RETRY_AFTER_MS = 1000;

/**
 * Maps a failed Kite answer (status >= 400 or `status:"error"`) to the typed broker error:
 * TokenException/403 -> TokenExpired, InputException -> InputRejected, OrderException ->
 * OrderRejected, MarginException -> InsufficientFunds, 429 -> RateLimited (Retry-After),
 * NetworkException/DataException/5xx -> BrokerUnavailable.
 *
 * @example
 * ```ts
 * kiteErrorOf(403, '{"status":"error","message":"Token expired","error_type":"TokenException"}',
 *   new Headers()); // TokenExpiredError
 * ```
 */
export function kiteErrorOf(status: number, body: string, headers: Headers): BrokerError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const envelope = KiteErrorEnvelopeSchema.safeParse(json);
  const type = envelope.success ? envelope.data.error_type : undefined;
  const message = envelope.success ? envelope.data.message : body.slice(0, 200);
  const details: BrokerErrorDetails = {
    broker: 'kite',
    httpStatus: status,
    brokerMessage: message,
    ...(type === undefined ? {} : { brokerCode: type }),
  };
  if (status === 429) {
    const seconds = Number(headers.get('retry-after'));
    const retryAfterMs =
      Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : KITE_DEFAULT_RETRY_AFTER_MS;
    return new RateLimitedError(
      `kite rate limit hit (HTTP 429): wait ${retryAfterMs} ms before the next call of this kind`,
      retryAfterMs,
      details,
    );
  }
  if (type === 'TokenException' || status === 403) {
    return new TokenExpiredError(
      `kite session is invalid or expired (${message}); log in again (tokens expire 06:00 IST)`,
      details,
    );
  }
  switch (type) {
    case 'InputException':
    case 'UserException':
    case 'PermissionException':
      return new InputRejectedError(`kite rejected the input: ${message}`, details);
    case 'OrderException':
    case 'HoldingException':
      return new OrderRejectedError(`kite rejected the order: ${message}`, details);
    case 'MarginException':
      return new InsufficientFundsError(`kite: insufficient funds: ${message}`, details);
    case 'NetworkException':
    case 'DataException':
      return unavailableError(status, message, details);
    default:
      if (status >= 500) return unavailableError(status, message, details);
      return new InputRejectedError(
        `kite refused the request (HTTP ${status}${type ? `, ${type}` : ''}): ${message}`,
        details,
      );
  }
}

// Like the transport's `unavailable`, but keeping Kite's error_type as brokerCode.
function unavailableError(
  status: number,
  message: string,
  details: BrokerErrorDetails,
): BrokerUnavailableError {
  return new BrokerUnavailableError(
    `kite answered HTTP ${status}: ${message}; retry later (reconcile orders by tag first)`,
    details,
  );
}
