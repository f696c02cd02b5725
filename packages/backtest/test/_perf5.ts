import { z } from 'zod';
import { crossoverSignal, defineStrategy, fixedQuantity, marketExecution, Sma } from '@pravah/sdk';
import { BacktestEngine } from '../src/index.js';
import { NIFTY_INDEX, loadNiftyBars } from './_nifty.js';
const bars = loadNiftyBars();
const strategy = defineStrategy({
  name: 'sma', params: z.object({}), universe: [NIFTY_INDEX.id], timeframes: ['1m'],
  signal: crossoverSignal({ fast: () => new Sma(10), slow: () => new Sma(30) }),
  sizer: fixedQuantity({ quantity: 50, product: 'CNC' }), execution: marketExecution(),
});
for (let k = 0; k < 10; k++) {
  const t = performance.now();
  const engine = new BacktestEngine(strategy, { feed: bars, instruments: [NIFTY_INDEX], capital: 10_000_000 });
  for (const b of bars) engine.push(b);
  engine.finish();
  console.log('engine ms', (performance.now() - t).toFixed(0));
}
