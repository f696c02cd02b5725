import { describe, expect, it } from 'vitest';
import {
  bracketExecution,
  OrderIntentSchema,
  ValidationError,
  type StaticPortfolio,
} from '../../src/index.js';
import {
  context,
  holding,
  marbles,
  placed,
  recordingLogger,
  reliance,
  runOperator,
  T0,
  target,
  working,
  type TargetShape,
} from './fixtures.js';

const levels: TargetShape = { stop: 1485, target: 1530 };

describe('bracketExecution', () => {
  it('places the entry, then a stop and a target leg held on it in one OCO group (marbles)', () => {
    const ctx = context();
    marbles().run(({ cold, expectObservable }) => {
      const targets = cold('a----|', { a: target(reliance.id, 100, 1500, levels) });
      expectObservable(targets.pipe(bracketExecution()(ctx))).toBe('(abc)|', {
        a: {
          kind: 'intent',
          id: 'brk-NSE:RELIANCE-1',
          instrument: reliance.id,
          time: T0,
          side: 'BUY',
          quantity: 100,
          orderType: 'MARKET',
          product: 'MIS',
          validity: 'DAY',
          reduceOnly: false,
          confidence: 0.8,
          rewardRisk: 2,
          reason: 'test | bracketExecution to target 100: open BUY 100',
        },
        b: {
          kind: 'intent',
          id: 'brk-NSE:RELIANCE-2',
          instrument: reliance.id,
          time: T0,
          side: 'SELL',
          quantity: 100,
          orderType: 'SL-M',
          triggerPrice: 1485,
          product: 'MIS',
          validity: 'DAY',
          reduceOnly: true,
          ocoGroup: 'brk-NSE:RELIANCE-1/oco',
          parentId: 'brk-NSE:RELIANCE-1',
          confidence: 0.8,
          rewardRisk: 2,
          reason: 'test | bracketExecution: stop SELL 100 at 1485',
        },
        c: expect.objectContaining({
          id: 'brk-NSE:RELIANCE-3',
          side: 'SELL',
          orderType: 'LIMIT',
          price: 1530,
          ocoGroup: 'brk-NSE:RELIANCE-1/oco',
          parentId: 'brk-NSE:RELIANCE-1',
          reduceOnly: true,
        }),
      });
    });
  });

  it('builds schema-valid SL stop legs and LIMIT entries, rounding legs toward the price', async () => {
    const model = bracketExecution({
      entryType: 'LIMIT',
      offsetTicks: 1,
      ttlMs: 30_000,
      stopType: 'SL',
      stopLimitOffsetTicks: 2,
    });
    const out = await runOperator(model(context()), [
      target(reliance.id, -50, 1500, { stop: 1512.33, target: 1470.02 }),
    ]);
    expect(out.map((i) => [i.side, i.orderType, i.price, i.triggerPrice, i.ttlMs])).toEqual([
      ['SELL', 'LIMIT', 1500.05, undefined, 30_000],
      ['BUY', 'SL', 1512.4, 1512.3, undefined], // short's stop rounded down toward the price, limit 2 ticks above
      ['BUY', 'LIMIT', 1470.05, undefined, undefined], // profit target rounded up toward the price
    ]);
    for (const intent of out) expect(OrderIntentSchema.parse(intent)).toEqual(intent);
  });

  it('adds legs only for the added quantity and keeps existing legs that still fit', async () => {
    const stop = working(
      placed('old-2', reliance.id, 'SELL', 100, {
        orderType: 'SL-M',
        triggerPrice: 1480,
        reduceOnly: true,
        ocoGroup: 'old-1/oco',
      }),
    );
    const portfolio: StaticPortfolio = {
      cash: 1e7,
      positions: [holding(reliance.id, 100, 1500)],
      openOrders: [stop],
    };
    const out = await runOperator(bracketExecution()(context({ portfolio })), [
      target(reliance.id, 150, 1500, levels),
    ]);
    expect(
      out.map((i) => [i.side, i.quantity, i.orderType, i.parentId ?? null, i.cancelId ?? null]),
    ).toEqual([
      ['BUY', 50, 'MARKET', null, null],
      ['SELL', 50, 'SL-M', 'brk-NSE:RELIANCE-1', null],
      ['SELL', 50, 'LIMIT', 'brk-NSE:RELIANCE-1', null],
    ]);
  });

  it('re-arms the remaining position when shrinking cancels legs that would flip it', async () => {
    const stop = working(
      placed('old-2', reliance.id, 'SELL', 200, {
        orderType: 'SL-M',
        triggerPrice: 1480,
        reduceOnly: true,
        ocoGroup: 'old-1/oco',
      }),
    );
    const portfolio: StaticPortfolio = {
      cash: 1e7,
      positions: [holding(reliance.id, 200, 1500)],
      openOrders: [stop],
    };
    const out = await runOperator(bracketExecution()(context({ portfolio })), [
      target(reliance.id, 100, 1500, levels),
    ]);
    expect(
      out.map((i) => [
        i.side,
        i.quantity,
        i.orderType,
        i.reduceOnly,
        i.parentId ?? null,
        i.cancelId ?? null,
      ]),
    ).toEqual([
      ['SELL', 200, 'SL-M', true, 'old-2', 'old-2'], // cancel
      ['SELL', 100, 'MARKET', true, null, null], // close 100
      ['SELL', 100, 'SL-M', true, null, null], // re-armed stop for the remaining 100, active at once
      ['SELL', 100, 'LIMIT', true, null, null],
    ]);
    expect(out[2]!.ocoGroup).toBe(`${out[2]!.id}/oco`);
  });

  it('on a reversal, legs protect only the new side and wait for the opening order', async () => {
    const portfolio: StaticPortfolio = { cash: 1e7, positions: [holding(reliance.id, 100, 1500)] };
    const out = await runOperator(bracketExecution()(context({ portfolio })), [
      target(reliance.id, -100, 1500, { stop: 1515, target: 1470 }),
    ]);
    expect(out.map((i) => [i.id, i.side, i.quantity, i.orderType, i.parentId ?? null])).toEqual([
      ['brk-NSE:RELIANCE-1', 'SELL', 100, 'MARKET', null],
      ['brk-NSE:RELIANCE-2', 'SELL', 100, 'MARKET', null],
      ['brk-NSE:RELIANCE-3', 'BUY', 100, 'SL-M', 'brk-NSE:RELIANCE-2'],
      ['brk-NSE:RELIANCE-4', 'BUY', 100, 'LIMIT', 'brk-NSE:RELIANCE-2'],
    ]);
  });

  it('warns and skips legs on the wrong side, or all legs when there are none', async () => {
    const logger = recordingLogger();
    const ctx = context({ logger });
    const wrongStop = await runOperator(bracketExecution()(ctx), [
      target(reliance.id, 10, 1500, { stop: 1510, target: 1530 }),
    ]);
    expect(wrongStop.map((i) => i.orderType)).toEqual(['MARKET', 'LIMIT']);
    const none = await runOperator(bracketExecution()(ctx), [target(reliance.id, 10, 1500)]);
    expect(none.map((i) => i.orderType)).toEqual(['MARKET']);
    expect(logger.lines.map((l) => l.message)).toEqual([
      'bracketExecution: stop on the wrong side of the price, stop leg skipped',
      'bracketExecution: no valid stop or target, position left without legs',
    ]);
  });

  it('rejects bad options', () => {
    expect(() => bracketExecution({ entryType: 'SL' as 'LIMIT' })).toThrow(ValidationError);
    expect(() => bracketExecution({ stopLimitOffsetTicks: -1 })).toThrow(/stopLimitOffsetTicks/);
  });
});
