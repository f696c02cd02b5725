import { ValidationError } from '../errors/validation-error.js';
import { fixedTicks } from './fixed-ticks.js';
import { roundToTickAdverse } from './round-to-tick.js';
import type { SlippageModel, SlippageQuote } from './slippage-model.js';

/** Options of {@link halfSpread}. */
export interface HalfSpreadOptions {
  /** Model used when the quote has no usable bid and ask (bars, or a one-sided book). Default `fixedTicks(1)`. */
  readonly fallback?: SlippageModel;
}

/** Half the quoted spread, or undefined when the quote has no usable two-sided market. */
function halfOfSpread(quote: SlippageQuote): number | undefined {
  const { bid, ask } = quote;
  if (bid === undefined || ask === undefined) return undefined;
  if (!(bid > 0) || !(ask >= bid) || !Number.isFinite(ask)) return undefined;
  return (ask - bid) / 2;
}

/**
 * Charges half the quoted bid-ask spread against the trader: the cost of crossing from the mid
 * to the far side of the book. With bid 2,399.90 and ask 2,400.30, a buy at 2,400.00 pays
 * 2,400.20 and a sell receives 2,399.80 (then rounded to the tick against the trader, so half a
 * tick becomes a whole one).
 *
 * Quotes exist only on tick data with a two-sided book. When the quote has no bid or ask, a zero
 * or crossed one (the NSE depth files carry zeros for empty levels), the `fallback` model prices
 * the fill instead; by default one tick against the trader. Do not combine it with a venue that
 * already fills market orders at the far side of the book, or the spread is paid twice.
 *
 * @example
 * ```ts
 * const model = halfSpread({ fallback: fixedBps(3) });
 * model.adjust({ side: 'BUY', quantity: 10, price: 2400 }, { price: 2400, bid: 2399.9, ask: 2400.3, tickSize: 0.1 }); // 2400.2
 * ```
 */
export function halfSpread(options?: HalfSpreadOptions): SlippageModel {
  const fallback = options?.fallback ?? fixedTicks(1);
  if (typeof fallback !== 'object' || typeof fallback.adjust !== 'function') {
    throw new ValidationError('halfSpread options', [
      {
        field: 'fallback',
        value: fallback,
        message: 'must be a SlippageModel, e.g. fixedTicks(1)',
      },
    ]);
  }
  const model: SlippageModel = {
    name: `halfSpread(fallback=${fallback.name})`,
    adjust: (fill, quote) => {
      const half = halfOfSpread(quote);
      if (half === undefined) return fallback.adjust(fill, quote);
      const price =
        fill.side === 'BUY' ? fill.price + half : Math.max(quote.tickSize, fill.price - half);
      return roundToTickAdverse(price, fill.side, quote.tickSize);
    },
  };
  return Object.freeze(model);
}
