import { describe, expect, it } from 'vitest';
import { maxOrderValue, ValidationError } from '../../src/index.js';
import { bar, context, holding, infy, intent, marbles, niftyFut, reliance } from './fixtures.js';

describe('maxOrderValue', () => {
  it('shrinks an order to the whole lots that fit, valued at the last traded price for MARKET orders', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        market$: hot('m-', { m: bar(niftyFut, 24_000) }),
        portfolio: { cash: 1_000_000 },
      });
      const fourLots = intent('a', { instrument: niftyFut.id, quantity: 300, product: 'NRML' });
      const twoLots = { ...fourLots, quantity: 150 };
      expectObservable(
        hot('-a---|', { a: fourLots }).pipe(maxOrderValue({ percentOfEquity: 500 })(ctx)),
      ).toBe('-(sa)|', {
        s: {
          kind: 'risk',
          time: 0,
          guard: 'maxOrderValue',
          action: 'shrunk',
          instrument: niftyFut.id,
          intent: fourLots,
          replacement: twoLots,
          reason:
            'order value 7200000.00 (300 x 24000) exceeds 500% of equity (5000000.00); shrunk 300 to 150',
        },
        a: twoLots,
      });
    });
  });

  it('blocks when not even one lot fits', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        market$: hot('m-', { m: bar(niftyFut, 24_000) }),
        portfolio: { cash: 1_000_000 },
      });
      const oneLot = intent('a', { instrument: niftyFut.id, quantity: 75, product: 'NRML' });
      expectObservable(
        hot('-a|', { a: oneLot }).pipe(maxOrderValue({ percentOfEquity: 100 })(ctx)),
      ).toBe('-x|', {
        x: {
          kind: 'risk',
          time: 0,
          guard: 'maxOrderValue',
          action: 'blocked',
          instrument: niftyFut.id,
          intent: oneLot,
          reason: 'order value 1800000.00 (75 x 24000) exceeds 100% of equity (1000000.00)',
        },
      });
    });
  });

  it('values LIMIT orders at their price and SL-M orders at their trigger', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        market$: hot('m-', { m: bar(reliance, 3000) }),
        portfolio: { cash: 1_000_000 },
      });
      const limit = intent('l', { orderType: 'LIMIT', price: 2400, quantity: 50 });
      const stop = intent('s', { orderType: 'SL-M', triggerPrice: 2500, quantity: 50 });
      const guard = maxOrderValue({ percentOfEquity: 10 });
      expectObservable(hot('-l---s---|', { l: limit, s: stop }).pipe(guard(ctx))).toBe(
        '-(xL)(yS)|',
        {
          x: expect.objectContaining({ action: 'shrunk', replacement: { ...limit, quantity: 41 } }),
          L: { ...limit, quantity: 41 },
          y: expect.objectContaining({ action: 'shrunk', replacement: { ...stop, quantity: 40 } }),
          S: { ...stop, quantity: 40 },
        },
      );
    });
  });

  it('blocks an entry it cannot value, and one when equity leaves no room', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const unpriced = intent('u', { instrument: infy.id });
      const guard = maxOrderValue({ percentOfEquity: 10 });
      expectObservable(
        hot('-u|', { u: unpriced }).pipe(guard(context({ portfolio: { cash: 1e6 } }))),
      ).toBe('-x|', {
        x: expect.objectContaining({
          action: 'blocked',
          intent: unpriced,
          reason: 'no price known to value the order (got undefined); blocked to be safe',
        }),
      });
      const broke = context({ portfolio: { cash: 0 } });
      const priced = intent('p', { orderType: 'LIMIT', price: 100 });
      expectObservable(hot('-p|', { p: priced }).pipe(guard(broke))).toBe('-x|', {
        x: expect.objectContaining({
          action: 'blocked',
          reason: 'equity 0 leaves no room for an order of 10% of it',
        }),
      });
    });
  });

  it('lets exits through uncapped and keeps the closing part of an intent through zero', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        market$: hot('m-', { m: bar(reliance, 2400) }),
        portfolio: { cash: 1_000_000, positions: [holding(reliance, 'CNC', -100, 2400)] },
      });
      const cover = intent('c', { quantity: 100, product: 'CNC' });
      const reverse = intent('r', { quantity: 200, product: 'CNC' });
      const closing = { ...reverse, quantity: 100, reduceOnly: true };
      const guard = maxOrderValue({ percentOfEquity: 10 });
      expectObservable(hot('-cr---|', { c: cover, r: reverse }).pipe(guard(ctx))).toBe('-c(sR)|', {
        c: cover,
        s: expect.objectContaining({ action: 'shrunk', intent: reverse, replacement: closing }),
        R: closing,
      });
    });
  });

  it('rejects missing or non-positive caps', () => {
    expect(() => maxOrderValue({ percentOfEquity: 0 })).toThrow(ValidationError);
    expect(() => maxOrderValue(undefined as never)).toThrow(ValidationError);
    expect(() => maxOrderValue({ percentOfEquity: Number.POSITIVE_INFINITY })).toThrow(
      /percentOfEquity/,
    );
  });
});
