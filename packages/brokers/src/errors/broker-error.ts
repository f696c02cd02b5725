import { PravahError } from '@pravah/sdk';

/** Which adapter raised an error. */
export type BrokerName = 'kite' | 'upstox' | 'smartapi' | 'paper';

/** What every broker error carries besides the message: the broker's own code and text. */
export interface BrokerErrorDetails {
  readonly broker: BrokerName;
  /** The broker's own error code or type, e.g. Kite's `TokenException` or SmartAPI's `AG8001`. */
  readonly brokerCode?: string;
  /** The broker's own message, unchanged. */
  readonly brokerMessage?: string;
  /** HTTP status, when the error came from a REST call. */
  readonly httpStatus?: number;
  readonly cause?: unknown;
}

/**
 * Base class of the typed errors every adapter maps its wire errors to. Callers branch on the
 * class (or `code`), never on a broker's message text.
 *
 * @example
 * ```ts
 * try {
 *   await broker.placeOrder(request);
 * } catch (error) {
 *   if (error instanceof BrokerError) console.log(error.broker, error.brokerCode, error.message);
 * }
 * ```
 */
export class BrokerError extends PravahError {
  readonly broker: BrokerName;
  readonly brokerCode: string | undefined;
  readonly brokerMessage: string | undefined;
  readonly httpStatus: number | undefined;

  constructor(code: string, message: string, details: BrokerErrorDetails) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.broker = details.broker;
    this.brokerCode = details.brokerCode;
    this.brokerMessage = details.brokerMessage;
    this.httpStatus = details.httpStatus;
  }
}
