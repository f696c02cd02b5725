import { map, Subject } from 'rxjs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  bracketExecution,
  combineExecution,
  defineStrategy,
  fixedQuantity,
  knownAt,
  marketExecution,
  percentRisk,
  sliceAboveFreeze,
  timeExit,
  trailingStop,
  type ExecutionModel,
  type MarketEvent,
  type OrderIntent,
  type RiskSizer,
  type Signal,
  type SignalEvent,
} from '../../src/index.js';
import { bar, Book, context, MINUTE, reliance, T0 } from './fixtures.js';

/** Long above 100, flat otherwise: just enough of a signal to drive the stages under test. */
const above100: Signal = () => (source) =>
  source.pipe(
    map((event: MarketEvent): SignalEvent => ({
      kind: 'signal',
      instrument: event.instrument,
      time: knownAt(event),
      direction: event.kind === 'bar' && event.close > 100 ? 'long' : 'flat',
      confidence: 0.9,
      price: event.kind === 'bar' ? event.close : event.price,
      stop: 95,
      reason: 'above100',
    })),
  );

describe('composition', () => {
  it('stock sizers and execution models type-check in defineStrategy, with parameters flowing in', () => {
    const strategy = defineStrategy({
      name: 'above-100',
      params: z.object({
        quantity: z.number().int().positive().default(10),
        trail: z.number().default(1),
      }),
      universe: [reliance.id],
      timeframes: ['1m'],
      signal: above100,
      sizer: (ctx) => fixedQuantity({ quantity: ctx.params.quantity })(ctx),
      execution: (ctx) =>
        sliceAboveFreeze(
          combineExecution(
            marketExecution(),
            trailingStop({ trail: { percent: ctx.params.trail } }),
            timeExit({ at: '15:10' }),
          ),
        )(ctx),
    });
    expect(strategy.parseParams()).toEqual({ quantity: 10, trail: 1 });
    expectTypeOf(percentRisk()).toExtend<RiskSizer<{ quantity: number }>>();
    expectTypeOf(bracketExecution()).toExtend<ExecutionModel<{ quantity: number }>>();
    expectTypeOf(combineExecution(marketExecution(), timeExit())).toEqualTypeOf<
      ExecutionModel<unknown>
    >();
  });

  it('signal → sizer → execution compose with pipe against one portfolio', () => {
    const book = new Book();
    const market$ = new Subject<MarketEvent>();
    const ctx = context({ portfolio: book.portfolio, market$ });
    const events$ = new Subject<MarketEvent>();
    let emitted: OrderIntent[] = [];
    events$
      .pipe(above100(ctx), fixedQuantity({ quantity: 10 })(ctx), marketExecution()(ctx))
      .subscribe((intent) => {
        emitted.push(intent);
        book.accept(intent);
      });
    const step = (i: number, close: number): OrderIntent[] => {
      // the venue fills what is open at this bar's open, then the strategy sees the bar
      for (const order of [...book.orders]) book.fill(order.id, close);
      emitted = [];
      const b = bar(reliance.id, T0 + i * MINUTE, close);
      market$.next(b);
      events$.next(b);
      return emitted;
    };
    expect(step(0, 99)).toEqual([]);
    expect(step(1, 101)).toMatchObject([
      { id: 'mkt-NSE:RELIANCE-1', side: 'BUY', quantity: 10, reduceOnly: false },
    ]);
    expect(step(2, 102)).toEqual([]); // filled at this bar: already at the target
    expect(book.positions).toMatchObject([{ quantity: 10 }]);
    expect(step(3, 98)).toMatchObject([
      { id: 'mkt-NSE:RELIANCE-2', side: 'SELL', quantity: 10, reduceOnly: true },
    ]);
    step(4, 97);
    expect(book.positions).toEqual([]);
  });
});
