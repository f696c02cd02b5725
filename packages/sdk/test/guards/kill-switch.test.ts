import { describe, expect, it } from 'vitest';
import {
  createKillSwitch,
  killSwitch,
  ValidationError,
  type PositionView,
} from '../../src/index.js';
import { bar, context, intent, marbles, niftyFut } from './fixtures.js';

describe('killSwitch', () => {
  it('halts on the first market event after the switch is engaged and latches even if it is released', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      let engaged = false;
      const ctx = context({
        now: () => scheduler.now(),
        market$: hot('-m-m-m--', { m: bar(niftyFut, 24_000) }),
      });
      const guard = killSwitch({ engaged: () => engaged, reason: 'broker margin call' });
      scheduler.schedule(() => (engaged = true), 2);
      scheduler.schedule(() => (engaged = false), 4);
      const a = intent('a', { instrument: niftyFut.id, quantity: 75, product: 'NRML' });
      const b = { ...a, id: 'b' };
      expectObservable(hot('a------b|', { a, b }).pipe(guard(ctx))).toBe('a--h---x|', {
        a,
        h: {
          kind: 'risk',
          time: 3,
          guard: 'killSwitch',
          action: 'halted',
          reason: 'broker margin call',
        },
        x: {
          kind: 'risk',
          time: 7,
          guard: 'killSwitch',
          action: 'blocked',
          instrument: niftyFut.id,
          intent: b,
          reason: 'halted (broker margin call); only exits pass',
        },
      });
    });
  });

  it('works with a control object, keeps the first reason, and lets exits and cancels through', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const short150: PositionView = {
        instrument: niftyFut.id,
        product: 'NRML',
        quantity: -150,
        averagePrice: 24_000,
        lastPrice: 24_100,
        unrealisedPnl: -15_000,
      };
      const ctx = context({ portfolio: { cash: 1e6, positions: [short150] } });
      const stop = createKillSwitch();
      expect(stop.engaged()).toBe(false);
      stop.engage('operator pressed stop');
      stop.engage('second press');
      expect(stop.reason()).toBe('operator pressed stop');
      const cover = intent('c', { instrument: niftyFut.id, quantity: 75, product: 'NRML' });
      const cancel = intent('x', { instrument: niftyFut.id, cancelId: 'old', side: 'SELL' });
      const reverse = intent('r', { instrument: niftyFut.id, quantity: 300, product: 'NRML' });
      const closing = { ...reverse, quantity: 150, reduceOnly: true };
      expectObservable(
        hot('-x-c---r---|', { x: cancel, c: cover, r: reverse }).pipe(killSwitch(stop)(ctx)),
      ).toBe('-x-(hc)(sr)|', {
        x: cancel,
        h: {
          kind: 'risk',
          time: 0,
          guard: 'killSwitch',
          action: 'halted',
          reason: 'operator pressed stop',
        },
        c: cover,
        s: expect.objectContaining({ action: 'shrunk', intent: reverse, replacement: closing }),
        r: closing,
      });
    });
  });

  it('defaults its reason and rejects options without an engaged function', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const a = intent('a');
      expectObservable(
        hot('-a---|', { a }).pipe(killSwitch({ engaged: () => true })(context({}))),
      ).toBe('-(hx)|', {
        h: expect.objectContaining({ action: 'halted', reason: 'kill switch engaged' }),
        x: expect.objectContaining({ action: 'blocked', intent: a }),
      });
    });
    expect(() => killSwitch({ engaged: true } as never)).toThrow(ValidationError);
    expect(() => killSwitch({ engaged: () => false, reason: 3 } as never)).toThrow(/reason/);
  });
});
