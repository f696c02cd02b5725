import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createManagedOrder,
  isTerminal,
  MANAGED_ORDER_STATES,
  ORDER_TRANSITIONS,
  transition,
  type ManagedOrder,
  type OrderEvent,
} from '../../../src/live/order-manager/index.js';

const request = {
  instrument: 'NSE:INFY',
  side: 'BUY',
  quantity: 10,
  orderType: 'LIMIT',
  price: 1500,
  product: 'MIS',
  validity: 'DAY',
  tag: 'Pabc1x1',
} as const;

const fresh = (): ManagedOrder =>
  createManagedOrder({
    tag: 'Pabc1x1',
    intentId: 'i-1',
    slice: 1,
    request,
    reduceOnly: false,
    time: 0,
  });

function run(order: ManagedOrder, events: readonly OrderEvent[]): ManagedOrder {
  let current = order;
  for (const event of events) current = transition(current, event).order;
  return current;
}

describe('order state machine', () => {
  it('walks the happy path: created, submitting, open, partially filled, filled', () => {
    const order = run(fresh(), [
      { type: 'submit', time: 1 },
      { type: 'accepted', time: 2, brokerOrderId: '2511' },
      { type: 'filled', time: 3, filledQuantity: 4, averagePrice: 1499 },
    ]);
    expect(order.state).toBe('partially-filled');
    expect(order.brokerOrderId).toBe('2511');
    expect(order.attempts).toBe(1);
    const done = run(order, [
      { type: 'filled', time: 4, filledQuantity: 10, averagePrice: 1499.5 },
    ]);
    expect(done.state).toBe('filled');
    expect(done.filledQuantity).toBe(10);
    expect(done.history.map((h) => h.state)).toEqual([
      'created',
      'submitting',
      'open',
      'partially-filled',
      'filled',
    ]);
  });

  it('resolves an unknown placement by lookup: found goes open, not found goes back to created', () => {
    const unknown = run(fresh(), [
      { type: 'submit', time: 1 },
      { type: 'outcome-unknown', time: 2, reason: 'timeout' },
    ]);
    expect(unknown.state).toBe('unknown');
    expect(run(unknown, [{ type: 'accepted', time: 3, brokerOrderId: 'X' }]).state).toBe('open');
    const retry = run(unknown, [{ type: 'not-found', time: 3 }]);
    expect(retry.state).toBe('created');
    expect(run(retry, [{ type: 'submit', time: 4 }]).attempts).toBe(2);
  });

  it('applies a fill that arrives after the cancel request (and completes the order with it)', () => {
    const pending = run(fresh(), [
      { type: 'submit', time: 1 },
      { type: 'accepted', time: 2, brokerOrderId: 'X' },
      { type: 'cancel-requested', time: 3, reason: 'exit' },
    ]);
    expect(pending.state).toBe('cancel-pending');
    const partly = run(pending, [
      { type: 'filled', time: 4, filledQuantity: 6, averagePrice: 1500 },
    ]);
    expect(partly.state).toBe('cancel-pending');
    expect(partly.filledQuantity).toBe(6);
    const cancelled = run(partly, [{ type: 'cancelled', time: 5, reason: 'user' }]);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.filledQuantity).toBe(6);
    const filled = run(pending, [
      { type: 'filled', time: 4, filledQuantity: 10, averagePrice: 1500 },
    ]);
    expect(filled.state).toBe('filled');
    const refused = run(partly, [{ type: 'cancel-refused', time: 5, reason: 'not open' }]);
    expect(refused.state).toBe('partially-filled');
  });

  it('ignores duplicate, shrinking and impossible fills with a reason', () => {
    const open = run(fresh(), [
      { type: 'submit', time: 1 },
      { type: 'accepted', time: 2, brokerOrderId: 'X' },
      { type: 'filled', time: 3, filledQuantity: 5, averagePrice: 1500 },
    ]);
    const same = transition(open, {
      type: 'filled',
      time: 4,
      filledQuantity: 5,
      averagePrice: 1500,
    });
    expect(same).toMatchObject({ applied: false, ignored: 'fill of 5 is not news' });
    const over = transition(open, { type: 'filled', time: 4, filledQuantity: 11, averagePrice: 1 });
    expect(over.applied).toBe(false);
    const otherId = transition(open, { type: 'accepted', time: 4, brokerOrderId: 'Y' });
    expect(otherId).toMatchObject({ applied: false, ignored: 'acknowledged as Y but known as X' });
  });

  it('cancels an order that was never sent without going to the broker', () => {
    expect(run(fresh(), [{ type: 'cancel-requested', time: 1, reason: 'halt' }]).state).toBe(
      'cancelled',
    );
  });

  it('lists every state in the table, and terminal states accept nothing', () => {
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...MANAGED_ORDER_STATES].sort());
    for (const state of MANAGED_ORDER_STATES) {
      if (isTerminal(state)) expect(ORDER_TRANSITIONS[state]).toEqual({});
    }
  });
});

