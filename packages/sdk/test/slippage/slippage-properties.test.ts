import fc from 'fast-check';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  applySlippage,
  fixedBps,
  fixedTicks,
  halfSpread,
  noSlippage,
  slippageStage,
  volumeShare,
  type Fill,
  type MarketEvent,
  type SlippageModel,
  type SlippageQuote,
} from '../../src/index.js';
import { context, fill, reliance, tick } from './fixtures.js';

/** A model described by plain data, so that it can be built twice independently. */
type ModelSpec =
  | { kind: 'none' }
  | { kind: 'bps'; bps: number }
  | { kind: 'ticks'; ticks: number }
  | { kind: 'half'; fallback: ModelSpec }
  | { kind: 'volume'; impact: number; volatility: number; cap: number };

const simpleSpec: fc.Arbitrary<ModelSpec> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('bps' as const),
    bps: fc.double({ min: 0, max: 500, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('ticks' as const), ticks: fc.integer({ min: 0, max: 20 }) }),
  fc.record({
    kind: fc.constant('volume' as const),
    impact: fc.double({ min: 0, max: 3, noNaN: true }),
    volatility: fc.double({ min: 0, max: 0.2, noNaN: true }),
    cap: fc.double({ min: 0.001, max: 1, noNaN: true }),
  }),
);
const specArb: fc.Arbitrary<ModelSpec> = fc.oneof(
  simpleSpec,
  simpleSpec.map((fallback) => ({ kind: 'half' as const, fallback })),
);

function build(spec: ModelSpec): SlippageModel {
  switch (spec.kind) {
    case 'none':
      return noSlippage();
    case 'bps':
      return fixedBps(spec.bps);
    case 'ticks':
      return fixedTicks(spec.ticks);
    case 'half':
      return halfSpread({ fallback: build(spec.fallback) });
    case 'volume':
      return volumeShare({
        impact: spec.impact,
        volatility: spec.volatility,
        participationCap: spec.cap,
      });
  }
}

const TICKS = [0.0025, 0.01, 0.05, 0.1, 0.25, 1, 5];
const decimalsOf = (tickSize: number): number => (String(tickSize).split('.')[1] ?? '').length;

const caseArb = fc
  .record({
    tickSize: fc.constantFrom(...TICKS),
    steps: fc.integer({ min: 1, max: 2_000_000 }),
    side: fc.constantFrom('BUY' as const, 'SELL' as const),
    quantity: fc.integer({ min: 1, max: 1_000_000 }),
    bidSteps: fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }),
    askSteps: fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }),
    volume: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  })
  .map(({ tickSize, steps, side, quantity, bidSteps, askSteps, volume }) => {
    const onGrid = (n: number) => Number((n * tickSize).toFixed(decimalsOf(tickSize)));
    const price = onGrid(steps);
    const quote: SlippageQuote = {
      price,
      tickSize,
      ...(bidSteps === undefined ? {} : { bid: Math.max(0, onGrid(steps + bidSteps)) }),
      ...(askSteps === undefined ? {} : { ask: Math.max(0, onGrid(steps + askSteps)) }),
      ...(volume === undefined ? {} : { volume }),
    };
    return { fill: fill({ side, quantity, price }), quote };
  });

