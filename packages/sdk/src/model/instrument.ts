import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import {
  EXCHANGES,
  ExchangeSchema,
  InstrumentTypeSchema,
  type Exchange,
  type InstrumentType,
} from './exchange.js';
import { freezeMessage } from './freeze.js';

/** `EXCHANGE:TRADINGSYMBOL`, e.g. `NSE:RELIANCE` or `NFO:NIFTY25DEC26000CE`. */
export type InstrumentId = `${Exchange}:${string}`;

const KNOWN_EXCHANGES: ReadonlySet<string> = new Set(EXCHANGES);
// Upper-case letters and digits, with inner spaces and & _ - . as NSE symbols use them
// (`M&M`, `BAJAJ-AUTO`, `NIFTY 50`); no leading or trailing space.
const SYMBOL_PATTERN = /^[A-Z0-9](?:[A-Z0-9&_\-. ]*[A-Z0-9&_\-.])?$/;

/**
 * Why `id` is not a valid {@link InstrumentId}, or `undefined` when it is.
 *
 * @example
 * ```ts
 * instrumentIdProblem('NSE:RELIANCE'); // undefined
 * instrumentIdProblem('NYSE:IBM'); // 'unknown exchange "NYSE": use one of NSE, BSE, ...'
 * ```
 */
export function instrumentIdProblem(id: string): string | undefined {
  const at = id.indexOf(':');
  if (at < 0) return 'must be EXCHANGE:TRADINGSYMBOL, e.g. NSE:RELIANCE';
  const exchange = id.slice(0, at);
  if (!KNOWN_EXCHANGES.has(exchange)) {
    return `unknown exchange "${exchange}": use one of ${EXCHANGES.join(', ')}`;
  }
  const symbol = id.slice(at + 1);
  if (!SYMBOL_PATTERN.test(symbol)) {
    return `trading symbol "${symbol}" must be upper-case letters and digits (inner spaces and & _ - . allowed), e.g. NSE:RELIANCE`;
  }
  return undefined;
}

/** Zod schema of an {@link InstrumentId}; errors say whether the exchange or the symbol is wrong. */
export const InstrumentIdSchema = z
  .string()
  .superRefine((id, ctx) => {
    const problem = instrumentIdProblem(id);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((id) => id as InstrumentId);

/**
 * Splits an instrument id into exchange and trading symbol.
 *
 * @example
 * ```ts
 * splitInstrumentId('NFO:NIFTY25DEC26000CE'); // { exchange: 'NFO', symbol: 'NIFTY25DEC26000CE' }
 * ```
 */
export function splitInstrumentId(id: InstrumentId): { exchange: Exchange; symbol: string } {
  const at = id.indexOf(':');
  return { exchange: id.slice(0, at) as Exchange, symbol: id.slice(at + 1) };
}

/**
 * Builds an instrument id from its parts; throws a ValidationError when they do not form one.
 *
 * @example
 * ```ts
 * instrumentId('NSE', 'M&M'); // 'NSE:M&M'
 * ```
 */
export function instrumentId(exchange: Exchange, symbol: string): InstrumentId {
  return parseWith(InstrumentIdSchema, `${exchange}:${symbol}`, 'instrument id');
}

/**
 * Which instrument types each exchange segment lists: cash segments carry equities and
 * indices, derivative segments carry futures and options (MCX also publishes indices).
 */
export const EXCHANGE_INSTRUMENT_TYPES: Readonly<Record<Exchange, readonly InstrumentType[]>> =
  Object.freeze({
    NSE: Object.freeze(['EQ', 'IDX'] as const),
    BSE: Object.freeze(['EQ', 'IDX'] as const),
    NFO: Object.freeze(['FUT', 'CE', 'PE'] as const),
    BFO: Object.freeze(['FUT', 'CE', 'PE'] as const),
    MCX: Object.freeze(['FUT', 'CE', 'PE', 'IDX'] as const),
    CDS: Object.freeze(['FUT', 'CE', 'PE'] as const),
    BCD: Object.freeze(['FUT', 'CE', 'PE'] as const),
  });

/**
 * Zod schema of an {@link Instrument}: the id matches exchange and symbol, the type is one the
 * exchange lists, options carry strike and expiry, futures an expiry, and nothing else does.
 */
export const InstrumentSchema = z
  .object({
    id: InstrumentIdSchema,
    exchange: ExchangeSchema,
    symbol: z.string().min(1),
    type: InstrumentTypeSchema,
    name: z.string().optional(),
    /** Units per lot (1 for cash equity). */
    lotSize: z.number().int().positive(),
    /** Minimum price increment in rupees, e.g. 0.05 or 0.01. */
    tickSize: z.number().positive(),
    /** Largest quantity one order may carry (exchange freeze limit), in units. */
    freezeQuantity: z.number().int().positive().optional(),
    /** Expiry as an IST date `YYYY-MM-DD` (derivatives only). */
    expiry: z.iso.date().optional(),
    /** Strike price in rupees (options only). */
    strike: z.number().positive().optional(),
    /** Option type (options only); equals `type` when given. */
    optionType: z.enum(['CE', 'PE']).optional(),
    /** Underlying instrument id or symbol, e.g. `NSE:NIFTY 50` or `NIFTY`. */
    underlying: z.string().optional(),
    isin: z.string().optional(),
    /** Broker-specific identifiers, e.g. `{ kite: '738561', upstox: 'NSE_EQ|INE002A01018' }`. */
    brokerTokens: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (field: string, message: string): void => {
      ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (v.id !== `${v.exchange}:${v.symbol}`) issue('id', `must equal "${v.exchange}:${v.symbol}"`);
    if (!EXCHANGE_INSTRUMENT_TYPES[v.exchange].includes(v.type)) {
      const allowed = EXCHANGE_INSTRUMENT_TYPES[v.exchange].join(', ');
      issue('type', `${v.exchange} does not list ${v.type} instruments (only ${allowed})`);
    }
    const isOption = v.type === 'CE' || v.type === 'PE';
    if (isOption) {
      if (v.strike === undefined) issue('strike', 'options need a strike');
      if (v.expiry === undefined) issue('expiry', 'options need an expiry');
      if (v.optionType !== undefined && v.optionType !== v.type) {
        issue('optionType', `must equal type ${v.type}`);
      }
    } else {
      if (v.strike !== undefined) issue('strike', `only options have a strike, not ${v.type}`);
      if (v.optionType !== undefined)
        issue('optionType', `only options have an option type, not ${v.type}`);
    }
    if (v.type === 'FUT' && v.expiry === undefined) issue('expiry', 'futures need an expiry');
    if ((v.type === 'EQ' || v.type === 'IDX') && v.expiry !== undefined) {
      issue('expiry', `${v.type} instruments do not expire`);
    }
    if (v.freezeQuantity !== undefined && v.freezeQuantity < v.lotSize) {
      issue('freezeQuantity', `must be at least the lot size ${v.lotSize}`);
    }
  });

/** A tradable (or index) instrument with its exchange metadata. Immutable. */
export type Instrument = Readonly<z.output<typeof InstrumentSchema>>;

/**
 * Validates an instrument and returns it deep-frozen; throws a ValidationError naming the
 * field and value otherwise.
 *
 * @example
 * ```ts
 * const reliance = parseInstrument({ id: 'NSE:RELIANCE', exchange: 'NSE', symbol: 'RELIANCE',
 *   type: 'EQ', lotSize: 1, tickSize: 0.1 });
 * ```
 */
export function parseInstrument(input: unknown): Instrument {
  return freezeMessage(parseWith(InstrumentSchema, input, 'instrument'));
}
