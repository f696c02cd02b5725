import fc from 'fast-check';
import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  bracketExecution,
  combineExecution,
  isProtective,
  limitExecution,
  marketExecution,
  sliceAboveFreeze,
  staticContext,
  stopEntryExecution,
  timeExit,
  trailingStop,
  type ExecutionModel,
  type Instrument,
  type Order,
  type OrderIntent,
  type StaticPortfolio,
  type StrategyContext,
  type TargetPosition,
} from '../../src/index.js';
import {
  bar,
  context,
  Harness,
  holding,
  instruments,
  MINUTE,
  placed,
  signed,
  T0,
  target,
  working,
} from './fixtures.js';

const models: Record<string, () => ExecutionModel> = {
  market: () => marketExecution(),
  marketUnsplit: () => marketExecution({ splitReversals: false }),
  limit: () => limitExecution({ offsetTicks: 1 }),
  stopEntry: () => stopEntryExecution({ type: 'SL' }),
  bracket: () => bracketExecution(),
  bracketLimit: () => bracketExecution({ entryType: 'LIMIT', splitReversals: false }),
};
const modelArb = fc.constantFrom(...Object.keys(models));
const instrumentArb = fc.constantFrom(...instruments);

/** Open orders an instrument may have: entries, pending closes, stops and bracket legs, some partly filled. */
function openOrdersArb(instrument: Instrument, position: number): fc.Arbitrary<Order[]> {
  const lot = instrument.lotSize;
  const order = fc
    .record({
      kind: fc.constantFrom('entry', 'limitEntry', 'close', 'stop', 'leg'),
      side: fc.constantFrom<'BUY' | 'SELL'>('BUY', 'SELL'),
      lots: fc.integer({ min: 1, max: 10 }),
      filledLots: fc.integer({ min: 0, max: 9 }),
      withParent: fc.boolean(),
    })
    .map(({ kind, side, lots, filledLots, withParent }) => ({
      kind,
      side,
      lots,
      filled: Math.min(filledLots, lots - 1),
      withParent,
    }));
  return fc.array(order, { maxLength: 6 }).map((specs) => {
    const orders: Order[] = [];
    specs.forEach(({ kind, side, lots, filled, withParent }, i) => {
      const id = `o-${i}`;
      const closeSide = position > 0 ? 'SELL' : 'BUY';
      const extra: Partial<OrderIntent> =
        kind === 'limitEntry'
          ? { orderType: 'LIMIT', price: 100 }
          : kind === 'close'
            ? { reduceOnly: true }
            : kind === 'stop'
              ? { orderType: 'SL-M', triggerPrice: 90, reduceOnly: true }
              : kind === 'leg'
                ? {
                    orderType: 'LIMIT',
                    price: 110,
                    reduceOnly: true,
                    ocoGroup: 'g',
                    ...(withParent && orders[0] !== undefined ? { parentId: orders[0].id } : {}),
                  }
                : {};
      const s = kind === 'close' ? closeSide : side;
      orders.push(
        working(
          placed(id, instrument.id, s, lots * lot, extra),
          kind === 'entry' ? filled * lot : 0,
        ),
      );
    });
    return orders;
  });
}

interface Case {
  readonly instrument: Instrument;
  readonly position: number;
  readonly open: Order[];
  readonly target: TargetPosition;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    instrument: instrumentArb,
    positionLots: fc.integer({ min: -20, max: 20 }),
    targetLots: fc.integer({ min: -20, max: 20 }),
  })
  .chain(({ instrument, positionLots, targetLots }) => {
    const position = positionLots * instrument.lotSize;
    return openOrdersArb(instrument, position).map((open) => ({
      instrument,
      position,
      open,
      target: target(instrument.id, targetLots * instrument.lotSize, 100, {
        stop: targetLots >= 0 ? 95 : 105,
        target: targetLots >= 0 ? 110 : 90,
      }),
    }));
  });

function portfolioOf(c: Case): StaticPortfolio {
  return {
    cash: 1e9,
    positions: c.position === 0 ? [] : [holding(c.instrument.id, c.position, 100)],
    openOrders: c.open,
  };
}

