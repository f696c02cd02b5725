import { BrokerError, type BrokerErrorDetails } from './broker-error.js';

/**
 * The session token is missing, invalid or expired (Kite: 06:00 IST next day; Upstox: 03:30 IST
 * next day). Log in again; retrying the same call cannot succeed.
 *
 * @example
 * ```ts
 * if (error instanceof TokenExpiredError) await reLogin();
 * ```
 */
export class TokenExpiredError extends BrokerError {
  constructor(message: string, details: BrokerErrorDetails) {
    super('BROKER_TOKEN_EXPIRED', message, details);
  }
}

/**
 * The broker rejected the request's input (a missing or invalid parameter). Fix the request;
 * retrying it unchanged cannot succeed.
 *
 * @example
 * ```ts
 * if (error instanceof InputRejectedError) console.error(error.brokerMessage);
 * ```
 */
export class InputRejectedError extends BrokerError {
  constructor(message: string, details: BrokerErrorDetails) {
    super('BROKER_INPUT_REJECTED', message, details);
  }
}

/**
 * The broker or exchange refused the order itself (RMS rule, price band, product not allowed).
 *
 * @example
 * ```ts
 * if (error instanceof OrderRejectedError) journal.rejected(tag, error.brokerMessage);
 * ```
 */
export class OrderRejectedError extends BrokerError {
  constructor(message: string, details: BrokerErrorDetails) {
    super('BROKER_ORDER_REJECTED', message, details);
  }
}

/**
 * Not enough funds or margin for the order.
 *
 * @example
 * ```ts
 * if (error instanceof InsufficientFundsError) haltEntries();
 * ```
 */
export class InsufficientFundsError extends BrokerError {
  constructor(message: string, details: BrokerErrorDetails) {
    super('BROKER_INSUFFICIENT_FUNDS', message, details);
  }
}

/**
 * The broker answered 429 (or its own throttling code). Wait `retryAfterMs` before the next
 * call of the same kind.
 *
 * @example
 * ```ts
 * if (error instanceof RateLimitedError) await sleep(error.retryAfterMs);
 * ```
 */
export class RateLimitedError extends BrokerError {
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, details: BrokerErrorDetails) {
    super('BROKER_RATE_LIMITED', message, details);
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * The request may or may not have reached the broker (timeout, reset, DNS). For an order
 * placement the outcome is unknown: look the order up by its tag before any retry.
 *
 * @example
 * ```ts
 * if (error instanceof NetworkError) order = await broker.orderByTag(tag);
 * ```
 */
export class NetworkError extends BrokerError {
  constructor(message: string, details: BrokerErrorDetails) {
    super('BROKER_NETWORK', message, details);
  }
}

/**
 * The broker answered but cannot serve now (HTTP 5xx, maintenance, exchange not connected).
 * Whether an order was placed is unknown for 502/503/504: reconcile by tag before retrying.
 *
 * @example
 * ```ts
 * if (error instanceof BrokerUnavailableError) scheduleRetry();
 * ```
 */
export class BrokerUnavailableError extends BrokerError {
  constructor(message: string, details: BrokerErrorDetails) {
    super('BROKER_UNAVAILABLE', message, details);
  }
}

/**
 * A broker sent an enumeration value (status, product, exchange...) that the adapter does not
 * map. Raised instead of casting, so a new broker value never silently becomes a wrong SDK value.
 *
 * @example
 * ```ts
 * throw new UnmappedValueError('kite', 'order status', 'AMO REQ RECEIVED');
 * ```
 */
export class UnmappedValueError extends BrokerError {
  readonly field: string;
  readonly value: unknown;

  constructor(broker: BrokerErrorDetails['broker'], field: string, value: unknown) {
    super(
      'BROKER_UNMAPPED_VALUE',
      `${broker} sent ${field} ${JSON.stringify(value)}, which Pravah does not map: report it with the payload`,
      { broker },
    );
    this.field = field;
    this.value = value;
  }
}

/**
 * A broker payload did not match the adapter's schema (a wire change or a corrupt response).
 * `issues` names each offending field.
 *
 * @example
 * ```ts
 * if (error instanceof BrokerPayloadError) console.error(error.issues);
 * ```
 */
export class BrokerPayloadError extends BrokerError {
  readonly what: string;
  readonly issues: readonly string[];

  constructor(broker: BrokerErrorDetails['broker'], what: string, issues: readonly string[]) {
    super(
      'BROKER_PAYLOAD',
      `${broker} ${what} did not match the expected shape: ${issues.slice(0, 5).join('; ')}`,
      { broker },
    );
    this.what = what;
    this.issues = issues;
  }
}
