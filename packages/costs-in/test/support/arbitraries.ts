import fc from 'fast-check';
import type { ChargeOrder } from '../../src/index.js';
import { angelOne, upstox, zerodha } from '../../src/index.js';
import {
  exactRounding,
  paisaRounding,
  perContractNoteRounding,
  perOrderRounding,
} from '../../src/index.js';

/** Every tradable exchange / instrument type / product combination. */
export const COMBINATIONS: readonly Pick<ChargeOrder, 'exchange' | 'instrumentType' | 'product'>[] =
  [
    ...(['NSE', 'BSE'] as const).flatMap((exchange) =>
      (['CNC', 'MIS'] as const).map((product) => ({
        exchange,
        instrumentType: 'EQ' as const,
        product,
      })),
    ),
    ...(['NFO', 'BFO', 'CDS', 'BCD', 'MCX'] as const).flatMap((exchange) =>
      (['FUT', 'CE', 'PE'] as const).flatMap((instrumentType) =>
        (['NRML', 'MIS'] as const).map((product) => ({ exchange, instrumentType, product })),
      ),
    ),
  ];

const DAY = 86_400_000;
const FIRST = Date.UTC(2024, 9, 1); // 2024-10-01: every schedule and plan has rows from here on
const LAST = Date.UTC(2027, 11, 31);

/** A trade date every schedule covers. */
export const tradeDateArb = fc
  .integer({ min: 0, max: (LAST - FIRST) / DAY })
  .map((d) => new Date(FIRST + d * DAY).toISOString().slice(0, 10));

/** Prices with up to 4 decimals (currency ticks are ₹0.0025), ₹0.0025 to ₹1 lakh. */
export const priceArb = fc.integer({ min: 25, max: 1_000_000_000 }).map((n) => n / 10_000);

export const quantityArb = fc.integer({ min: 1, max: 200_000 });

const BFO_SYMBOLS = [
  'SENSEX2661882000CE',
  'BANKEX26JUN60000PE',
  'SENSEX5026JUN30000CE',
  'RELIANCE26JUN1400CE',
];

/** A valid order on a covered date. */
export const orderArb: fc.Arbitrary<ChargeOrder> = fc
  .record({
    combination: fc.constantFrom(...COMBINATIONS),
    side: fc.constantFrom('BUY' as const, 'SELL' as const),
    quantity: quantityArb,
    price: priceArb,
    tradeDate: tradeDateArb,
    symbol: fc.constantFrom(...BFO_SYMBOLS),
    autoSquareOff: fc.boolean(),
  })
  .map(({ combination, symbol, autoSquareOff, ...rest }) => ({
    ...combination,
    ...rest,
    ...(combination.exchange === 'BFO' ? { symbol } : {}),
    ...(autoSquareOff && combination.product === 'MIS' ? { autoSquareOff } : {}),
  }));

export const PLANS = [zerodha(), upstox(), angelOne()] as const;
export const planArb = fc.constantFrom(...PLANS);

export const POLICIES = [
  perOrderRounding,
  perContractNoteRounding,
  paisaRounding,
  exactRounding,
] as const;
export const policyArb = fc.constantFrom(...POLICIES);
