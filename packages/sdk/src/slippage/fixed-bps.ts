import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { roundToTickAdverse } from './round-to-tick.js';
import type { SlippageModel } from './slippage-model.js';

const BpsSchema = z.number().nonnegative().max(10_000).finite();

/**
 * Moves every fill `bps` basis points (hundredths of a percent) against the trader, then rounds
 * to the tick against the trader: a buy at 2,400.00 with 5 bps pays 2,401.20, a sell receives
 * 2,398.80. A sell never prices below one tick. Zipline's `FixedBasisPointsSlippage`, without the
 * volume cap.
 *
 * @example
 * ```ts
 * const model = fixedBps(5);
 * model.adjust({ side: 'BUY', quantity: 10, price: 2400 }, { price: 2400, tickSize: 0.1 }); // 2401.2
 * ```
 */
export function fixedBps(bps: number): SlippageModel {
  const checked = parseWith(BpsSchema, bps, 'fixedBps basis points');
  const up = 1 + checked / 10_000;
  const down = 1 - checked / 10_000;
  const model: SlippageModel = {
    name: `fixedBps(${checked})`,
    adjust: (fill, quote) => {
      const price =
        fill.side === 'BUY' ? fill.price * up : Math.max(quote.tickSize, fill.price * down);
      return roundToTickAdverse(price, fill.side, quote.tickSize);
    },
  };
  return Object.freeze(model);
}
