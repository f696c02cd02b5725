import type { SlippageModel } from './slippage-model.js';

const NO_SLIPPAGE: SlippageModel = Object.freeze<SlippageModel>({
  name: 'none',
  adjust: (fill) => fill.price,
});

/**
 * Fills at the venue's price, unchanged. The honest choice only for limit orders in liquid
 * markets; prefer a model that charges something for market orders.
 *
 * @example
 * ```ts
 * const slippage = slippageStage(noSlippage());
 * ```
 */
export function noSlippage(): SlippageModel {
  return NO_SLIPPAGE;
}
