import { z } from 'zod';
import { EMPTY } from 'rxjs';
import { defineStrategy, fixedQuantity, marketExecution } from '@pravah/sdk';
import { BacktestEngine } from '../src/index.js';
import { NIFTY_INDEX, loadNiftyBars } from './_nifty.js';
const bars = loadNiftyBars();
const nothing = defineStrategy({ name: 'x', params: z.object({}), universe: [], timeframes: ['1m'], signal: () => () => EMPTY, sizer: fixedQuantity({ quantity: 1 }), execution: marketExecution() });
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  const engine = new BacktestEngine(nothing, { feed: bars, instruments: [NIFTY_INDEX], capital: 10_000_000 });
  for (const b of bars) engine.push(b);
  engine.finish();
  console.log('engine ms', (performance.now() - t).toFixed(0));
}
