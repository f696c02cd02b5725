import type { MarketEvent } from '../model/market-event.js';
import type { SlippageFill, SlippageQuote } from './slippage-model.js';

type MutableQuote = { -readonly [K in keyof SlippageQuote]: SlippageQuote[K] };

/**
 * The quote a slippage model sees for a fill, built from the latest market event of its
 * instrument: the event's last price; for a bar its volume; for a tick its traded quantity and
 * best bid and ask (from the depth when the tick has no top-of-book fields). With no event,
 * only the fill's price and the tick size.
 *
 * @example
 * ```ts
 * const quote = slippageQuote(fill, latestEvent, instrument.tickSize);
 * const price = model.adjust(fill, quote);
 * ```
 */
export function slippageQuote(
  fill: SlippageFill,
  event: MarketEvent | undefined,
  tickSize: number,
): SlippageQuote {
  if (event === undefined) return { price: fill.price, tickSize };
  if (event.kind === 'bar') return { price: event.close, volume: event.volume, tickSize };
  const quote: MutableQuote = { price: event.price, tickSize };
  const bid = event.bid ?? event.depth?.buy[0]?.price;
  const ask = event.ask ?? event.depth?.sell[0]?.price;
  if (bid !== undefined) quote.bid = bid;
  if (ask !== undefined) quote.ask = ask;
  if (event.quantity !== undefined) quote.volume = event.quantity;
  return quote;
}
