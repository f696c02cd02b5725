import type { Exchange, Product } from '@pravah/sdk';
import type { Segment, Venue } from '../schedules/types.js';
import type { TradedInstrumentType } from './charge-order.js';

/** Where an order's charges come from: the levying exchange, the segment and a contract variant. */
export interface Classification {
  readonly venue: Venue;
  readonly segment: Segment;
  /** Only BSE options have one: `SENSEX/BANKEX` or `SENSEX 50/stock`. */
  readonly variant: string | undefined;
}

const VENUE_OF: Readonly<Record<Exchange, Venue>> = {
  NSE: 'NSE',
  NFO: 'NSE',
  CDS: 'NSE',
  BSE: 'BSE',
  BFO: 'BSE',
  BCD: 'BSE',
  MCX: 'MCX',
};

const FAMILY_OF: Readonly<Record<Exchange, 'equity' | 'currency' | 'commodity'>> = {
  NSE: 'equity',
  BSE: 'equity',
  NFO: 'equity',
  BFO: 'equity',
  CDS: 'currency',
  BCD: 'currency',
  MCX: 'commodity',
};

/** Contract variants of BSE options (see the exchange transaction schedule). */
export const BSE_INDEX_OPTIONS = 'SENSEX/BANKEX';
export const BSE_OTHER_OPTIONS = 'SENSEX 50/stock';

type Table = Record<string, Record<string, Record<string, Classification>>>;

/** Every classification, built once: classifying allocates nothing (keys "exchange/type/product/variant"). */
const TABLE: Table = Object.create(null) as Table;

function build(
  exchange: Exchange,
  instrumentType: TradedInstrumentType,
  product: Product,
  variant: string | undefined,
): Classification {
  const family = FAMILY_OF[exchange];
  const segment: Segment =
    instrumentType === 'EQ'
      ? product === 'CNC'
        ? 'equity-delivery'
        : 'equity-intraday'
      : `${family}-${instrumentType === 'FUT' ? 'futures' : 'options'}`;
  return Object.freeze({ venue: VENUE_OF[exchange], segment, variant });
}

function lookup(
  exchange: Exchange,
  instrumentType: TradedInstrumentType,
  product: Product,
  variant: string | undefined,
): Classification {
  const byType = (TABLE[exchange] ??= Object.create(null) as Table[string]);
  const byProduct = (byType[instrumentType] ??= Object.create(null) as Table[string][string]);
  const key = variant === undefined ? product : `${product}|${variant}`;
  return (byProduct[key] ??= build(exchange, instrumentType, product, variant));
}

/**
 * Classifies a valid exchange / instrument type / product combination (see
 * `isTradableCombination`). BSE options are SENSEX/BANKEX unless the symbol says SENSEX 50 or a
 * stock.
 *
 * @example
 * ```ts
 * classify('NFO', 'CE', 'NRML'); // { venue: 'NSE', segment: 'equity-options', variant: undefined }
 * ```
 */
export function classify(
  exchange: Exchange,
  instrumentType: TradedInstrumentType,
  product: Product,
  symbol?: string,
): Classification {
  const variant =
    exchange === 'BFO' && instrumentType !== 'FUT' ? bseOptionVariant(symbol) : undefined;
  return lookup(exchange, instrumentType, product, variant);
}

function bseOptionVariant(symbol: string | undefined): string {
  if (symbol === undefined) return BSE_INDEX_OPTIONS;
  if (symbol.startsWith('SENSEX50')) return BSE_OTHER_OPTIONS;
  if (symbol.startsWith('SENSEX') || symbol.startsWith('BANKEX')) return BSE_INDEX_OPTIONS;
  return BSE_OTHER_OPTIONS;
}
