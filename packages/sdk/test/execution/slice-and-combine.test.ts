import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  bracketExecution,
  combineExecution,
  ExecutionError,
  istDateTime,
  limitExecution,
  marketExecution,
  sliceAboveFreeze,
  staticContext,
  timeExit,
  trailingStop,
  type ExecutionModel,
  type Instrument,
  type OrderIntent,
} from '../../src/index.js';
import {
  bankniftyFut,
  bar,
  context,
  Harness,
  marbles,
  niftyFut,
  placed,
  reliance,
  runOperator,
  T0,
  target,
} from './fixtures.js';

/** An execution model that emits fixed intents for every target (to feed the slicer). */
const emits =
  (...intents: OrderIntent[]): ExecutionModel =>
  () =>
  () =>
    from(intents);

describe('sliceAboveFreeze', () => {
  it('splits above the freeze quantity into full slices then the rest (marbles)', () => {
    const ctx = context({ portfolio: { cash: 1e12 } });
    marbles().run(({ cold, expectObservable }) => {
      const targets = cold('a----|', { a: target(niftyFut.id, 4050, 24000) });
      expectObservable(targets.pipe(sliceAboveFreeze(marketExecution())(ctx))).toBe('(abc)|', {
        a: expect.objectContaining({
          id: 'mkt-NFO:NIFTY26JANFUT-1.1',
          quantity: 1800,
          side: 'BUY',
        }),
        b: expect.objectContaining({ id: 'mkt-NFO:NIFTY26JANFUT-1.2', quantity: 1800 }),
        c: expect.objectContaining({
          id: 'mkt-NFO:NIFTY26JANFUT-1.3',
          quantity: 450,
          reason: 'test | marketExecution to target 4050: open BUY 4050 [slice 3/3]',
        }),
      });
    });
  });

  it('slices at the freeze quantity rounded down to whole lots', async () => {
    const out = await runOperator(
      sliceAboveFreeze(marketExecution())(context({ portfolio: { cash: 1e12 } })),
      [target(bankniftyFut.id, 1750, 50000)],
    );
    expect(out.map((i) => i.quantity)).toEqual([875, 875]); // freeze 900 holds 25 lots of 35
  });

  it('keeps bracket links per slice: legs wait for their entry slice, OCO pairs per slice', async () => {
    const out = await runOperator(
      sliceAboveFreeze(bracketExecution())(context({ portfolio: { cash: 1e12 } })),
      [target(niftyFut.id, 3600, 24000, { stop: 23900, target: 24200 })],
    );
    expect(
      out.map((i) => [i.id, i.quantity, i.orderType, i.parentId ?? null, i.ocoGroup ?? null]),
    ).toEqual([
      ['brk-NFO:NIFTY26JANFUT-1.1', 1800, 'MARKET', null, null],
      ['brk-NFO:NIFTY26JANFUT-1.2', 1800, 'MARKET', null, null],
      [
        'brk-NFO:NIFTY26JANFUT-2.1',
        1800,
        'SL-M',
        'brk-NFO:NIFTY26JANFUT-1.1',
        'brk-NFO:NIFTY26JANFUT-1/oco.1',
      ],
      [
        'brk-NFO:NIFTY26JANFUT-2.2',
        1800,
        'SL-M',
        'brk-NFO:NIFTY26JANFUT-1.2',
        'brk-NFO:NIFTY26JANFUT-1/oco.2',
      ],
      [
        'brk-NFO:NIFTY26JANFUT-3.1',
        1800,
        'LIMIT',
        'brk-NFO:NIFTY26JANFUT-1.1',
        'brk-NFO:NIFTY26JANFUT-1/oco.1',
      ],
      [
        'brk-NFO:NIFTY26JANFUT-3.2',
        1800,
        'LIMIT',
        'brk-NFO:NIFTY26JANFUT-1.2',
        'brk-NFO:NIFTY26JANFUT-1/oco.2',
      ],
    ]);
  });

  it('points an unsliced child (or one sliced differently) at the parent’s last slice', async () => {
    const parent = placed('p', niftyFut.id, 'BUY', 3675);
    const small = placed('c1', niftyFut.id, 'SELL', 75, { reduceOnly: true, parentId: 'p' });
    const other = placed('c2', niftyFut.id, 'SELL', 1875, { reduceOnly: true, parentId: 'p' });
    const out = await runOperator(sliceAboveFreeze(emits(parent, small, other))(context()), [
      target(niftyFut.id, 0, 1),
    ]);
    expect(out.map((i) => [i.id, i.quantity, i.parentId ?? null])).toEqual([
      ['p.1', 1800, null],
      ['p.2', 1800, null],
      ['p.3', 75, null],
      ['c1', 75, 'p.3'],
      ['c2.1', 1800, 'p.3'],
      ['c2.2', 75, 'p.3'],
    ]);
  });

  it('passes cancels, replacements and instruments without a freeze quantity unchanged', async () => {
    const cancel = placed('x', niftyFut.id, 'SELL', 3600, {
      cancelId: 'old',
      parentId: 'old',
      reduceOnly: true,
    });
    const equity = placed('y', reliance.id, 'BUY', 1_000_000);
    const out = await runOperator(sliceAboveFreeze(emits(cancel, equity))(context()), [
      target(reliance.id, 0, 1),
    ]);
    expect(out).toEqual([cancel, equity]);
  });

  it('fails on instrument data (not validated by parseInstrument) whose freeze quantity is below one lot', async () => {
    const odd: Instrument = {
      id: 'NFO:ODD26JANFUT',
      exchange: 'NFO',
      symbol: 'ODD26JANFUT',
      type: 'FUT',
      lotSize: 75,
      tickSize: 0.05,
      freezeQuantity: 50,
      expiry: '2026-01-27',
    };
    const ctx = staticContext({ params: {}, instruments: [odd] });
    await expect(
      runOperator(sliceAboveFreeze(emits(placed('z', odd.id, 'BUY', 75)))(ctx), [
        target(odd.id, 0, 1),
      ]),
    ).rejects.toThrow(ExecutionError);
  });
});

