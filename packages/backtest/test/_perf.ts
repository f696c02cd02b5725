import { z } from 'zod';
import { crossoverSignal, defineStrategy, fixedQuantity, marketExecution, Sma } from '@pravah/sdk';
import { runBacktest } from '../src/index.js';
import { NIFTY_INDEX, loadNiftyBars } from './_nifty.js';
let t = performance.now();
const bars = loadNiftyBars();
console.log('load ms', performance.now() - t);
const strategy = defineStrategy({
  name: 'sma', params: z.object({}), universe: [NIFTY_INDEX.id], timeframes: ['1m'],
  signal: crossoverSignal({ fast: () => new Sma(10), slow: () => new Sma(30) }),
  sizer: fixedQuantity({ quantity: 50, product: 'CNC' }), execution: marketExecution(),
});
for (let i = 0; i < 5; i++) {
  t = performance.now();
  const r = runBacktest(strategy, { feed: bars, instruments: [NIFTY_INDEX], capital: 10_000_000 });
  const ms = performance.now() - t;
  console.log('run ms', ms.toFixed(0), 'bars/s', Math.round(bars.length / (ms / 1000)), r.trades.length);
}
