import { EXCHANGES, parseInstrument, type Instrument } from '@pravah/sdk';
import type { KiteInstrumentRow } from '../wire/instruments-csv.js';
import { exchangeFromKite, instrumentTypeFromKite } from './kite-enums.js';

const TRADED: ReadonlySet<string> = new Set(EXCHANGES);

/**
 * Whether a dump row belongs to an exchange Pravah trades (the full dump also lists e.g. NCO,
 * NSEIX and mutual funds, which are skipped rather than mapped).
 *
 * @example
 * ```ts
 * isTradedKiteRow(row); // true for NSE, NFO, BSE...
 * ```
 */
export function isTradedKiteRow(row: KiteInstrumentRow): boolean {
  return TRADED.has(row.exchange);
}

/**
 * A row of Kite's instrument dump as an SDK {@link Instrument} with `brokerTokens.kite`.
 *
 * @example
 * ```ts
 * instrumentFromKite(row); // { id: 'NFO:BANKNIFTY18JAN23500CE', lotSize: 40, strike: 23500, ... }
 * ```
 */
export function instrumentFromKite(row: KiteInstrumentRow): Instrument {
  const exchange = exchangeFromKite(row.exchange);
  const type = instrumentTypeFromKite(row.instrumentType, row.segment);
  const isOption = type === 'CE' || type === 'PE';
  return parseInstrument({
    id: `${exchange}:${row.tradingsymbol}`,
    exchange,
    symbol: row.tradingsymbol,
    type,
    ...(row.name === '' ? {} : { name: row.name }),
    lotSize: row.lotSize,
    tickSize: row.tickSize,
    ...(row.expiry === '' ? {} : { expiry: row.expiry }),
    ...(isOption ? { strike: row.strike, optionType: type } : {}),
    brokerTokens: { kite: String(row.instrumentToken) },
  });
}
