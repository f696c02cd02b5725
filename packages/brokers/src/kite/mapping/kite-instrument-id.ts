import { instrumentIdProblem, type InstrumentId } from '@pravah/sdk';
import { BrokerPayloadError } from '../../errors/broker-errors.js';
import { exchangeFromKite } from './kite-enums.js';

/**
 * `EXCHANGE:TRADINGSYMBOL` from Kite's exchange and trading symbol, checked.
 *
 * @example
 * ```ts
 * kiteInstrumentId('NSE', 'SBIN'); // 'NSE:SBIN'
 * ```
 */
export function kiteInstrumentId(exchange: string, tradingsymbol: string): InstrumentId {
  const id = `${exchangeFromKite(exchange)}:${tradingsymbol}`;
  const problem = instrumentIdProblem(id);
  if (problem !== undefined) {
    throw new BrokerPayloadError('kite', 'instrument', [
      `tradingsymbol ${tradingsymbol}: ${problem}`,
    ]);
  }
  return id as InstrumentId;
}