describe('slippage properties', () => {
  it('is never favourable, stays positive, lands on the tick grid as an exact decimal, and keeps rawPrice', () => {
    fc.assert(
      fc.property(specArb, caseArb, (spec, { fill: raw, quote }) => {
        const slipped = applySlippage(build(spec), raw, quote);
        const price = slipped.price;
        expect(price).toBeGreaterThan(0);
        if (raw.side === 'BUY') expect(price).toBeGreaterThanOrEqual(raw.price);
        else expect(price).toBeLessThanOrEqual(raw.price);
        const steps = price / quote.tickSize;
        expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-6);
        expect(price).toBe(Number(price.toFixed(decimalsOf(quote.tickSize))));
        expect(slipped.rawPrice).toBe(raw.rawPrice);
        expect({ ...slipped, price: raw.price }).toEqual(raw);
      }),
      { numRuns: 300 },
    );
  });

  it('fixedTicks moves an on-grid price by exactly its ticks (a sell stopping at one tick)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), caseArb, (ticks, { fill: raw, quote }) => {
        const steps = Math.round(fixedTicks(ticks).adjust(raw, quote) / quote.tickSize);
        const start = Math.round(raw.price / quote.tickSize);
        expect(steps).toBe(raw.side === 'BUY' ? start + ticks : Math.max(1, start - ticks));
      }),
      { numRuns: 200 },
    );
  });

  it('fixedBps charges at least the full basis points (a sell stopping at one tick) and less than one tick more', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        caseArb,
        (bps, { fill: raw, quote }) => {
          const exact =
            raw.side === 'BUY'
              ? raw.price * (1 + bps / 10_000)
              : Math.max(quote.tickSize, raw.price * (1 - bps / 10_000));
          const charged = fixedBps(bps).adjust(raw, quote);
          const beyond = raw.side === 'BUY' ? charged - exact : exact - charged;
          const noise = exact * 1e-12 + quote.tickSize * 1e-6;
          expect(beyond).toBeGreaterThanOrEqual(-noise);
          expect(beyond).toBeLessThan(quote.tickSize);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('volumeShare never charges less for a bigger fill', () => {
    fc.assert(
      fc.property(
        specArb.filter((s) => s.kind === 'volume'),
        caseArb,
        fc.integer({ min: 1, max: 1_000_000 }),
        (spec, { fill: raw, quote }, extra) => {
          const model = build(spec);
          const small = model.adjust(raw, quote);
          const big = model.adjust({ ...raw, quantity: raw.quantity + extra }, quote);
          if (raw.side === 'BUY') expect(big).toBeGreaterThanOrEqual(small);
          else expect(big).toBeLessThanOrEqual(small);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives equal outputs for equal inputs across independently built models and stages', () => {
    const runStage = (spec: ModelSpec, steps: ReadonlyArray<MarketEvent | Fill>): Fill[] => {
      const market$ = new Subject<MarketEvent>();
      const fills$ = new Subject<Fill>();
      const out: Fill[] = [];
      fills$.pipe(slippageStage(build(spec))(context({ market$ }))).subscribe({
        next: (f) => out.push(f),
        error: (error: unknown) => {
          throw error;
        },
      });
      for (const step of steps) {
        if (step.kind === 'fill') fills$.next(step);
        else market$.next(step);
      }
      return out;
    };
    const stepArb = fc.oneof(
      fc
        .record({
          side: fc.constantFrom('BUY' as const, 'SELL' as const),
          quantity: fc.integer({ min: 1, max: 100_000 }),
          steps: fc.integer({ min: 1, max: 100_000 }),
        })
        // On RELIANCE's 0.1 grid, the instrument the stage looks up.
        .map(({ side, quantity, steps }) => fill({ side, quantity, price: steps / 10 })),
      fc
        .record({
          price: fc.integer({ min: 1000, max: 3000 }),
          spread: fc.integer({ min: 0, max: 20 }),
          quantity: fc.integer({ min: 1, max: 5000 }),
        })
        .map(({ price, spread, quantity }) =>
          tick(price, { bid: price - spread / 10, ask: price + spread / 10, quantity }),
        ),
    );
    fc.assert(
      fc.property(specArb, fc.array(stepArb, { maxLength: 30 }), (spec, steps) => {
        const relianceSteps = steps.map((s) => ({ ...s, instrument: reliance.id }));
        const first = runStage(spec, relianceSteps);
        expect(first).toHaveLength(steps.filter((s) => s.kind === 'fill').length);
        expect(runStage(spec, relianceSteps)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });
});
