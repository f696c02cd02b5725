import {
  InstrumentSchema,
  instrumentIdProblem,
  type Exchange,
  type Instrument,
  type InstrumentId,
  type InstrumentType,
} from '@pravah/sdk';
import { UnmappedValueError } from '../errors/broker-errors.js';
import { exchangeFromSegment, exchangeTypeOf } from './smartapi-enums.js';
import { parseExpiry } from './smartapi-time.js';
import type { ScripRecord } from './smartapi-wire-schemas.js';

/**
 * SDK trading symbol of a SmartAPI one: cash symbols lose the `-EQ` series suffix (`SBIN-EQ` ->
 * `SBIN`, as Kite and the SDK name them); index names are upper-cased (`Nifty 50` -> `NIFTY 50`).
 *
 * @example
 * ```ts
 * sdkSymbolOf('NSE', 'SBIN-EQ'); // 'SBIN'
 * ```
 */
export function sdkSymbolOf(exchange: Exchange, wireSymbol: string): string {
  const upper = wireSymbol.trim().toUpperCase();
  if ((exchange === 'NSE' || exchange === 'BSE') && upper.endsWith('-EQ'))
    return upper.slice(0, -3);
  return upper;
}

function instrumentTypeOf(record: ScripRecord, exchange: Exchange): InstrumentType {
  const kind = record.instrumenttype.trim().toUpperCase();
  if (kind === '' && (exchange === 'NSE' || exchange === 'BSE')) return 'EQ';
  if (kind === 'AMXIDX' || kind === 'INDEX') return 'IDX';
  if (kind.startsWith('FUT')) return 'FUT';
  if (kind.startsWith('OPT')) {
    const symbol = record.symbol.toUpperCase();
    if (symbol.endsWith('CE')) return 'CE';
    if (symbol.endsWith('PE')) return 'PE';
    throw new UnmappedValueError('smartapi', 'option symbol (no CE/PE suffix)', record.symbol);
  }
  throw new UnmappedValueError('smartapi', 'instrumenttype', record.instrumenttype);
}

/** Strikes are in paise x 100 (OA divides by 100; currency options by 100 000). */
function strikeOf(record: ScripRecord): number {
  const kind = record.instrumenttype.toUpperCase();
  const divisor = kind === 'OPTCUR' || kind === 'OPTIRC' ? 100_000 : 100;
  return record.strike / divisor;
}

/** One scrip master record as an SDK instrument plus what orders and the socket need. */
export interface SmartApiInstrument {
  readonly instrument: Instrument;
  /** `symboltoken` / socket token. */
  readonly token: string;
  /** `tradingsymbol` as SmartAPI spells it (`SBIN-EQ`). */
  readonly wireSymbol: string;
  readonly exchangeType: number;
}

/**
 * Maps a scrip master record to an SDK instrument (`brokerTokens.smartapi` = token). Returns
 * undefined for rows the SDK cannot represent (NCDEX, symbols outside the SDK's alphabet, a zero
 * tick on a tradable row); unknown instrument types raise UnmappedValueError.
 *
 * @example
 * ```ts
 * mapScripRecord({ token: '3045', symbol: 'SBIN-EQ', name: 'SBIN', expiry: '', strike: -1,
 *   lotsize: 1, instrumenttype: '', exch_seg: 'NSE', tick_size: 5 })?.instrument.tickSize; // 0.05
 * ```
 */
export function mapScripRecord(record: ScripRecord): SmartApiInstrument | undefined {
  const exchange = exchangeFromSegment(record.exch_seg);
  if (exchange === undefined) return undefined;
  const type = instrumentTypeOf(record, exchange);
  const symbol = sdkSymbolOf(exchange, record.symbol);
  const id = `${exchange}:${symbol}`;
  if (instrumentIdProblem(id) !== undefined) return undefined;
  // Indices carry tick 0 in the master; they are not traded, so any positive tick will do.
  const tickSize = record.tick_size > 0 ? record.tick_size / 100 : type === 'IDX' ? 0.05 : 0;
  if (!(tickSize > 0) || !Number.isInteger(record.lotsize) || record.lotsize < 1) return undefined;
  const isOption = type === 'CE' || type === 'PE';
  const expiry = type === 'EQ' || type === 'IDX' ? undefined : parseExpiry(record.expiry);
  const strike = isOption ? strikeOf(record) : undefined;
  const candidate = {
    id,
    exchange,
    symbol,
    type,
    ...(record.name === '' ? {} : { name: record.name }),
    lotSize: record.lotsize,
    tickSize,
    ...(expiry === undefined ? {} : { expiry }),
    ...(strike === undefined ? {} : { strike, optionType: type }),
    ...(type === 'FUT' || isOption ? { underlying: record.name } : {}),
    brokerTokens: { smartapi: record.token },
  };
  const parsed = InstrumentSchema.safeParse(candidate);
  if (!parsed.success) return undefined;
  return Object.freeze({
    instrument: Object.freeze<Instrument>(parsed.data),
    token: record.token,
    wireSymbol: record.symbol,
    exchangeType: exchangeTypeOf(exchange),
  });
}

/**
 * Lookup of mapped scrip master rows by SDK id and by socket (exchange type, token).
 *
 * @example
 * ```ts
 * const index = new SmartApiInstrumentIndex(rows);
 * index.byId('NSE:SBIN')?.token; // '3045'
 * ```
 */
export class SmartApiInstrumentIndex {
  private readonly ids = new Map<InstrumentId, SmartApiInstrument>();
  private readonly tokens = new Map<string, SmartApiInstrument>();

  constructor(readonly entries: readonly SmartApiInstrument[]) {
    for (const entry of entries) {
      this.ids.set(entry.instrument.id, entry);
      this.tokens.set(tokenKey(entry.exchangeType, entry.token), entry);
    }
  }

  byId(id: InstrumentId): SmartApiInstrument | undefined {
    return this.ids.get(id);
  }

  byToken(exchangeType: number, token: string): SmartApiInstrument | undefined {
    return this.tokens.get(tokenKey(exchangeType, token));
  }
}

/**
 * Key of a socket subscription: exchange type and token.
 *
 * @example
 * ```ts
 * tokenKey(1, '3045'); // '1|3045'
 * ```
 */
export function tokenKey(exchangeType: number, token: string): string {
  return `${exchangeType}|${token}`;
}
