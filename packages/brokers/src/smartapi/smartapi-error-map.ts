import type { BrokerError, BrokerErrorDetails } from '../errors/broker-error.js';
import {
  BrokerUnavailableError,
  InputRejectedError,
  InsufficientFundsError,
  OrderRejectedError,
  RateLimitedError,
  TokenExpiredError,
} from '../errors/broker-errors.js';
import { unavailable } from '../transport/http-client.js';

/** Codes meaning the session is gone: log in again (BROKERS.md §3.4). */
const TOKEN_CODES: ReadonlySet<string> = new Set([
  'AG8001',
  'AG8002',
  'AG8003',
  'AB8050',
  'AB8051',
  'AB1010',
  'AB1011',
]);
/** Server-side failures worth a retry. */
const RETRY_CODES: ReadonlySet<string> = new Set(['AB1004', 'AB2001']);
/** Input problems: symbol unknown, token empty, wrong credentials. */
const INPUT_CODES: ReadonlySet<string> = new Set(['AB1009', 'AB1018', 'AB4018', 'AB1050']);
/** Not a documented code; the fake and some RMS answers use it for margin shortfalls. */
const FUNDS_CODES: ReadonlySet<string> = new Set(['AB4036']);

/** SmartAPI throttles with HTTP 403 (sometimes 429) and a text about the access rate. */
const RATE_TEXT = /exceeding access rate|access rate|too many requests/i;

/** How long to wait after a rate-limit answer: the tightest documented window is 1 s. */
export const RATE_LIMIT_RETRY_MS = 1000;

/** What the adapter knows about a failed call. */
export interface SmartApiFailure {
  readonly httpStatus: number;
  readonly code?: string;
  readonly message?: string;
  /** Order placement/modification/cancellation: unknown business codes are order rejections. */
  readonly orderCall: boolean;
  readonly route: string;
}

/**
 * Maps a SmartAPI failure (HTTP status plus either envelope's code and message) to the typed
 * broker error.
 *
 * @example
 * ```ts
 * smartApiError({ httpStatus: 200, code: 'AG8002', message: 'Token Expired', orderCall: false,
 *   route: 'getRMS' }); // TokenExpiredError
 * ```
 */
export function smartApiError(failure: SmartApiFailure): BrokerError {
  const { httpStatus, code, message, route } = failure;
  const details: BrokerErrorDetails = {
    broker: 'smartapi',
    httpStatus,
    ...(code === undefined || code === '' ? {} : { brokerCode: code }),
    ...(message === undefined ? {} : { brokerMessage: message }),
  };
  const said = message === undefined || message === '' ? '' : `: ${message}`;
  if (httpStatus === 429 || (httpStatus === 403 && RATE_TEXT.test(message ?? ''))) {
    return new RateLimitedError(
      `smartapi ${route} was throttled${said}; wait ${RATE_LIMIT_RETRY_MS} ms before the next call`,
      RATE_LIMIT_RETRY_MS,
      details,
    );
  }
  if (code !== undefined && TOKEN_CODES.has(code)) {
    return new TokenExpiredError(
      `smartapi session is no longer valid (${code}${said}); log in again`,
      details,
    );
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return new TokenExpiredError(
      `smartapi refused the session (HTTP ${httpStatus}${said}); log in again`,
      details,
    );
  }
  if (httpStatus >= 500) return unavailable('smartapi', httpStatus, message);
  if (code !== undefined && RETRY_CODES.has(code)) {
    return new BrokerUnavailableError(
      `smartapi ${route} failed on the broker's side (${code}${said}); retry later`,
      details,
    );
  }
  if (code !== undefined && FUNDS_CODES.has(code)) {
    return new InsufficientFundsError(`smartapi: not enough margin (${code}${said})`, details);
  }
  if (failure.orderCall && (code === undefined || !INPUT_CODES.has(code))) {
    return new OrderRejectedError(
      `smartapi rejected ${route} (${code ?? `HTTP ${httpStatus}`}${said})`,
      details,
    );
  }
  return new InputRejectedError(
    `smartapi rejected ${route} (${code ?? `HTTP ${httpStatus}`}${said}); fix the request`,
    details,
  );
}
