import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { EXCHANGES, ExchangeSchema, InstrumentTypeSchema, type Exchange } from './exchange.js';

/** `EXCHANGE:TRADINGSYMBOL`, e.g. `NSE:RELIANCE` or `NFO:NIFTY25DEC26000CE`. */
export type InstrumentId = `${Exchange}:${string}`;

const ID_PATTERN = new RegExp(`^(${EXCHANGES.join('|')}):[A-Z0-9][A-Z0-9&_\\-. ]*$`);

/** Zod schema of an {@link InstrumentId}. */
export const InstrumentIdSchema = z
  .string()
  .regex(ID_PATTERN, 'must be EXCHANGE:TRADINGSYMBOL with a known exchange, e.g. NSE:RELIANCE')
  .transform((s) => s as InstrumentId);

/** Splits an instrument id into exchange and trading symbol. */
export function splitInstrumentId(id: InstrumentId): { exchange: Exchange; symbol: string } {
  const at = id.indexOf(':');
  return { exchange: id.slice(0, at) as Exchange, symbol: id.slice(at + 1) };
}

/** Builds an instrument id from its parts (validated). */
export function instrumentId(exchange: Exchange, symbol: string): InstrumentId {
  return parseWith(InstrumentIdSchema, `${exchange}:${symbol}`, 'instrument id');
}

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
    strike: z.number().positive().optional(),
    optionType: z.enum(['CE', 'PE']).optional(),
    /** Underlying instrument id or symbol, e.g. `NSE:NIFTY 50` or `NIFTY`. */
    underlying: z.string().optional(),
    isin: z.string().optional(),
    /** Broker-specific identifiers, e.g. `{ kite: '738561', upstox: 'NSE_EQ|INE002A01018' }`. */
    brokerTokens: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.id !== `${v.exchange}:${v.symbol}`) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must equal "${v.exchange}:${v.symbol}"` });
    }
    const isOption = v.type === 'CE' || v.type === 'PE';
    if (isOption && (v.strike === undefined || v.expiry === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.strike === undefined ? 'strike' : 'expiry'], message: 'options need strike and expiry' });
    }
    if (isOption && v.optionType !== undefined && v.optionType !== v.type) {
      ctx.addIssue({ code: 'custom', path: ['optionType'], message: `must equal type ${v.type}` });
    }
    if (v.type === 'FUT' && v.expiry === undefined) {
      ctx.addIssue({ code: 'custom', path: ['expiry'], message: 'futures need an expiry' });
    }
  });

/** A tradable (or index) instrument with its exchange metadata. Immutable. */
export type Instrument = Readonly<z.output<typeof InstrumentSchema>>;

/**
 * Validates an instrument; throws a ValidationError naming the field and value otherwise.
 *
 * @example
 * ```ts
 * const reliance = parseInstrument({ id: 'NSE:RELIANCE', exchange: 'NSE', symbol: 'RELIANCE',
 *   type: 'EQ', lotSize: 1, tickSize: 0.1 });
 * ```
 */
export function parseInstrument(input: unknown): Instrument {
  return Object.freeze(parseWith(InstrumentSchema, input, 'instrument'));
}
