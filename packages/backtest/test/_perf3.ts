import { z } from 'zod';
import { createStrategyGraph, crossoverSignal, defineStrategy, fixedQuantity, marketExecution, Sma, staticContext } from '@pravah/sdk';
import { NIFTY_INDEX, loadNiftyBars } from './_nifty.js';
const bars = loadNiftyBars();
const strategy = defineStrategy({
  name: 'sma', params: z.object({}), universe: [NIFTY_INDEX.id], timeframes: ['1m'],
  signal: crossoverSignal({ fast: () => new Sma(10), slow: () => new Sma(30) }),
  sizer: fixedQuantity({ quantity: 50, product: 'CNC' }), execution: marketExecution(),
});
for (let k = 0; k < 4; k++) {
  const ctx = staticContext({ params: {}, instruments: [NIFTY_INDEX], portfolio: { cash: 1e9 } });
  let n = 0;
  const g = createStrategyGraph(strategy, ctx, { intent: () => n++ });
  const t = performance.now();
  for (const b of bars) g.push(b);
  console.log('graph ms', (performance.now() - t).toFixed(0), n);
}
