import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOrderIntent } from '../../src/model/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { intentInput } from './fixtures.js';

const { price: _price, ttlMs: _ttl, ...market } = { ...intentInput, orderType: 'MARKET' as const };

describe('parseOrderIntent', () => {
  it('parses MARKET, LIMIT, SL and SL-M intents', () => {
    expect(parseOrderIntent(intentInput)).toEqual(intentInput);
    expect(parseOrderIntent(market)).toEqual(market);
    const stopLimitBuy = { ...intentInput, orderType: 'SL', price: 1510, triggerPrice: 1508 };
    expect(parseOrderIntent(stopLimitBuy)).toEqual(stopLimitBuy);
    const stopMarketSell = {
      ...market,
      side: 'SELL',
      orderType: 'SL-M',
      triggerPrice: 1490,
      reduceOnly: true,
    };
    expect(parseOrderIntent(stopMarketSell)).toEqual(stopMarketSell);
  });

  it('rejects LIMIT and SL without a price', () => {
    expectValidationError(
      () => parseOrderIntent({ ...market, orderType: 'LIMIT' }),
      'price',
      undefined,
    );
    const error = expectValidationError(
      () => parseOrderIntent({ ...market, orderType: 'SL', triggerPrice: 1500 }),
      'price',
      undefined,
    );
    expect(error.message).toBe(
      'Invalid order intent: price: SL orders need a price (got undefined)',
    );
  });

  it('rejects SL and SL-M without a trigger, and a trigger on MARKET or LIMIT', () => {
    expectValidationError(
      () => parseOrderIntent({ ...market, orderType: 'SL-M' }),
      'triggerPrice',
      undefined,
    );
    expectValidationError(
      () => parseOrderIntent({ ...intentInput, orderType: 'SL' }),
      'triggerPrice',
      undefined,
    );
    expectValidationError(
      () => parseOrderIntent({ ...market, triggerPrice: 1500 }),
      'triggerPrice',
      1500,
    );
    expectValidationError(
      () => parseOrderIntent({ ...intentInput, triggerPrice: 1500 }),
      'triggerPrice',
      1500,
    );
  });

  it('rejects a stop-limit whose trigger lies beyond its price', () => {
    const sl = { ...intentInput, orderType: 'SL' };
    expectValidationError(
      () => parseOrderIntent({ ...sl, price: 1500, triggerPrice: 1501 }),
      'triggerPrice',
      1501,
    );
    expectValidationError(
      () => parseOrderIntent({ ...sl, side: 'SELL', price: 1500, triggerPrice: 1499 }),
      'triggerPrice',
      1499,
    );
  });

  it('rejects bad quantity, side, product, validity, ttl and confidence', () => {
    expectValidationError(() => parseOrderIntent({ ...intentInput, quantity: 0 }), 'quantity', 0);
    expectValidationError(
      () => parseOrderIntent({ ...intentInput, quantity: 2.5 }),
      'quantity',
      2.5,
    );
    expectValidationError(() => parseOrderIntent({ ...intentInput, side: 'buy' }), 'side', 'buy');
    expectValidationError(
      () => parseOrderIntent({ ...intentInput, product: 'CO' }),
      'product',
      'CO',
    );
    expectValidationError(
      () => parseOrderIntent({ ...intentInput, validity: 'GTC' }),
      'validity',
      'GTC',
    );
    expectValidationError(() => parseOrderIntent({ ...intentInput, ttlMs: 0 }), 'ttlMs', 0);
    expectValidationError(
      () => parseOrderIntent({ ...intentInput, confidence: 2 }),
      'confidence',
      2,
    );
    expectValidationError(() => parseOrderIntent({ ...intentInput, id: '' }), 'id', '');
    expectValidationError(
      () => parseOrderIntent({ ...intentInput, reduceOnly: 'no' }),
      'reduceOnly',
      'no',
    );
  });

  it('property: a LIMIT intent without a price is always rejected on price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom('BUY', 'SELL'),
        (quantity, side) => {
          expectValidationError(
            () => parseOrderIntent({ ...market, quantity, side, orderType: 'LIMIT' }),
            'price',
            undefined,
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
