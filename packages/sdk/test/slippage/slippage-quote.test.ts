import { describe, expect, it } from 'vitest';
import { slippageQuote } from '../../src/index.js';
import { bar, fill, reliance, tick } from './fixtures.js';

describe('slippageQuote', () => {
  it('uses the fill price alone when no market event was seen', () => {
    expect(slippageQuote(fill({ price: 2401 }), undefined, 0.1)).toEqual({
      price: 2401,
      tickSize: 0.1,
    });
  });

  it("takes a bar's close and volume", () => {
    expect(slippageQuote(fill(), { ...bar(reliance, 2410), volume: 52_000 }, 0.1)).toEqual({
      price: 2410,
      volume: 52_000,
      tickSize: 0.1,
    });
  });

  it("takes a tick's top of book and traded quantity, reading the depth when top-of-book fields are absent", () => {
    expect(
      slippageQuote(
        fill(),
        tick(2400, { bid: 2399.9, ask: 2400.2, quantity: 25, volume: 9e6 }),
        0.1,
      ),
    ).toEqual({
      price: 2400,
      bid: 2399.9,
      ask: 2400.2,
      volume: 25,
      tickSize: 0.1,
    });
    const depth = {
      buy: [{ price: 2399.8, quantity: 10, orders: 1 }],
      sell: [{ price: 2400.4, quantity: 5, orders: 1 }],
    };
    expect(slippageQuote(fill(), tick(2400, { depth }), 0.1)).toEqual({
      price: 2400,
      bid: 2399.8,
      ask: 2400.4,
      tickSize: 0.1,
    });
  });
});
