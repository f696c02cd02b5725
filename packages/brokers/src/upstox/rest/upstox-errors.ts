import {
  BrokerPayloadError,
  InputRejectedError,
  InsufficientFundsError,
  OrderRejectedError,
  RateLimitedError,
  TokenExpiredError,
} from '../../errors/broker-errors.js';
import type { BrokerError, BrokerErrorDetails } from '../../errors/broker-error.js';
import { unavailable } from '../../transport/http-client.js';
import { UpstoxErrorEnvelopeSchema } from '../wire/schemas.js';

/** Wait after a 429: Upstox sends no retry-after, and its tightest window is one second. */
export const UPSTOX_RETRY_AFTER_MS = 1_000;

const TOKEN_CODES: ReadonlySet<string> = new Set(['UDAPI100050']);
const RATE_CODES: ReadonlySet<string> = new Set(['UDAPI10005']);
// Codes UAE/UDOC document as bad input: missing/invalid parameters, keys, unknown order id.
const INPUT_CODES: ReadonlySet<string> = new Set([
  'UDAPI100036',
  'UDAPI100038',
  'UDAPI100067',
  'UDAPI10000',
  'UDAPI100015',
  'UDAPI100060',
  'UDAPI100043',
  'UDAPI1087',
  'UDAPI1009',
  'UDAPI1011',
  'UDAPI100010',
  'UDAPI1004',
  'UDAPI1007',
  'UDAPI1055',
  'UDAPI1056',
]);
// Upstox documents no dedicated margin code; its RMS text is the only signal.
const FUNDS_TEXT = /insufficient|margin|funds/i;

/** The first error of an Upstox error envelope, whichever key spelling it used. */
export interface UpstoxWireError {
  readonly code: string | undefined;
  readonly message: string | undefined;
}

/**
 * Reads `{status:"error", errors:[…]}`, taking `error_code` or `errorCode` and `message`.
 * Returns undefined when the body is not such an envelope.
 *
 * @example
 * ```ts
 * readUpstoxError('{"status":"error","errors":[{"errorCode":"UDAPI100050","message":"Invalid token"}]}');
 * // { code: 'UDAPI100050', message: 'Invalid token' }
 * ```
 */
export function readUpstoxError(body: string): UpstoxWireError | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = UpstoxErrorEnvelopeSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const first = parsed.data.errors[0];
  return {
    code: first?.error_code ?? first?.errorCode ?? undefined,
    message: first?.message ?? undefined,
  };
}

/**
 * Maps a failed Upstox response to the typed broker error: 401/UDAPI100050 token, 429/UDAPI10005
 * rate limit, 5xx unavailable, documented input codes input-rejected; on order calls other
 * refusals are order rejections (insufficient funds when the RMS text says so).
 *
 * @example
 * ```ts
 * const error = upstoxErrorFor(401, body, { what: 'GET /v2/order/retrieve-all', isOrder: false });
 * error instanceof TokenExpiredError; // true
 * ```
 */
export function upstoxErrorFor(
  status: number,
  body: string,
  context: { readonly what: string; readonly isOrder: boolean },
): BrokerError {
  const wire = readUpstoxError(body);
  const details: BrokerErrorDetails = {
    broker: 'upstox',
    httpStatus: status,
    ...(wire?.code === undefined ? {} : { brokerCode: wire.code }),
    ...(wire?.message === undefined ? {} : { brokerMessage: wire.message }),
  };
  const said = wire?.message === undefined ? '' : `: ${wire.message}`;
  const code = wire?.code ?? '';
  if (status === 401 || TOKEN_CODES.has(code)) {
    return new TokenExpiredError(
      `upstox ${context.what} refused the access token${said}; log in again (tokens expire at 03:30 IST)`,
      details,
    );
  }
  if (status === 429 || RATE_CODES.has(code)) {
    return new RateLimitedError(
      `upstox ${context.what} was rate limited${said}; wait ${UPSTOX_RETRY_AFTER_MS} ms`,
      UPSTOX_RETRY_AFTER_MS,
      details,
    );
  }
  if (status >= 500) return unavailable('upstox', status, wire?.message);
  if (wire === undefined) {
    return new BrokerPayloadError('upstox', `${context.what} error response`, [
      `HTTP ${status} without an error envelope: ${body.slice(0, 120)}`,
    ]);
  }
  if (!INPUT_CODES.has(code) && context.isOrder) {
    if (FUNDS_TEXT.test(wire.message ?? '')) {
      return new InsufficientFundsError(
        `upstox ${context.what}${said}; add funds or reduce size`,
        details,
      );
    }
    return new OrderRejectedError(`upstox ${context.what} rejected the order${said}`, details);
  }
  return new InputRejectedError(
    `upstox ${context.what} rejected the input${said}; fix the request`,
    details,
  );
}