/** What stays live at the venue after the emitted intents: cancels applied, placements added. */
function liveAfter(c: Case, intents: readonly OrderIntent[]): Order[] {
  const cancelled = new Set(intents.filter((i) => i.cancelId !== undefined).map((i) => i.cancelId));
  const kept = c.open.filter((o) => !cancelled.has(o.id));
  // the venue cancels children of a cancelled parent
  const survivors = kept.filter(
    (o) => o.intent.parentId === undefined || !cancelled.has(o.intent.parentId),
  );
  const placements = intents
    .filter((i) => i.cancelId === undefined || i.parentId !== i.cancelId)
    .map((i) => working(i));
  return [...survivors, ...placements];
}

describe('execution model properties', () => {
  it('never emit an order that could move a position past its target, given position and open orders', () => {
    fc.assert(
      fc.property(modelArb, caseArb, (name, c) => {
        const intents = runSync(models[name]!(), portfolioOf(c), [c.target]);
        const lot = c.instrument.lotSize;
        for (const i of intents) {
          expect(Number.isInteger(i.quantity) && i.quantity > 0 && i.quantity % lot === 0).toBe(
            true,
          );
        }
        const live = liveAfter(c, intents);
        const T = c.target.quantity;
        const move = T - c.position;
        const workingOrders = live.filter((o) => !isProtective(o));
        const remaining = workingOrders.map(
          (o) =>
            signed(o.intent) - (o.intent.side === 'BUY' ? o.filledQuantity : -o.filledQuantity),
        );
        // every working order moves toward the target and together they land exactly on it
        for (const r of remaining) expect(Math.sign(r)).toBe(Math.sign(move));
        expect(c.position + remaining.reduce((s, r) => s + r, 0)).toBe(T);
        // protective orders can never take the target position through zero
        const protective = live.filter((o) => isProtective(o));
        // of an OCO group only one member can fill: count its largest
        const exposure = (side: 'BUY' | 'SELL'): number => {
          const largest = new Map<string, number>();
          let total = 0;
          for (const o of protective.filter((p) => p.intent.side === side)) {
            const r = o.intent.quantity - o.filledQuantity;
            if (o.intent.ocoGroup === undefined) total += r;
            else largest.set(o.intent.ocoGroup, Math.max(largest.get(o.intent.ocoGroup) ?? 0, r));
          }
          return total + [...largest.values()].reduce((a, b) => a + b, 0);
        };
        const sells = exposure('SELL');
        const buys = exposure('BUY');
        expect(sells).toBeLessThanOrEqual(Math.max(T, 0));
        expect(buys).toBeLessThanOrEqual(Math.max(-T, 0));
        // new reduce-only orders that are not protective only ever close the current position
        const closes = intents.filter(
          (i) => i.cancelId === undefined && i.reduceOnly && !isProtective(working(i)),
        );
        for (const i of closes) expect(signed(i) * c.position).toBeLessThan(0);
        expect(closes.reduce((s, i) => s + i.quantity, 0)).toBeLessThanOrEqual(
          Math.abs(c.position),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('equal inputs give equal outputs across two independently created instances', () => {
    fc.assert(
      fc.property(
        modelArb,
        caseArb,
        fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 5 }),
        (name, c, more) => {
          const targets = [
            c.target,
            ...more.map((lots, k) => target(c.instrument.id, lots * c.instrument.lotSize, 100 + k)),
          ];
          const first = runSync(models[name]!(), portfolioOf(c), targets);
          const second = runSync(models[name]!(), portfolioOf(c), targets);
          expect(second).toEqual(first);
          expect(new Set(first.map((i) => i.id)).size).toBe(first.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('slices sum to the original, each within the freeze quantity and whole lots', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom<'BUY' | 'SELL'>('BUY', 'SELL'),
        (lot, freezeExtra, lots, side) => {
          const freeze = lot + freezeExtra;
          const instrument: Instrument = {
            id: 'NFO:TEST26JANFUT',
            exchange: 'NFO',
            symbol: 'TEST26JANFUT',
            type: 'FUT',
            lotSize: lot,
            tickSize: 0.05,
            freezeQuantity: freeze,
            expiry: '2026-01-27',
          };
          const ctx = staticContext({
            params: {},
            instruments: [instrument],
            portfolio: { cash: 1e15 },
          });
          const quantity = lots * lot;
          const slices = runSyncIn(ctx, sliceAboveFreeze(marketExecution()), [
            target(instrument.id, side === 'BUY' ? quantity : -quantity, 100),
          ]);
          expect(slices.reduce((s, i) => s + i.quantity, 0)).toBe(quantity);
          const largest = Math.floor(freeze / lot) * lot;
          expect(slices).toHaveLength(Math.ceil(quantity / largest));
          for (const s of slices) {
            expect(s.quantity).toBeLessThanOrEqual(freeze);
            expect(s.quantity % lot).toBe(0);
            expect(s.side).toBe(side);
          }
          expect(new Set(slices.map((s) => s.id)).size).toBe(slices.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a trailing stop only ever moves in the position’s favour and stays beyond the last price', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, -1),
        fc.array(
          fc.tuple(
            fc.double({ min: -0.02, max: 0.02, noNaN: true }),
            fc.double({ min: 0, max: 0.01, noNaN: true }),
          ),
          { minLength: 1, maxLength: 60 },
        ),
        fc.oneof(
          fc.record({ percent: fc.double({ min: 0.1, max: 5, noNaN: true }) }),
          fc.record({ ticks: fc.integer({ min: 1, max: 200 }) }),
        ),
        (direction, moves, trail) => {
          const h = new Harness(trailingStop({ trail }));
          const instrument = instruments[0]!;
          h.book.hold(instrument.id, direction * 10, 1000);
          let close = 1000;
          let last: number | undefined;
          moves.forEach(([change, spread], i) => {
            const open = close;
            close = Math.max(1, Math.round(close * (1 + change) * 20) / 20);
            const b = bar(instrument.id, T0 + i * MINUTE, close, {
              open,
              high: Math.max(open, close) * (1 + spread),
              low: Math.min(open, close) * (1 - spread),
            });
            for (const intent of h.market(b)) {
              if (intent.cancelId !== undefined && intent.parentId === intent.cancelId) continue; // pure cancel
              const trigger = intent.triggerPrice!;
              expect(
                Math.abs(trigger / instrument.tickSize - Math.round(trigger / instrument.tickSize)),
              ).toBeLessThan(1e-6);
              if (direction > 0) expect(trigger).toBeLessThan(close);
              else expect(trigger).toBeGreaterThan(close);
              if (last !== undefined && intent.cancelId !== undefined) {
                if (direction > 0) expect(trigger).toBeGreaterThan(last);
                else expect(trigger).toBeLessThan(last);
              }
              last = trigger;
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a time exit squares off at most once per instrument and IST session, never before the time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 * 24 * 60 - 1 }), { minLength: 1, maxLength: 80 }),
        (offsets) => {
          const h = new Harness(combineExecution(timeExit({ at: '15:20' })));
          const instrument = instruments[0]!;
          const sessions = new Map<number, number>();
          const start = T0 - 555 * MINUTE; // IST midnight of the first day
          for (const minute of [...offsets].sort((a, b) => a - b)) {
            h.book.hold(instrument.id, 10, 100);
            h.book.orders = [];
            const b = bar(instrument.id, start + minute * MINUTE, 100);
            const known = b.time + MINUTE;
            for (const intent of h.market(b)) {
              const day = Math.floor((known - start) / (24 * 60 * MINUTE));
              expect((known - start) % (24 * 60 * MINUTE)).toBeGreaterThanOrEqual(920 * MINUTE);
              sessions.set(day, (sessions.get(day) ?? 0) + 1);
              expect(intent).toMatchObject({ side: 'SELL', quantity: 10, reduceOnly: true });
            }
          }
          for (const count of sessions.values()) expect(count).toBe(1);
        },
      ),
      { numRuns: 150 },
    );
  });
});

function runSync(
  model: ExecutionModel,
  portfolio: StaticPortfolio,
  targets: readonly TargetPosition[],
): OrderIntent[] {
  return runSyncIn(context({ portfolio }), model, targets);
}

/** Runs a model synchronously over targets (the stock models never hop schedulers). */
function runSyncIn(
  ctx: StrategyContext,
  model: ExecutionModel,
  targets: readonly TargetPosition[],
): OrderIntent[] {
  const out: OrderIntent[] = [];
  let failure: Error | undefined;
  from(targets)
    .pipe(model(ctx))
    .subscribe({
      next: (i) => out.push(i),
      error: (e: unknown) => (failure = e instanceof Error ? e : new Error(String(e))),
    });
  if (failure !== undefined) throw failure;
  return out;
}
