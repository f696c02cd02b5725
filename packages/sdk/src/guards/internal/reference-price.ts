import type { StrategyContext } from '../../graph/strategy-context.js';
import type { InstrumentId } from '../../model/instrument.js';
import { lastPrice, type MarketEvent } from '../../model/market-event.js';
import type { OrderIntent } from '../../model/order-intent.js';

/** Last traded price per instrument, fed from `ctx.market$`. */
export class LastPrices {
  private readonly prices = new Map<InstrumentId, number>();
  // Feeds often carry runs of one instrument: its price is kept in a field until another
  // instrument arrives, which saves a map write per event.
  private lastInstrument: InstrumentId | undefined;
  private lastInstrumentPrice = 0;

  record(event: MarketEvent): void {
    if (event.instrument !== this.lastInstrument) {
      if (this.lastInstrument !== undefined)
        this.prices.set(this.lastInstrument, this.lastInstrumentPrice);
      this.lastInstrument = event.instrument;
    }
    this.lastInstrumentPrice = lastPrice(event);
  }

  private priceOf(instrument: InstrumentId): number | undefined {
    return instrument === this.lastInstrument
      ? this.lastInstrumentPrice
      : this.prices.get(instrument);
  }

  /**
   * Price at which to value an intent: its limit price, else its trigger price (SL-M), else the
   * last traded price, else the price its position was last marked at. Undefined when none is known.
   */
  of(intent: OrderIntent, ctx: StrategyContext<unknown>): number | undefined {
    return (
      intent.price ??
      intent.triggerPrice ??
      this.priceOf(intent.instrument) ??
      ctx.portfolio.position(intent.instrument)?.lastPrice
    );
  }
}
