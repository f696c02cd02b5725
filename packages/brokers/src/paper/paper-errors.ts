import { BrokerError } from '../errors/broker-error.js';
import {
  BrokerUnavailableError,
  InputRejectedError,
  OrderRejectedError,
} from '../errors/broker-errors.js';

/**
 * PaperBroker.historicalCandles was called without a candle source: paper trading simulates
 * execution on live ticks and has no history of its own.
 *
 * @example
 * ```ts
 * new PaperBroker({ ticks, instruments, capital, candles: (id, tf, from, to) => kite.historicalCandles(id, tf, from, to) });
 * ```
 */
export class PaperHistoryUnavailableError extends BrokerError {
  constructor() {
    super(
      'PAPER_NO_HISTORY',
      "paper trading has no history source: pass `candles` (e.g. a real broker's historicalCandles) in the PaperBroker options, or load candles from files",
      { broker: 'paper' },
    );
  }
}

/**
 * No paper order has this id.
 *
 * @example
 * ```ts
 * throw orderNotFoundError('PAPER9'); // InputRejectedError, brokerCode ORDER_NOT_FOUND
 * ```
 */
export function orderNotFoundError(orderId: string): InputRejectedError {
  const message = `no paper order with id ${JSON.stringify(orderId)}`;
  return new InputRejectedError(message, {
    broker: 'paper',
    brokerCode: 'ORDER_NOT_FOUND',
    brokerMessage: message,
  });
}

/**
 * The order is complete, cancelled, rejected or expired: it can no longer be modified or cancelled.
 *
 * @example
 * ```ts
 * throw orderNotOpenError('PAPER1', 'FILLED'); // OrderRejectedError, brokerCode ORDER_NOT_OPEN
 * ```
 */
export function orderNotOpenError(orderId: string, status: string): OrderRejectedError {
  const message = `order ${orderId} is ${status} and can no longer be changed`;
  return new OrderRejectedError(message, {
    broker: 'paper',
    brokerCode: 'ORDER_NOT_OPEN',
    brokerMessage: message,
  });
}

/**
 * An instrument the paper broker was not configured with.
 *
 * @example
 * ```ts
 * throw unknownInstrumentError('NSE:INFY'); // InputRejectedError, brokerCode UNKNOWN_INSTRUMENT
 * ```
 */
export function unknownInstrumentError(id: unknown): InputRejectedError {
  const message = `instrument ${JSON.stringify(id)} is not one of the paper broker's instruments`;
  return new InputRejectedError(message, {
    broker: 'paper',
    brokerCode: 'UNKNOWN_INSTRUMENT',
    brokerMessage: message,
  });
}

/**
 * The store refused a save: the state in memory is ahead of what a restart would load.
 *
 * @example
 * ```ts
 * await store.save(snapshot).catch((error) => { throw storeSaveError(error); });
 * ```
 */
export function storeSaveError(error: unknown): BrokerUnavailableError {
  return new BrokerUnavailableError(
    `paper store could not save (${error instanceof Error ? error.message : String(error)}); the state in memory may be ahead of the store: look orders up by tag`,
    { broker: 'paper', cause: error },
  );
}
