import {
  ExchangeSchema,
  ProductSchema,
  SideSchema,
  type Exchange,
  type Product,
  type Side,
} from '@pravah/sdk';
import { z } from 'zod';

/** Instrument types that can be traded (indices cannot). */
export const TRADED_INSTRUMENT_TYPES = ['EQ', 'FUT', 'CE', 'PE'] as const;
export type TradedInstrumentType = (typeof TRADED_INSTRUMENT_TYPES)[number];

/**
 * One executed order, the input of {@link charges}: the fields of Kite's `POST /charges/orders`.
 * `price` is the premium for options; `quantity` is in units (lots × lot size).
 */
export interface ChargeOrder {
  readonly exchange: Exchange;
  readonly instrumentType: TradedInstrumentType;
  readonly product: Product;
  readonly side: Side;
  /** Units, a positive whole number. */
  readonly quantity: number;
  /** Price per unit in rupees (premium for options), positive. */
  readonly price: number;
  /** IST trade date `YYYY-MM-DD`; selects the rates in force. */
  readonly tradeDate: string;
  /**
   * Trading symbol. Only needed where a rate depends on the contract: BSE options on SENSEX 50 or
   * stocks pay 0.005% where SENSEX/BANKEX options pay 0.0325% (without a symbol, the
   * SENSEX/BANKEX rate is used).
   */
  readonly symbol?: string | undefined;
  /** The broker squared this order off (MIS cut-off): its auto square-off fee is added to brokerage. */
  readonly autoSquareOff?: boolean | undefined;
}

const CASH: readonly Exchange[] = ['NSE', 'BSE'];
const DERIVATIVE_PRODUCTS: readonly Product[] = ['MIS', 'NRML'];
const CASH_PRODUCTS: readonly Product[] = ['CNC', 'MIS'];

/** Fields of a {@link ChargeOrder} (shared by the contract-note fill schema). */
export const chargeOrderShape = {
  exchange: ExchangeSchema,
  instrumentType: z.enum(TRADED_INSTRUMENT_TYPES),
  product: ProductSchema,
  side: SideSchema,
  quantity: z.number().int('must be a whole number of units').positive(),
  price: z.number().finite().positive(),
  tradeDate: z.iso.date('must be a calendar date YYYY-MM-DD'),
  symbol: z.string().min(1).optional(),
  autoSquareOff: z.boolean().optional(),
};

/** Adds an issue when exchange, instrument type and product do not form a tradable combination. */
export function checkCombination(
  o: { exchange: Exchange; instrumentType: TradedInstrumentType; product: Product },
  ctx: z.RefinementCtx,
): void {
  const cash = CASH.includes(o.exchange);
  if (cash !== (o.instrumentType === 'EQ')) {
    ctx.addIssue({
      code: 'custom',
      path: ['instrumentType'],
      message: cash
        ? `${o.exchange} is a cash segment: use EQ (derivatives trade on NFO, BFO, CDS, BCD, MCX)`
        : `${o.exchange} is a derivatives segment: use FUT, CE or PE (equity trades on NSE, BSE)`,
    });
  } else if (!(cash ? CASH_PRODUCTS : DERIVATIVE_PRODUCTS).includes(o.product)) {
    ctx.addIssue({
      code: 'custom',
      path: ['product'],
      message: cash
        ? 'cash equity is CNC (delivery) or MIS (intraday)'
        : 'derivatives are NRML (carry forward) or MIS (intraday)',
    });
  }
}

/** Zod schema of a {@link ChargeOrder}, including which exchange/type/product combinations exist. */
export const ChargeOrderSchema = z.object(chargeOrderShape).superRefine(checkCombination);

/** True when exchange, instrument type and product form a tradable combination. */
export function isTradableCombination(
  exchange: Exchange,
  instrumentType: string,
  product: Product,
): boolean {
  const cash = CASH.includes(exchange);
  if (cash !== (instrumentType === 'EQ')) return false;
  return (cash ? CASH_PRODUCTS : DERIVATIVE_PRODUCTS).includes(product);
}
