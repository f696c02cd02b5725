// Random ticks on Kite's wire grid (integer prices / segment divisor, whole-second times), built
// from the spec formulas of BROKERS.md §1.5, for round-trip and cross-check properties.
import fc from 'fast-check';
import type {
  KiteDepthLevel,
  KiteFullTick,
  KiteIndexTick,
  KiteLtpTick,
  KiteQuoteTick,
  KiteTick,
} from '../../../src/kite/ticker/index.js';

/** Segment id -> divisor, as the spec's table gives it. */
export const SEGMENT_DIVISORS: Readonly<Record<number, number>> = {
  1: 100,
  2: 100,
  3: 10_000_000,
  4: 100,
  5: 100,
  6: 10_000,
  7: 100,
  8: 100,
  9: 100,
};

// Below 2^31 so that kiteconnect's signed reads agree.
const u31 = fc.integer({ min: 0, max: 0x7fffffff });
const rawPrice = fc.oneof(u31, fc.integer({ min: 0, max: 10_000_000 }));
const epochSeconds = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }),
);

const token = (segments: readonly number[]) =>
  fc
    .record({ id: fc.integer({ min: 1, max: 0x7fffff }), segment: fc.constantFrom(...segments) })
    .map(({ id, segment }) => id * 256 + segment);

const ALL_SEGMENTS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

function divisorOf(instrumentToken: number): number {
  return SEGMENT_DIVISORS[instrumentToken % 256] ?? 100;
}

function percentChange(lastPrice: number, close: number, whenNoClose: number): number {
  return close !== 0 ? ((lastPrice - close) * 100) / close : whenNoClose;
}

const ms = (seconds: number): number | null => (seconds === 0 ? null : seconds * 1000);

export const ltpTick: fc.Arbitrary<KiteLtpTick> = fc
  .record({ instrumentToken: token(ALL_SEGMENTS), raw: rawPrice })
  .map(({ instrumentToken, raw }) => ({
    mode: 'ltp',
    tradable: instrumentToken % 256 !== 9,
    instrumentToken,
    lastPrice: raw / divisorOf(instrumentToken),
  }));

export const indexTick: fc.Arbitrary<KiteIndexTick> = fc
  .record({
    instrumentToken: token([9, 9, 9, 1, 3, 6]),
    full: fc.boolean(),
    ltp: rawPrice,
    open: rawPrice,
    high: rawPrice,
    low: rawPrice,
    close: fc.oneof(fc.constant(0), rawPrice),
    rawChange: u31,
    time: epochSeconds,
  })
  .map((r) => {
    const d = divisorOf(r.instrumentToken);
    const lastPrice = r.ltp / d;
    const close = r.close / d;
    return {
      mode: r.full ? 'full' : 'quote',
      tradable: r.instrumentToken % 256 !== 9,
      instrumentToken: r.instrumentToken,
      lastPrice,
      ohlc: { open: r.open / d, high: r.high / d, low: r.low / d, close },
      change: percentChange(lastPrice, close, r.rawChange),
      timestamp: r.full ? ms(r.time) : null,
    };
  });

const quoteFields = fc.record({
  instrumentToken: token([1, 2, 3, 4, 5, 6, 7, 8]),
  ltp: rawPrice,
  lastQuantity: u31,
  average: rawPrice,
  volume: u31,
  buyQuantity: u31,
  sellQuantity: u31,
  open: rawPrice,
  high: rawPrice,
  low: rawPrice,
  close: fc.oneof(fc.constant(0), rawPrice),
});

type QuoteFields = typeof quoteFields extends fc.Arbitrary<infer T> ? T : never;

function quoteOf(r: QuoteFields): KiteQuoteTick {
  const d = divisorOf(r.instrumentToken);
  const lastPrice = r.ltp / d;
  const close = r.close / d;
  return {
    mode: 'quote',
    tradable: true,
    instrumentToken: r.instrumentToken,
    lastPrice,
    lastQuantity: r.lastQuantity,
    averagePrice: r.average / d,
    volume: r.volume,
    buyQuantity: r.buyQuantity,
    sellQuantity: r.sellQuantity,
    ohlc: { open: r.open / d, high: r.high / d, low: r.low / d, close },
    change: percentChange(lastPrice, close, 0),
  };
}

export const quoteTick: fc.Arbitrary<KiteQuoteTick> = quoteFields.map(quoteOf);

const level = fc.record({
  price: rawPrice,
  quantity: u31,
  orders: fc.integer({ min: 0, max: 0xffff }),
});
const side = fc.array(level, { minLength: 5, maxLength: 5 });

export const fullTick: fc.Arbitrary<KiteFullTick> = fc
  .record({
    quote: quoteFields,
    lastTradeTime: epochSeconds,
    oi: u31,
    oiDayHigh: u31,
    oiDayLow: u31,
    timestamp: epochSeconds,
    buy: side,
    sell: side,
  })
  .map((r) => {
    const d = divisorOf(r.quote.instrumentToken);
    const toLevel = (l: { price: number; quantity: number; orders: number }): KiteDepthLevel => ({
      price: l.price / d,
      quantity: l.quantity,
      orders: l.orders,
    });
    return {
      ...quoteOf(r.quote),
      mode: 'full',
      lastTradeTime: ms(r.lastTradeTime),
      oi: r.oi,
      oiDayHigh: r.oiDayHigh,
      oiDayLow: r.oiDayLow,
      timestamp: ms(r.timestamp),
      depth: { buy: r.buy.map(toLevel), sell: r.sell.map(toLevel) },
    };
  });

/** A tick of any mode and layout, any segment. */
export const anyTick: fc.Arbitrary<KiteTick> = fc.oneof(ltpTick, indexTick, quoteTick, fullTick);
