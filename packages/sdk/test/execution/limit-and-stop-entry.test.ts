import { describe, expect, it } from 'vitest';
import {
  limitExecution,
  limitPrice,
  OrderIntentSchema,
  parseInstrument,
  roundToTick,
  stopEntryExecution,
  ValidationError,
} from '../../src/index.js';
import { context, holding, marbles, niftyFut, reliance, runOperator, target } from './fixtures.js';

const infyLike = parseInstrument({
  id: 'NSE:RELIANCE',
  exchange: 'NSE',
  symbol: 'RELIANCE',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.05,
});

describe('roundToTick', () => {
  it('moves only in the asked direction and returns clean decimals', () => {
    expect(roundToTick(101.17, 0.05, 'down')).toBe(101.15);
    expect(roundToTick(101.17, 0.05, 'up')).toBe(101.2);
    expect(roundToTick(101.15, 0.05, 'up')).toBe(101.15);
    expect(roundToTick(0.3, 0.1, 'down')).toBe(0.3); // 0.3 / 0.1 = 2.9999999999999996
    expect(roundToTick(24017.36, 0.1, 'down')).toBe(24017.3);
    expect(roundToTick(0.01, 0.05, 'down')).toBe(0.05); // never below one tick
  });
});

describe('limitExecution', () => {
  it('prices a buy below and a sell above the reference, rounded the conservative way', () => {
    expect(limitPrice(1512.33, 'BUY', 2, infyLike)).toBe(1512.2);
    expect(limitPrice(1512.33, 'SELL', 2, infyLike)).toBe(1512.45);
    expect(limitPrice(1512.33, 'BUY', 0, infyLike)).toBe(1512.3);
    expect(limitPrice(1512.33, 'BUY', -2, infyLike)).toBe(1512.4); // crossing: still never above asked
  });

  it('places LIMIT intents with time-to-live (marbles)', () => {
    const ctx = context({ portfolio: { cash: 1e7, positions: [holding(reliance.id, 10, 1512)] } });
    marbles().run(({ cold, expectObservable }) => {
      const targets = cold('a-b------|', {
        a: target(reliance.id, 30, 1512.33),
        b: target(reliance.id, -10, 1512.33),
      });
      expectObservable(targets.pipe(limitExecution({ offsetTicks: 2, ttlMs: 60_000 })(ctx))).toBe(
        'a-(bc)---|',
        {
          a: expect.objectContaining({
            id: 'lmt-NSE:RELIANCE-1',
            side: 'BUY',
            quantity: 20,
            orderType: 'LIMIT',
            price: 1512.2,
            ttlMs: 60_000,
            reduceOnly: false,
          }),
          b: expect.objectContaining({
            side: 'SELL',
            quantity: 10,
            price: 1512.45,
            reduceOnly: true,
          }),
          c: expect.objectContaining({
            side: 'SELL',
            quantity: 10,
            price: 1512.45,
            reduceOnly: false,
          }),
        },
      );
    });
  });

  it('emits schema-valid intents', async () => {
    const out = await runOperator(
      limitExecution({ validity: 'IOC' })(context({ portfolio: { cash: 1e9 } })),
      [target(niftyFut.id, 150, 24017.36)],
    );
    expect(out).toHaveLength(1);
    expect(OrderIntentSchema.parse(out[0])).toMatchObject({ price: 24017.3, validity: 'IOC' });
    expect(out[0]).not.toHaveProperty('ttlMs');
  });

  it('rejects bad options', () => {
    expect(() => limitExecution({ offsetTicks: 0.5 })).toThrow(ValidationError);
    expect(() => limitExecution({ ttlMs: 0 })).toThrow(/ttlMs/);
  });
});

describe('stopEntryExecution', () => {
  it('enters with SL-M one tick beyond the price by default; closes go at MARKET (marbles)', () => {
    const ctx = context({ portfolio: { cash: 1e7, positions: [holding(reliance.id, -10, 1512)] } });
    marbles().run(({ cold, expectObservable }) => {
      const targets = cold('a---|', { a: target(reliance.id, 20, 1512.33) });
      expectObservable(targets.pipe(stopEntryExecution()(ctx))).toBe('(ab)|', {
        a: expect.objectContaining({
          id: 'stp-NSE:RELIANCE-1',
          side: 'BUY',
          quantity: 10,
          orderType: 'MARKET',
          reduceOnly: true,
        }),
        b: expect.objectContaining({
          id: 'stp-NSE:RELIANCE-2',
          side: 'BUY',
          quantity: 20,
          orderType: 'SL-M',
          triggerPrice: 1512.4,
          reduceOnly: false,
        }),
      });
    });
  });

  it('prices SL entries: trigger beyond the price, limit beyond the trigger', async () => {
    const model = stopEntryExecution({
      type: 'SL',
      triggerOffsetTicks: 2,
      limitOffsetTicks: 4,
      ttlMs: 5_000,
    });
    const [buy] = await runOperator(model(context()), [target(reliance.id, 10, 1512.33)]);
    expect(buy).toMatchObject({
      orderType: 'SL',
      triggerPrice: 1512.45,
      price: 1512.65,
      ttlMs: 5_000,
    });
    const [sell] = await runOperator(model(context()), [target(reliance.id, -10, 1512.33)]);
    expect(sell).toMatchObject({
      orderType: 'SL',
      triggerPrice: 1512.2,
      price: 1512,
      side: 'SELL',
    });
    expect(OrderIntentSchema.parse(sell)).toEqual(sell);
  });

  it('rejects bad options', () => {
    expect(() => stopEntryExecution({ type: 'LIMIT' as 'SL' })).toThrow(ValidationError);
    expect(() => stopEntryExecution({ triggerOffsetTicks: -1 })).toThrow(/triggerOffsetTicks/);
  });
});
