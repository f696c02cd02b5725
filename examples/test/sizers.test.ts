import fc from 'fast-check';
import { from, of, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  SizingError,
  parseInstrument,
  percentRisk,
  staticContext,
  type Direction,
  type Instrument,
  type RiskSizer,
  type SignalEvent,
  type StaticPortfolio,
  type TargetPosition,
} from '@pravah/sdk';
import {
  allInByCash,
  equityFraction,
  pairLegs,
  withPositionCap,
  type PairLegSignal,
} from '../src/index.js';
import { thrown } from './_data.js';

const future = (lotSize: number): Instrument =>
  parseInstrument({
    id: 'NFO:NIFTY25JUNFUT',
    exchange: 'NFO',
    symbol: 'NIFTY25JUNFUT',
    type: 'FUT',
    lotSize,
    tickSize: 0.05,
    expiry: '2025-06-26',
  });
const stock = (symbol: string, lotSize = 1): Instrument =>
  parseInstrument({
    id: `NSE:${symbol}`,
    exchange: 'NSE',
    symbol,
    type: 'EQ',
    lotSize,
    tickSize: 0.05,
  });

const signal = (instrument: Instrument, direction: Direction, price: number): SignalEvent => ({
  kind: 'signal',
  instrument: instrument.id,
  time: 0,
  direction,
  confidence: 1,
  price,
  reason: 'test',
});

function size(
  sizer: RiskSizer,
  instruments: Instrument[],
  portfolio: StaticPortfolio,
  signals: SignalEvent[],
): TargetPosition[] {
  const ctx = staticContext({ params: {}, instruments, portfolio });
  let out: TargetPosition[] = [];
  from(signals)
    .pipe(sizer(ctx), toArray())
    .subscribe((targets) => (out = targets));
  return out;
}

const lots = fc.integer({ min: 1, max: 100 });
const ticks = fc.integer({ min: 1, max: 1_000_000 }); // price in 0.05 ticks: ₹0.05 .. ₹50,000
const cash = fc.double({ min: 0, max: 1e8, noNaN: true });

describe('allInByCash', () => {
  it('buys the most whole lots the cash pays for, never more', () => {
    fc.assert(
      fc.property(lots, ticks, cash, (lot, priceTicks, money) => {
        const instrument = future(lot);
        const price = priceTicks * 0.05;
        const [target] = size(allInByCash(), [instrument], { cash: money }, [
          signal(instrument, 'long', price),
        ]);
        expect(target!.quantity % lot).toBe(0);
        expect(target!.quantity * price).toBeLessThanOrEqual(money * (1 + 1e-9));
        expect((target!.quantity + lot) * price).toBeGreaterThan(money);
        expect(target!.product).toBe('NRML');
      }),
      { numRuns: 300 },
    );
  });

  it('caps a fixed quantity by cash, sells CNC only to flat, and counts other entries in flight', () => {
    const infy = stock('INFY');
    const tcs = stock('TCS');
    expect(
      size(allInByCash({ quantity: 10 }), [infy], { cash: 1e6 }, [signal(infy, 'long', 1500)])[0]!
        .quantity,
    ).toBe(10);
    expect(
      size(allInByCash({ quantity: 10 }), [infy], { cash: 6000 }, [signal(infy, 'long', 1500)])[0]!
        .quantity,
    ).toBe(4);
    const short = size(allInByCash(), [infy], { cash: 1e6 }, [signal(infy, 'short', 1500)])[0]!;
    expect([short.quantity, short.product]).toEqual([0, 'CNC']);
    // A pending MARKET buy of TCS sized by this sizer at 4,000 leaves 1e6 - 100 × 4,000 for INFY.
    const pending = {
      kind: 'order' as const,
      id: 'o1',
      status: 'OPEN' as const,
      filledQuantity: 0,
      averagePrice: 0,
      history: [{ status: 'OPEN' as const, time: 0, filledQuantity: 0 }],
      intent: {
        kind: 'intent' as const,
        id: 'o1',
        instrument: tcs.id,
        time: 0,
        side: 'BUY' as const,
        quantity: 100,
        orderType: 'MARKET' as const,
        product: 'CNC' as const,
        validity: 'DAY' as const,
        reduceOnly: false,
        reason: 'test',
      },
    };
    const targets = size(allInByCash(), [infy, tcs], { cash: 1e6, openOrders: [pending] }, [
      signal(tcs, 'long', 4000),
      signal(infy, 'long', 1500),
    ]);
    expect(targets[1]!.quantity).toBe(Math.floor((1e6 - 100 * 4000) / 1500));
  });

  it('refuses a bad option', () => {
    expect(thrown(() => allInByCash({ quantity: 0 }))).toBeInstanceOf(Error);
  });
});

