import { describe, expect, it } from 'vitest';
import { maxOpenPositions, ValidationError } from '../../src/index.js';
import {
  context,
  holding,
  infy,
  intent,
  marbles,
  niftyFut,
  reliance,
  sbin,
  tcs,
  working,
} from './fixtures.js';

describe('maxOpenPositions', () => {
  it('counts positional (CNC, NRML) and intraday (MIS) instruments separately', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        portfolio: {
          cash: 1e6,
          positions: [
            holding(reliance, 'CNC', 10, 2500),
            holding(niftyFut, 'NRML', 75, 24_000),
            holding(infy, 'MIS', 5, 1500),
          ],
        },
      });
      const newPositional = intent('a', { instrument: tcs.id, product: 'CNC' });
      const addToHeld = intent('b', { instrument: reliance.id, product: 'CNC', quantity: 5 });
      const newIntraday = intent('c', { instrument: sbin.id, product: 'MIS', quantity: 1 });
      const exitIntraday = intent('d', {
        instrument: infy.id,
        product: 'MIS',
        side: 'SELL',
        quantity: 5,
      });
      const newShort = intent('e', { instrument: tcs.id, product: 'CNC', side: 'SELL' });
      const guard = maxOpenPositions({ positional: 2, intraday: 1 });
      expectObservable(
        hot('-abcde|', {
          a: newPositional,
          b: addToHeld,
          c: newIntraday,
          d: exitIntraday,
          e: newShort,
        }).pipe(guard(ctx)),
      ).toBe('-xbyde|', {
        x: {
          kind: 'risk',
          time: 0,
          guard: 'maxOpenPositions',
          action: 'blocked',
          instrument: tcs.id,
          intent: newPositional,
          reason: '2 positional instruments already held or being entered, the limit is 2',
        },
        b: addToHeld,
        y: {
          kind: 'risk',
          time: 0,
          guard: 'maxOpenPositions',
          action: 'blocked',
          instrument: sbin.id,
          intent: newIntraday,
          reason: '1 intraday instruments already held or being entered, the limit is 1',
        },
        d: exitIntraday,
        e: expect.objectContaining({ action: 'blocked', intent: newShort }),
      });
    });
  });

  it('counts working entry orders but not reduce-only orders or bracket legs (defaults 4 and 2)', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        portfolio: {
          cash: 1e6,
          positions: [holding(infy, 'MIS', 5, 1500)],
          openOrders: [
            working(intent('o1', { instrument: tcs.id, product: 'MIS' })),
            working(
              intent('o2', {
                instrument: reliance.id,
                product: 'MIS',
                reduceOnly: true,
                side: 'SELL',
              }),
            ),
            working(
              intent('o3', {
                instrument: niftyFut.id,
                product: 'MIS',
                parentId: 'p',
                side: 'SELL',
              }),
            ),
          ],
        },
      });
      const third = intent('a', { instrument: sbin.id, product: 'MIS' });
      const addToPending = intent('b', { instrument: tcs.id, product: 'MIS' });
      const positional = intent('c', { instrument: sbin.id, product: 'CNC' });
      expectObservable(
        hot('-abc|', { a: third, b: addToPending, c: positional }).pipe(maxOpenPositions()(ctx)),
      ).toBe('-xbc|', {
        x: expect.objectContaining({
          action: 'blocked',
          intent: third,
          reason: '2 intraday instruments already held or being entered, the limit is 2',
        }),
        b: addToPending,
        c: positional,
      });
    });
  });

  it('accepts Infinity and a zero limit, and rejects fractional or negative limits', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const a = intent('a');
      const c = intent('c', { product: 'CNC' });
      const guard = maxOpenPositions({ intraday: Number.POSITIVE_INFINITY, positional: 0 });
      expectObservable(hot('-ac|', { a, c }).pipe(guard(context({})))).toBe('-ax|', {
        a,
        x: expect.objectContaining({ action: 'blocked', intent: c }),
      });
    });
    expect(() => maxOpenPositions({ positional: 1.5 })).toThrow(ValidationError);
    expect(() => maxOpenPositions({ intraday: -1 })).toThrow(/intraday/);
  });
});
