import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fixedNotional,
  fixedQuantity,
  fractionalKelly,
  percentRisk,
  volatilityTarget,
  type Direction,
  type Instrument,
  type MarketEvent,
  type Product,
  type RiskSizer,
  type SignalEvent,
  type StaticPortfolio,
  type TargetPosition,
} from '../../src/index.js';
import {
  bar,
  context,
  drive,
  holding,
  instruments,
  MINUTE,
  signal,
  T0,
  type Step,
} from './fixtures.js';

interface Limits {
  readonly product: Product;
  readonly leverage: number;
  readonly maxSlices: number;
}

const limitsArb = fc.record({
  product: fc.constantFrom<Product>('MIS', 'CNC', 'NRML'),
  leverage: fc.double({ min: 0.1, max: 10, noNaN: true }),
  maxSlices: fc.integer({ min: 1, max: 20 }),
});

const sizerArb: fc.Arbitrary<(l: Limits) => RiskSizer> = fc.oneof(
  fc
    .integer({ min: 1, max: 1_000_000 })
    .map((quantity) => (l: Limits) => fixedQuantity({ quantity, ...l })),
  fc.integer({ min: 1, max: 50 }).map((lots) => (l: Limits) => fixedQuantity({ lots, ...l })),
  fc
    .double({ min: 1, max: 1e9, noNaN: true })
    .map((notional) => (l: Limits) => fixedNotional({ notional, ...l })),
  fc
    .double({ min: 0.01, max: 100, noNaN: true })
    .map((riskPercent) => (l: Limits) => percentRisk({ riskPercent, ...l })),
  fc
    .double({ min: 0.1, max: 1, noNaN: true })
    .map(
      (fraction) => (l: Limits) => fractionalKelly({ fraction, lookback: 3, minOutcomes: 1, ...l }),
    ),
  fc
    .constantFrom('atr' as const, 'stdev' as const)
    .map((measure) => (l: Limits) => volatilityTarget({ measure, period: 3, ...l })),
);

const instrumentArb = fc.constantFrom(...instruments);
const directionArb = fc.constantFrom<Direction>('long', 'short', 'flat');

interface Scenario {
  readonly instrument: Instrument;
  readonly price: number;
  readonly portfolio: StaticPortfolio;
  readonly signals: readonly SignalEvent[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    instrument: instrumentArb,
    price: fc.double({ min: 0.05, max: 100_000, noNaN: true }),
    cash: fc.double({ min: -1e6, max: 1e9, noNaN: true }),
    heldLots: fc.integer({ min: -40, max: 40 }),
    other: fc.option(
      fc.record({
        instrument: instrumentArb,
        lots: fc.integer({ min: -40, max: 40 }),
        price: fc.double({ min: 1, max: 50_000, noNaN: true }),
      }),
    ),
    moves: fc.array(
      fc.record({
        direction: directionArb,
        change: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        stopDistance: fc.double({ min: 0.0001, max: 0.5, noNaN: true }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ instrument, price, cash, heldLots, other, moves }) => {
    const positions = [holding(instrument.id, heldLots * instrument.lotSize, price)];
    if (other !== null && other.instrument.id !== instrument.id) {
      positions.push(
        holding(other.instrument.id, other.lots * other.instrument.lotSize, other.price),
      );
    }
    let p = price;
    const signals = moves.map(({ direction, change, stopDistance }, i) => {
      p = Math.max(0.05, p * (1 + change));
      const stop = direction === 'short' ? p * (1 + stopDistance) : p * (1 - stopDistance);
      return signal(instrument.id, direction, p, {
        time: T0 + i * MINUTE,
        ...(stop > 0 ? { stop } : {}),
      });
    });
    return { instrument, price, portfolio: { cash, positions }, signals };
  });

/** Bars for the volatility sizers: three per signal, before it. */
function steps(scenario: Scenario): Step<SignalEvent>[] {
  return scenario.signals.flatMap((s, i) => {
    const bars: MarketEvent[] = [0, 1, 2].map((k) =>
      bar(s.instrument, T0 + (3 * i + k) * MINUTE, s.price, {
        high: s.price * 1.01,
        low: s.price * 0.99,
      }),
    );
    return [...bars.map((market) => ({ market })), { input: s }];
  });
}

function run(
  sizer: RiskSizer,
  scenario: Scenario,
): { targets: TargetPosition[]; equity: number; committed: number } {
  const targets = drive(sizer, steps(scenario), { portfolio: scenario.portfolio });
  const ctx = context({ portfolio: scenario.portfolio });
  const committed = ctx.portfolio
    .positions()
    .filter((p) => p.instrument !== scenario.instrument.id)
    .reduce((sum, p) => sum + Math.abs(p.quantity) * p.lastPrice, 0);
  return { targets, equity: ctx.portfolio.equity(), committed };
}

describe('sizer properties', () => {
  it('always give lot-aligned integers (never NaN or -0) within buying power, freeze slices and direction', () => {
    fc.assert(
      fc.property(sizerArb, limitsArb, scenarioArb, (makeSizer, limits, scenario) => {
        const { targets, equity, committed } = run(makeSizer(limits), scenario);
        const lot = scenario.instrument.lotSize;
        const freeze = scenario.instrument.freezeQuantity;
        for (const t of targets) {
          const q = t.quantity;
          expect(Number.isInteger(q)).toBe(true);
          expect(Object.is(q, -0)).toBe(false);
          expect(Math.abs(q) % lot).toBe(0);
          expect(t.product).toBe(limits.product);
          const s = t.signal!;
          if (s.direction === 'flat') expect(q).toBe(0);
          if (s.direction === 'long') expect(q).toBeGreaterThanOrEqual(0);
          if (s.direction === 'short') expect(q).toBeLessThanOrEqual(0);
          if (s.direction === 'short' && limits.product === 'CNC') expect(q).toBe(0);
          if (q !== 0)
            expect(Math.abs(q) * t.price).toBeLessThanOrEqual(limits.leverage * equity - committed);
          if (freeze !== undefined)
            expect(Math.abs(q)).toBeLessThanOrEqual(
              Math.floor(freeze / lot) * lot * limits.maxSlices,
            );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('risk to the stop never exceeds the percentRisk budget', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        scenarioArb,
        (riskPercent, scenario) => {
          const { targets, equity } = run(percentRisk({ riskPercent, leverage: 10 }), scenario);
          for (const t of targets) {
            if (t.quantity === 0) continue;
            const risk = Math.abs(t.quantity) * Math.abs(t.price - t.stop!);
            expect(risk).toBeLessThanOrEqual(
              (equity * riskPercent) / 100 + 1e-6 * Math.abs(equity),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('equal inputs give equal outputs across two independently created instances', () => {
    fc.assert(
      fc.property(sizerArb, limitsArb, scenarioArb, (makeSizer, limits, scenario) => {
        const first = run(makeSizer(limits), scenario).targets;
        const second = run(makeSizer(limits), scenario).targets;
        expect(second).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });
});
