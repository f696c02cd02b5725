import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { roundToTickAdverse } from './round-to-tick.js';
import type { SlippageModel } from './slippage-model.js';

const TicksSchema = z.number().int().nonnegative();

/**
 * Moves every fill a whole number of ticks against the trader: with `fixedTicks(2)` on a
 * 0.05-tick stock, a buy at 512.40 pays 512.50 and a sell receives 512.30. NautilusTrader's
 * one-tick slippage is `fixedTicks(1)`.
 *
 * @example
 * ```ts
 * const model = fixedTicks(1);
 * model.adjust({ side: 'SELL', quantity: 75, price: 24000 }, { price: 24000, tickSize: 0.1 }); // 23999.9
 * ```
 */
export function fixedTicks(ticks: number): SlippageModel {
  const checked = parseWith(TicksSchema, ticks, 'fixedTicks ticks');
  const model: SlippageModel = {
    name: `fixedTicks(${checked})`,
    adjust: (fill, quote) => {
      // Round the venue price onto the grid first, so the move is exactly `ticks` ticks; a sell
      // stops at one tick, the lowest valid price.
      const start = roundToTickAdverse(fill.price, fill.side, quote.tickSize);
      const moved =
        fill.side === 'BUY'
          ? start + checked * quote.tickSize
          : Math.max(quote.tickSize, start - checked * quote.tickSize);
      return roundToTickAdverse(moved, fill.side, quote.tickSize);
    },
  };
  return Object.freeze(model);
}
