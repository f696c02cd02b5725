import { describe, expect, it } from 'vitest';
import { parseTick } from '../../src/model/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { tickInput } from './fixtures.js';

describe('parseTick', () => {
  it('parses a tick with depth, deep-frozen', () => {
    const tick = parseTick(tickInput);
    expect(tick).toEqual(tickInput);
    expect(Object.isFrozen(tick)).toBe(true);
    expect(Object.isFrozen(tick.depth)).toBe(true);
    expect(Object.isFrozen(tick.depth?.buy)).toBe(true);
    expect(Object.isFrozen(tick.depth?.buy[0])).toBe(true);
  });

  it('parses a bare last-price tick and allows 0 for an empty book side', () => {
    const bare = { kind: 'tick', instrument: 'NSE:NIFTY 50', time: 0, price: 25_000 };
    expect(parseTick(bare)).toEqual(bare);
    expect(parseTick({ ...bare, bid: 24_999, ask: 0 }).ask).toBe(0);
  });

  it('rejects a non-numeric or non-positive price', () => {
    expectValidationError(() => parseTick({ ...tickInput, price: 'abc' }), 'price', 'abc');
    expectValidationError(() => parseTick({ ...tickInput, price: 0 }), 'price', 0);
  });

  it('names the offending depth level by its path', () => {
    const depth = {
      buy: [...tickInput.depth.buy, { price: 25_989, quantity: 7.5, orders: 1 }],
      sell: [],
    };
    expectValidationError(() => parseTick({ ...tickInput, depth }), 'depth.buy.2.quantity', 7.5);
    expectValidationError(
      () =>
        parseTick({
          ...tickInput,
          depth: { buy: [], sell: [{ price: -1, quantity: 1, orders: 1 }] },
        }),
      'depth.sell.0.price',
      -1,
    );
  });

  it('rejects negative volume and an unknown exchange', () => {
    expectValidationError(() => parseTick({ ...tickInput, volume: -10 }), 'volume', -10);
    expectValidationError(
      () => parseTick({ ...tickInput, instrument: 'LSE:VOD' }),
      'instrument',
      'LSE:VOD',
    );
  });
});
