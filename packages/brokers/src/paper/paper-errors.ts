import { BrokerError } from '../errors/broker-error.js';

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