describe('equityFraction', () => {
  it('spends at most its share of equity, in whole lots', () => {
    fc.assert(
      fc.property(
        lots,
        ticks,
        cash,
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (lot, priceTicks, equity, fraction) => {
          const instrument = future(lot);
          const price = priceTicks * 0.05;
          const [target] = size(
            equityFraction({ fraction, product: 'MIS' }),
            [instrument],
            { cash: equity },
            [signal(instrument, 'short', price)],
          );
          expect(Object.is(target!.quantity, -0)).toBe(false);
          expect(Math.abs(target!.quantity) % lot).toBe(0);
          expect(target!.quantity).toBeLessThanOrEqual(0);
          expect(-target!.quantity * price).toBeLessThanOrEqual(fraction * equity * (1 + 1e-9));
          expect((-target!.quantity + lot) * price).toBeGreaterThan(fraction * equity * (1 - 1e-9));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('withPositionCap', () => {
  it('never enlarges a target and keeps it within the fraction at the buffered price', () => {
    fc.assert(
      fc.property(
        ticks,
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 10 }),
        (priceTicks, stopTicks, fraction, buffer) => {
          const infy = stock('INFY');
          const price = (priceTicks + 100) * 0.05;
          const long = { ...signal(infy, 'long', price), stop: price - stopTicks * 0.05 };
          const plain = size(
            percentRisk({ riskPercent: 1, product: 'MIS' }),
            [infy],
            { cash: 1e6 },
            [long],
          )[0]!;
          const capped = size(
            withPositionCap(percentRisk({ riskPercent: 1, product: 'MIS' }), {
              fraction,
              bufferTicks: buffer,
            }),
            [infy],
            { cash: 1e6 },
            [long],
          )[0]!;
          expect(capped.quantity).toBeLessThanOrEqual(plain.quantity);
          expect(capped.quantity * (price + buffer * 0.05)).toBeLessThanOrEqual(
            fraction * 1e6 * (1 + 1e-9),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('pairLegs', () => {
  const hdfc = stock('HDFCBANK');
  const kotak = stock('KOTAKBANK');
  const leg = (
    of: Instrument,
    direction: Direction,
    role: 'first' | 'second',
    hedgeRatio: number,
  ): PairLegSignal => ({
    ...signal(of, direction, role === 'first' ? 1240 : 790),
    pair: {
      role,
      first: hdfc.id,
      second: kotak.id,
      hedgeRatio,
      firstPrice: 1240,
      secondPrice: 790,
    },
  });

  it('sizes both legs from one spread unit count, the second at β times the first', () => {
    const [first, second] = size(pairLegs({ capitalFraction: 0.9 }), [hdfc, kotak], { cash: 1e6 }, [
      leg(hdfc, 'long', 'first', 1.08),
      leg(kotak, 'short', 'second', 1.08),
    ]);
    const units = Math.floor(900_000 / (1240 + 1.08 * 790));
    expect([first!.quantity, second!.quantity]).toEqual([units, -Math.round(1.08 * units)]);
    expect([first!.product, second!.product]).toEqual(['MIS', 'MIS']);
  });

  it('fails a run fed signals that are not pair legs', () => {
    const ctx = staticContext({ params: {}, instruments: [hdfc], portfolio: { cash: 1e6 } });
    let failure: unknown;
    of(signal(hdfc, 'long', 1240))
      .pipe(pairLegs({ capitalFraction: 0.5 })(ctx))
      .subscribe({ error: (e: unknown) => (failure = e) });
    expect(failure).toBeInstanceOf(SizingError);
    expect((failure as SizingError).field).toBe('signal.pair');
  });
});