describe('combineExecution', () => {
  it('runs each model on every target, first model first (marbles)', () => {
    const ctx = context({ portfolio: { cash: 1e9 } });
    marbles().run(({ cold, expectObservable }) => {
      const targets = cold('a---|', { a: target(reliance.id, 10, 100) });
      const both = combineExecution(marketExecution(), limitExecution());
      expectObservable(targets.pipe(both(ctx))).toBe('(ab)|', {
        a: expect.objectContaining({ id: 'mkt-NSE:RELIANCE-1', orderType: 'MARKET' }),
        b: expect.objectContaining({ id: 'lmt-NSE:RELIANCE-1', orderType: 'LIMIT' }),
      });
    });
  });

  it('lets market-driven models act between targets: entry, trailing stop, time exit', () => {
    const h = new Harness(
      combineExecution(marketExecution(), trailingStop({ trail: { points: 5 } }), timeExit()),
    );
    expect(h.target(target(reliance.id, 10, 100))).toMatchObject([
      { id: 'mkt-NSE:RELIANCE-1', side: 'BUY' },
    ]);
    h.book.fill('mkt-NSE:RELIANCE-1', 100);
    expect(h.market(bar(reliance.id, T0, 100))).toMatchObject([
      { id: 'trl-NSE:RELIANCE-1', triggerPrice: 95 },
    ]);
    const close = h.market(bar(reliance.id, istDateTime('2026-01-05', '15:19'), 101));
    expect(close.map((i) => [i.id, i.cancelId ?? null, i.orderType])).toEqual([
      ['trl-NSE:RELIANCE-2', 'trl-NSE:RELIANCE-1', 'SL-M'], // trail moved up first
      ['tex-NSE:RELIANCE-1', 'trl-NSE:RELIANCE-2', 'SL-M'], // then the time exit cancels it...
      ['tex-NSE:RELIANCE-2', null, 'MARKET'], // ...and squares off
    ]);
    // the same book seen by the market model: the position is being closed, a flat target adds nothing
    expect(h.target(target(reliance.id, 0, 101))).toEqual([]);
  });
});
