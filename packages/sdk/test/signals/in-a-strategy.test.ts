import { from } from 'rxjs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  Sma,
  crossoverSignal,
  defineStrategy,
  fixedQuantity,
  marketExecution,
  staticContext,
  type Signal,
} from '../../src/index.js';
import { niftyMinuteBars } from './_data.js';
import { runSync } from './_helpers.js';

describe('stock signals inside defineStrategy', () => {
  const strategy = defineStrategy({
    name: 'sma-crossover',
    params: z.object({ fast: z.number().int().default(10), slow: z.number().int().default(30) }),
    universe: ['NSE:NIFTY 50'],
    timeframes: ['1m'],
    signal: (ctx) =>
      crossoverSignal({
        fast: () => new Sma(ctx.params.fast),
        slow: () => new Sma(ctx.params.slow),
      })(ctx),
    sizer: fixedQuantity({ quantity: 50 }),
    execution: marketExecution(),
  });

  it('type-check: a stock signal fits any strategy`s parameter type', () => {
    expectTypeOf(strategy.signal).toEqualTypeOf<Signal<{ fast: number; slow: number }>>();
    expectTypeOf(crossoverSignal({ fast: 'price', slow: 'price' })).toExtend<
      Signal<{ fast: number }>
    >();
  });

  it('take their parameters from the context and give what the signal alone gives', () => {
    const bars = niftyMinuteBars('2021_JAN');
    const params = strategy.parseParams({ fast: 5, slow: 20 });
    const ctx = staticContext({ params, instruments: [] });
    const out: unknown[] = [];
    from(bars)
      .pipe(strategy.signal(ctx))
      .subscribe((s) => out.push(s));
    expect(out).toEqual(
      runSync(crossoverSignal({ fast: () => new Sma(5), slow: () => new Sma(20) }), bars),
    );
    expect(out.length).toBeGreaterThan(100);
  });
});
