import {
  OrderIntentSchema,
  ValidationError,
  parseWith,
  type InstrumentRegistry,
  type OrderIntent,
} from '@pravah/sdk';
import { InputRejectedError, OrderRejectedError } from '../errors/broker-errors.js';
import { CLIENT_TAG_PATTERN, type OrderRequest } from '../port/order-request.js';
import { unknownInstrumentError } from './paper-errors.js';

const MINUTE_MS = 60_000;

function inputError(code: string, message: string): InputRejectedError {
  return new InputRejectedError(message, {
    broker: 'paper',
    brokerCode: code,
    brokerMessage: message,
  });
}

/**
 * Checks what a broker checks before an order reaches the exchange (tag, instrument, variety,
 * TTL, the shape of prices for the order type) and builds the SimulatedExchange's intent.
 * Bad input throws InputRejectedError naming the field; an index (not tradable) throws
 * OrderRejectedError with brokerCode `NOT_TRADABLE`.
 *
 * @example
 * ```ts
 * const intent = requestToIntent(request, 'PAPER1', now, registry, heldQuantity);
 * ```
 */
export function requestToIntent(
  request: OrderRequest,
  id: string,
  now: number,
  registry: InstrumentRegistry,
  held: number,
  cancelId?: string,
): OrderIntent {
  if (typeof request.tag !== 'string' || !CLIENT_TAG_PATTERN.test(request.tag)) {
    throw inputError(
      'INVALID_TAG',
      `tag ${JSON.stringify(request.tag)} must be 1-20 letters or digits (Kite's rule)`,
    );
  }
  if (typeof request.instrument !== 'string' || !registry.has(request.instrument)) {
    throw unknownInstrumentError(request.instrument);
  }
  if (registry.get(request.instrument).type === 'IDX') {
    const message = `${request.instrument} is an index and cannot be traded: trade its future or an ETF`;
    throw new OrderRejectedError(message, {
      broker: 'paper',
      brokerCode: 'NOT_TRADABLE',
      brokerMessage: message,
    });
  }
  if (request.variety === 'amo') {
    throw inputError(
      'AMO_NOT_SUPPORTED',
      'paper trading fills on live ticks only and does not queue after-market orders: place a regular order in the session',
    );
  }
  const ttl = request.validityTtlMinutes;
  if (request.validity === 'TTL' && (ttl === undefined || !Number.isInteger(ttl) || ttl < 1)) {
    throw inputError(
      'INVALID_TTL',
      `validityTtlMinutes must be a whole number of minutes >= 1 for TTL orders, got ${String(ttl)}`,
    );
  }
  const signed = request.side === 'BUY' ? request.quantity : -request.quantity;
  const candidate = {
    kind: 'intent',
    id,
    instrument: request.instrument,
    time: now,
    side: request.side,
    quantity: request.quantity,
    orderType: request.orderType,
    ...(request.price !== undefined ? { price: request.price } : {}),
    ...(request.triggerPrice !== undefined ? { triggerPrice: request.triggerPrice } : {}),
    product: request.product,
    validity: request.validity === 'TTL' ? 'DAY' : request.validity,
    ...(request.validity === 'TTL' && ttl !== undefined ? { ttlMs: ttl * MINUTE_MS } : {}),
    reduceOnly:
      held !== 0 && Math.sign(held) !== Math.sign(signed) && request.quantity <= Math.abs(held),
    ...(cancelId !== undefined ? { cancelId } : {}),
    reason: `paper order tagged ${request.tag}`,
  };
  try {
    return parseWith(OrderIntentSchema, candidate, 'order request') as OrderIntent;
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new InputRejectedError(error.message, {
        broker: 'paper',
        brokerCode: 'INVALID_INPUT',
        brokerMessage: error.message,
        cause: error,
      });
    }
    throw error;
  }
}
