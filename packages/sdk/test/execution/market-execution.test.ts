import { describe, expect, it } from 'vitest';
import {
  ExecutionError,
  marketExecution,
  OrderIntentSchema,
  ValidationError,
  type StaticPortfolio,
} from '../../src/index.js';
import {
  context,
  holding,
  marbles,
  niftyFut,
  placed,
  reliance,
  runOperator,
  T0,
  target,
  working,
} from './fixtures.js';

const run = (portfolio: StaticPortfolio, ...targets: Parameters<typeof target>[]) =>
  runOperator(
    marketExecution()(context({ portfolio })),
    targets.map((args) => target(...args)),
  );

describe('marketExecution', () => {
  it('turns target − position into one MARKET intent (marbles)', () => {
    const ctx = context({ portfolio: { cash: 1e6, positions: [holding(reliance.id, 40, 2500)] } });
    marbles().run(({ cold, expectObservable }) => {
      const targets = cold('a-b-c|', {
        a: target(reliance.id, 100, 2500),
        b: target(reliance.id, 40, 2500), // equal to the position: nothing
        c: target(reliance.id, 0, 2510, { time: T0 + 120_000 }),
      });
      expectObservable(targets.pipe(marketExecution()(ctx))).toBe('a---c|', {
        a: {
          kind: 'intent',
          id: 'mkt-NSE:RELIANCE-1',
          instrument: reliance.id,
          time: T0,
          side: 'BUY',
          quantity: 60,
          orderType: 'MARKET',
          product: 'MIS',
          validity: 'DAY',
          reduceOnly: false,
          confidence: 0.8,
          reason: 'test | marketExecution to target 100: open BUY 60',
        },
        c: expect.objectContaining({
          id: 'mkt-NSE:RELIANCE-2',
          side: 'SELL',
          quantity: 40,
          reduceOnly: true,
          time: T0 + 120_000,
        }),
      });
    });
  });

  it('emits schema-valid intents carrying confidence and reward:risk', async () => {
    const [intent] = await run({ cash: 1e6 }, [
      reliance.id,
      10,
      100,
      { stop: 95, target: 110, confidence: 0.65 },
    ]);
    expect(OrderIntentSchema.parse(intent)).toEqual(intent);
    expect(intent).toMatchObject({ confidence: 0.65, rewardRisk: 2 });
  });

  it('counts pending working orders toward the target, including partial fills', async () => {
    const pending = working(placed('x-1', reliance.id, 'BUY', 60));
    expect(await run({ cash: 1e6, openOrders: [pending] }, [reliance.id, 100, 2500])).toMatchObject(
      [{ side: 'BUY', quantity: 40 }],
    );
    // 100 ordered, 30 filled (now held), 70 still to come: already at the target
    const partial = working(placed('x-2', reliance.id, 'BUY', 100), 30);
    const held = [holding(reliance.id, 30, 2500)];
    expect(
      await run({ cash: 1e6, positions: held, openOrders: [partial] }, [reliance.id, 100, 2500]),
    ).toEqual([]);
    // a pending reduce-only close is working too: no second close
    const closing = working(placed('x-3', reliance.id, 'SELL', 30, { reduceOnly: true }));
    expect(
      await run({ cash: 1e6, positions: held, openOrders: [closing] }, [reliance.id, 0, 2500]),
    ).toEqual([]);
  });

  it('cancels working orders against the move, and ones that together overshoot it', async () => {
    const against = working(placed('x-1', reliance.id, 'SELL', 50));
    const out = await run({ cash: 1e6, openOrders: [against] }, [reliance.id, 100, 2500]);
    expect(out).toEqual([
      {
        kind: 'intent',
        id: 'mkt-NSE:RELIANCE-1',
        instrument: reliance.id,
        time: T0,
        side: 'SELL',
        quantity: 50,
        orderType: 'MARKET',
        product: 'MIS',
        validity: 'DAY',
        reduceOnly: true,
        cancelId: 'x-1',
        parentId: 'x-1',
        reason: 'cancel x-1: marketExecution to target 100',
      },
      expect.objectContaining({ id: 'mkt-NSE:RELIANCE-2', side: 'BUY', quantity: 100 }),
    ]);
    const overshoot = [
      working(placed('y-1', reliance.id, 'BUY', 80)),
      working(placed('y-2', reliance.id, 'BUY', 40)),
    ];
    const out2 = await run({ cash: 1e6, openOrders: overshoot }, [reliance.id, 100, 2500]);
    expect(out2.map((i) => [i.cancelId, i.side, i.quantity])).toEqual([
      ['y-1', 'BUY', 80],
      ['y-2', 'BUY', 40],
      [undefined, 'BUY', 100],
    ]);
  });

  it('splits a reversal into a reduce-only close (product of the position) and an opening order', async () => {
    const out = await run({ cash: 1e6, positions: [holding(reliance.id, 100, 2500, 'CNC')] }, [
      reliance.id,
      -100,
      2500,
    ]);
    expect(out.map((i) => [i.id, i.side, i.quantity, i.reduceOnly, i.product])).toEqual([
      ['mkt-NSE:RELIANCE-1', 'SELL', 100, true, 'CNC'],
      ['mkt-NSE:RELIANCE-2', 'SELL', 100, false, 'MIS'],
    ]);
  });

  it('sends one order for a reversal when splitReversals is false', async () => {
    const ctx = context({ portfolio: { cash: 1e6, positions: [holding(reliance.id, 100, 2500)] } });
    const out = await runOperator(marketExecution({ splitReversals: false })(ctx), [
      target(reliance.id, -100, 2500),
    ]);
    expect(out).toMatchObject([{ side: 'SELL', quantity: 200, reduceOnly: false }]);
  });

  it('cancels protective orders that would take the target through zero, keeps the rest', async () => {
    const stop = working(
      placed('s-1', reliance.id, 'SELL', 100, {
        orderType: 'SL-M',
        triggerPrice: 2450,
        reduceOnly: true,
      }),
    );
    const positions = [holding(reliance.id, 100, 2500)];
    const flat = await run({ cash: 1e6, positions, openOrders: [stop] }, [reliance.id, 0, 2500]);
    expect(flat.map((i) => [i.cancelId, i.side, i.quantity, i.orderType])).toEqual([
      ['s-1', 'SELL', 100, 'SL-M'],
      [undefined, 'SELL', 100, 'MARKET'],
    ]);
    expect(flat[0]).toMatchObject({ triggerPrice: 2450, parentId: 's-1', reduceOnly: true });
    const bigger = await run({ cash: 1e6, positions, openOrders: [stop] }, [
      reliance.id,
      200,
      2500,
    ]);
    expect(bigger.map((i) => [i.cancelId, i.side, i.quantity])).toEqual([[undefined, 'BUY', 100]]);
  });

  it('leaves children of a cancelled entry to the venue', async () => {
    const entry = working(placed('e-1', reliance.id, 'BUY', 100));
    const leg = working(
      placed('e-2', reliance.id, 'SELL', 100, {
        orderType: 'SL-M',
        triggerPrice: 2400,
        reduceOnly: true,
        parentId: 'e-1',
        ocoGroup: 'e-1/oco',
      }),
    );
    const out = await run({ cash: 1e6, openOrders: [entry, leg] }, [reliance.id, -100, 2500]);
    expect(out.map((i) => [i.cancelId, i.side, i.quantity])).toEqual([
      ['e-1', 'BUY', 100],
      [undefined, 'SELL', 100],
    ]);
  });

  it('counts intent ids per instrument', async () => {
    const ctx = context({ portfolio: { cash: 1e9 } });
    const out = await runOperator(marketExecution({ idPrefix: 'alpha' })(ctx), [
      target(reliance.id, 1, 2500),
      target(niftyFut.id, 75, 24000),
      target(reliance.id, 2, 2500),
    ]);
    expect(out.map((i) => i.id)).toEqual([
      'alpha-NSE:RELIANCE-1',
      'alpha-NFO:NIFTY26JANFUT-1',
      'alpha-NSE:RELIANCE-2',
    ]);
  });

  it('fails fast on a target that is not whole lots or has no usable price', async () => {
    const ctx = context();
    await expect(
      runOperator(marketExecution()(ctx), [target(niftyFut.id, 100, 24000)]),
    ).rejects.toThrow(ExecutionError);
    await expect(
      runOperator(marketExecution()(ctx), [target(reliance.id, 1.5, 100)]),
    ).rejects.toMatchObject({
      field: 'target.quantity',
      value: 1.5,
    });
    await expect(
      runOperator(marketExecution()(ctx), [target(reliance.id, 1, Number.NaN)]),
    ).rejects.toMatchObject({
      field: 'target.price',
    });
  });

  it('rejects bad options', () => {
    expect(() => marketExecution({ idPrefix: '' })).toThrow(ValidationError);
    expect(() => marketExecution({ validity: 'GTC' as 'DAY' })).toThrow(/validity/);
  });
});
