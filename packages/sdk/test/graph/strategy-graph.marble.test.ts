import { EMPTY, map, mergeMap, withLatestFrom } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import {
  StageError,
  staticContext,
  strategyGraph,
  type GraphStages,
  type RiskSizer,
  type Signal,
} from '../../src/graph/index.js';
import type { OrderIntent, SignalEvent, TargetPosition } from '../../src/model/index.js';
import {
  INFY,
  PARAMS,
  bar,
  fixedSizer,
  intent,
  maxQuantityGuard,
  momentumSignal,
  riskEvent,
  shrinkGuard,
  toMarketOrders,
  withTimeExit,
  type TestParams,
} from './stages.js';

const scheduler = (): TestScheduler =>
  new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const ctx = staticContext({ params: PARAMS, instruments: [INFY] });
const momentum: GraphStages<TestParams> = {
  name: 'momentum',
  signal: momentumSignal,
  sizer: fixedSizer,
  execution: toMarketOrders,
};
const bars = { a: bar(0, 100), b: bar(60_000, 101), c: bar(120_000, 99) };

function signalAt(
  time: number,
  price: number,
  direction: 'long' | 'short',
  reason: string,
): SignalEvent {
  return { kind: 'signal', instrument: 'NSE:INFY', time, direction, confidence: 1, price, reason };
}
function targetFor(signal: SignalEvent, quantity: number): TargetPosition {
  return {
    kind: 'target',
    instrument: signal.instrument,
    time: signal.time,
    quantity,
    product: 'MIS',
    price: signal.price,
    confidence: 1,
    reason: signal.reason,
    signal,
  };
}

const up = signalAt(60_000, 101, 'long', 'close 100 -> 101');
const down = signalAt(120_000, 99, 'short', 'close 101 -> 99');

describe('strategy graph (marble)', () => {
  it('emits signal, target and intent of an event in the same frame, in that order', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 9ms b 9ms c 9ms |', bars);
      expectObservable(source.pipe(strategyGraph(momentum, ctx))).toBe(
        '10ms (sti) 5ms (uvw) 5ms |',
        {
          s: up,
          t: targetFor(up, 10),
          i: intent('NSE:INFY', 60_000, 10, 'target'),
          u: down,
          v: targetFor(down, -10),
          w: intent('NSE:INFY', 120_000, -10, 'target'),
        },
      );
    });
  });

  it('lets the signal stage see each event on ctx.market$ first', () => {
    // withLatestFrom drops inputs that arrive before market$ has emitted, and would pair each
    // input with the previous event if market$ came second.
    const noSizer: RiskSizer<TestParams> = () => mergeMap(() => EMPTY);
    const echo: Signal<TestParams> = (c) => (source) =>
      source.pipe(
        withLatestFrom(c.market$),
        map(([event, seen]) =>
          signalAt(event.time, 1, 'long', `input ${event.time}, market$ ${seen.time}`),
        ),
      );
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 9ms b 9ms c 9ms |', bars);
      const graph = strategyGraph({ ...momentum, signal: echo, sizer: noSizer }, ctx);
      expectObservable(source.pipe(graph)).toBe('x 9ms y 9ms z 9ms |', {
        x: signalAt(0, 1, 'long', 'input 0, market$ 0'),
        y: signalAt(60_000, 1, 'long', 'input 60000, market$ 60000'),
        z: signalAt(120_000, 1, 'long', 'input 120000, market$ 120000'),
      });
    });
  });

  it('puts an exit driven by market$ ahead of the same event’s signal path', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 9ms b 9ms c 9ms |', bars);
      const graph = strategyGraph({ ...momentum, execution: withTimeExit(120_000) }, ctx);
      expectObservable(source.pipe(graph)).toBe('10ms (sti) 5ms (xuvw) 4ms |', {
        s: up,
        t: targetFor(up, 10),
        i: intent('NSE:INFY', 60_000, 10, 'target'),
        x: intent('NSE:INFY', 120_000, -1, 'time exit', true),
        u: down,
        v: targetFor(down, -10),
        w: intent('NSE:INFY', 120_000, -10, 'target'),
      });
    });
  });

  it("routes a guard's RiskEvent past later guards, in guard order", () => {
    const buy10 = intent('NSE:INFY', 60_000, 10, 'target');
    const buy6: OrderIntent = { ...buy10, quantity: 6 };
    const seenBySecond: OrderIntent[] = [];
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 9ms b 9ms |', bars);
      const graph = strategyGraph(
        { ...momentum, guards: [shrinkGuard(6), maxQuantityGuard(5, seenBySecond)] },
        ctx,
      );
      expectObservable(source.pipe(graph)).toBe('10ms (stxy) 4ms |', {
        s: up,
        t: targetFor(up, 10),
        x: { ...riskEvent('shrink', 'shrunk', buy10, 'shrunk to 6'), replacement: buy6 },
        y: riskEvent('maxQuantity', 'blocked', buy6, '6 > 5'),
      });
    });
    expect(seenBySecond).toEqual([buy6]);
  });

  it('lets an earlier guard block before a later one sees anything', () => {
    const buy10 = intent('NSE:INFY', 60_000, 10, 'target');
    const shrinkSaw: OrderIntent[] = [];
    const recordingShrink = shrinkGuard(6);
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 9ms b 9ms |', bars);
      const graph = strategyGraph(
        {
          ...momentum,
          guards: [
            maxQuantityGuard(5),
            (c) => (s) => recordingShrink(c)(s.pipe(map((i) => (shrinkSaw.push(i), i)))),
          ],
        },
        ctx,
      );
      expectObservable(source.pipe(graph)).toBe('10ms (sty) 5ms |', {
        s: up,
        t: targetFor(up, 10),
        y: riskEvent('maxQuantity', 'blocked', buy10, '10 > 5'),
      });
    });
    expect(shrinkSaw).toEqual([]);
  });

  it('errors with a StageError naming the stage, at the frame of the failing event', () => {
    const boom = new Error('boom');
    const failing: Signal<TestParams> = (c) => (source) =>
      momentumSignal(c)(
        source.pipe(
          map((event) => {
            if (event.time === 60_000) throw boom;
            return event;
          }),
        ),
      );
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 9ms b 9ms c 9ms |', bars);
      expectObservable(source.pipe(strategyGraph({ ...momentum, signal: failing }, ctx))).toBe(
        '10ms #',
        undefined,
        new StageError('signal', 'momentum', boom),
      );
    });
  });
});
