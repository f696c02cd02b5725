import { describe, expect, it } from 'vitest';
import { TERMINAL_ORDER_STATUSES, parseOrder } from '../../src/model/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { T0, orderInput } from './fixtures.js';

describe('parseOrder', () => {
  it('parses an order with its status history, deep-frozen', () => {
    const order = parseOrder(orderInput);
    expect(order).toEqual(orderInput);
    expect(Object.isFrozen(order.history)).toBe(true);
    expect(Object.isFrozen(order.history[2])).toBe(true);
    expect(Object.isFrozen(order.intent)).toBe(true);
  });

  it('lists the terminal statuses', () => {
    expect([...TERMINAL_ORDER_STATUSES].sort()).toEqual([
      'CANCELLED',
      'EXPIRED',
      'FILLED',
      'REJECTED',
    ]);
  });

  it('rejects an empty history and a status that disagrees with it', () => {
    expectValidationError(() => parseOrder({ ...orderInput, history: [] }), 'history', []);
    expectValidationError(() => parseOrder({ ...orderInput, status: 'OPEN' }), 'status', 'OPEN');
  });

  it('rejects filled quantities that exceed the order or do not match the history', () => {
    const overfilled = {
      ...orderInput,
      filledQuantity: 120,
      history: [
        ...orderInput.history.slice(0, 2),
        { status: 'PARTIALLY_FILLED', time: T0 + 120_000, filledQuantity: 120 },
      ],
    };
    expectValidationError(() => parseOrder(overfilled), 'filledQuantity', 120);
    expectValidationError(
      () => parseOrder({ ...orderInput, filledQuantity: 30 }),
      'filledQuantity',
      30,
    );
    const filled = {
      ...orderInput,
      status: 'FILLED',
      history: [
        ...orderInput.history,
        { status: 'FILLED', time: T0 + 180_000, filledQuantity: 40 },
      ],
    };
    expectValidationError(() => parseOrder(filled), 'filledQuantity', 40);
  });

  it('rejects an average price without fills and fills without one', () => {
    expectValidationError(() => parseOrder({ ...orderInput, averagePrice: 0 }), 'averagePrice', 0);
    const open = {
      ...orderInput,
      status: 'OPEN',
      filledQuantity: 0,
      history: orderInput.history.slice(0, 2),
    };
    expectValidationError(() => parseOrder(open), 'averagePrice', 1502.9);
  });

  it('rejects a history out of time order, a decreasing fill and a change after a terminal status', () => {
    const [pending, open, partial] = orderInput.history;
    expectValidationError(
      () => parseOrder({ ...orderInput, history: [pending, { ...open, time: T0 }, partial] }),
      'history.1.time',
      T0,
    );
    expectValidationError(
      () =>
        parseOrder({
          ...orderInput,
          history: [pending, { ...open, filledQuantity: 50 }, partial],
        }),
      'history.2.filledQuantity',
      40,
    );
    expectValidationError(
      () =>
        parseOrder({ ...orderInput, history: [pending, { ...open, status: 'REJECTED' }, partial] }),
      'history.2.status',
      'PARTIALLY_FILLED',
    );
  });
});
