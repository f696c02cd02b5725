import type { Fill } from '../model/fill.js';
import { SlippageError } from './slippage-error.js';
import type { SlippageModel, SlippageQuote } from './slippage-model.js';

/**
 * Applies a slippage model to a fill: the result carries the adjusted `price` and keeps
 * `rawPrice` (the venue's price). Checks the model's answer, so a faulty custom model fails
 * loudly with a {@link SlippageError} instead of booking NaN or a price better than the venue's.
 *
 * @example
 * ```ts
 * const slipped = applySlippage(fixedTicks(1), fill, slippageQuote(fill, lastEvent, 0.05));
 * ```
 */
export function applySlippage(model: SlippageModel, fill: Fill, quote: SlippageQuote): Fill {
  const price = model.adjust(fill, quote);
  if (!(price > 0) || !Number.isFinite(price)) {
    throw new SlippageError(
      model.name,
      fill.side,
      fill.price,
      price,
      'not a positive finite price',
    );
  }
  if (fill.side === 'BUY' ? price < fill.price : price > fill.price) {
    throw new SlippageError(
      model.name,
      fill.side,
      fill.price,
      price,
      'slippage must never favour the trader',
    );
  }
  // A fresh object, not frozen: freezing costs V8 microseconds per fill; the type is readonly.
  return price === fill.price ? fill : { ...fill, price };
}
