import type { Order } from '@pravah/sdk';
import type { BrokerError } from '../errors/broker-error.js';
import {
  InputRejectedError,
  InsufficientFundsError,
  OrderRejectedError,
} from '../errors/broker-errors.js';

/** Exchange rejection codes that mean the request itself was malformed for the instrument. */
const INPUT_CODES: ReadonlySet<string> = new Set([
  'UNKNOWN_INSTRUMENT',
  'LOT_SIZE',
  'TICK_SIZE',
  'FREEZE_QUANTITY',
]);

/**
 * The port's typed error for an order the SimulatedExchange rejected: lot, tick, freeze and
 * unknown-instrument problems are InputRejectedError, a funds shortfall InsufficientFundsError,
 * everything else (price band, MIS cut-off, CNC short sell) OrderRejectedError. The exchange's
 * code (`LOT_SIZE`, ...) is the `brokerCode`, its full reason the `brokerMessage`.
 *
 * @example
 * ```ts
 * const order = venue.submit(intent, now);
 * if (order.status === 'REJECTED') throw rejectionError(order);
 * ```
 */
export function rejectionError(order: Order): BrokerError {
  const reason = order.history[order.history.length - 1]?.reason ?? 'REJECTED: no reason given';
  const colon = reason.indexOf(':');
  const code = colon > 0 ? reason.slice(0, colon) : 'REJECTED';
  const details = { broker: 'paper', brokerCode: code, brokerMessage: reason } as const;
  const message = `paper order ${order.id} rejected: ${reason}`;
  if (INPUT_CODES.has(code)) return new InputRejectedError(message, details);
  if (code === 'INSUFFICIENT_FUNDS') return new InsufficientFundsError(message, details);
  return new OrderRejectedError(message, details);
}