const eventArb: fc.Arbitrary<OrderEvent> = fc.oneof(
  fc.constant<OrderEvent>({ type: 'submit', time: 1 }),
  fc
    .constantFrom('A', 'B')
    .map<OrderEvent>((id) => ({ type: 'accepted', time: 1, brokerOrderId: id })),
  fc.constant<OrderEvent>({ type: 'outcome-unknown', time: 1, reason: 'timeout' }),
  fc.constant<OrderEvent>({ type: 'not-found', time: 1 }),
  fc.constant<OrderEvent>({ type: 'throttled', time: 1, retryAfterMs: 10 }),
  fc
    .integer({ min: 0, max: 12 })
    .map<OrderEvent>((q) => ({ type: 'filled', time: 1, filledQuantity: q, averagePrice: 100 })),
  fc.constant<OrderEvent>({ type: 'cancel-requested', time: 1, reason: 'r' }),
  fc.constant<OrderEvent>({ type: 'cancel-refused', time: 1, reason: 'r' }),
  fc.constant<OrderEvent>({ type: 'cancelled', time: 1, reason: 'r' }),
  fc.constant<OrderEvent>({ type: 'rejected', time: 1, reason: 'r' }),
);

describe('order state machine properties', () => {
  it('never leaves a terminal state, never lowers or overshoots the filled quantity', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        let order = fresh();
        for (const event of events) {
          const next = transition(order, event).order;
          if (isTerminal(order.state)) expect(next).toBe(order);
          expect(next.filledQuantity).toBeGreaterThanOrEqual(order.filledQuantity);
          expect(next.filledQuantity).toBeLessThanOrEqual(request.quantity);
          if (next.state === 'filled') expect(next.filledQuantity).toBe(request.quantity);
          if (next.brokerOrderId !== undefined && order.brokerOrderId !== undefined)
            expect(next.brokerOrderId).toBe(order.brokerOrderId);
          order = next;
        }
        expect(order.history.at(-1)?.state).toBe(order.state);
      }),
      { numRuns: 300 },
    );
  });

  it('ends consistent with the broker whatever order its reports arrive in', () => {
    // The broker's truth: an acknowledged order with increasing cumulative fills, a cancel
    // request, and a final status that carries the final filled quantity (as order books do).
    const truth = fc
      .record({
        fills: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 4 }),
        cancel: fc.boolean(),
      })
      .map(({ fills, cancel }) => {
        const sorted = [...fills].sort((a, b) => a - b);
        const final = sorted.at(-1) ?? 0;
        return { sorted, cancel: cancel && final < 10, final };
      });
    fc.assert(
      fc.property(truth, fc.infiniteStream(fc.nat()), ({ sorted, cancel, final }, keys) => {
        const reports: OrderEvent[] = [
          { type: 'accepted', time: 2, brokerOrderId: 'X' },
          ...sorted.map<OrderEvent>((q) => ({
            type: 'filled',
            time: 3,
            filledQuantity: q,
            averagePrice: 100,
          })),
        ];
        if (cancel) reports.push({ type: 'cancelled', time: 5, reason: 'user' });
        // Shuffle deterministically by the stream of keys.
        const it = keys[Symbol.iterator]();
        const shuffled = reports
          .map((r) => ({ r, k: it.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map(({ r }) => r);
        let order = run(fresh(), [{ type: 'submit', time: 1 }]);
        for (const report of shuffled) {
          // A terminal report arrives with the fills it includes, applied first (snapshot).
          if (report.type === 'cancelled' && final > 0)
            order = transition(order, {
              type: 'filled',
              time: 5,
              filledQuantity: final,
              averagePrice: 100,
            }).order;
          order = transition(order, report).order;
        }
        expect(order.filledQuantity).toBe(final);
        const expected =
          final === 10 ? 'filled' : cancel ? 'cancelled' : final > 0 ? 'partially-filled' : 'open';
        expect(order.state).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
