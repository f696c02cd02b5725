import { z } from 'zod';
import { crossoverSignal, defineStrategy, fixedQuantity, marketExecution, Sma } from '@pravah/sdk';
import { BacktestEngine, buildResult } from '../src/index.js';
import { NIFTY_INDEX, loadNiftyBars } from './_nifty.js';
const bars = loadNiftyBars();
const strategy = defineStrategy({
  name: 'sma', params: z.object({}), universe: [NIFTY_INDEX.id], timeframes: ['1m'],
  signal: crossoverSignal({ fast: () => new Sma(10), slow: () => new Sma(30) }),
  sizer: fixedQuantity({ quantity: 50, product: 'CNC' }), execution: marketExecution(),
});
const nothing = defineStrategy({ name: 'x', params: z.object({}), universe: [], timeframes: ['1m'], signal: () => (s) => s.pipe(() => s as never), sizer: fixedQuantity({ quantity: 1 }), execution: marketExecution() });
for (const [name, strat] of [['sma', strategy], ['sma', strategy], ['sma', strategy]] as const) {
  let t = performance.now();
  const engine = new BacktestEngine(strat, { feed: bars, instruments: [NIFTY_INDEX], capital: 10_000_000 });
  for (const b of bars) engine.push(b);
  const rec = engine.finish();
  const t1 = performance.now();
  buildResult(rec, { strategyName: 'x', initialCapital: 1e7, seed: 0, plan: 'none', slippage: 'none', latencyMs: 0 });
  const t2 = performance.now();
  console.log(name, 'engine ms', (t1 - t).toFixed(0), 'result ms', (t2 - t1).toFixed(0));
}
void nothing;
