import type { StrategyContext } from '../../graph/strategy-context.js';
import type { InstrumentId } from '../../model/instrument.js';
import { lastPrice, type MarketEvent } from '../../model/market-event.js';
import type { OrderIntent } from '../../model/order-intent.js';

/** Last traded price per instrument, fed from `ctx.market$`. */
export class LastPrices {
  private readonly prices = new Map<InstrumentId, number>();

  record(event: MarketEvent): void {
    this.prices.set(event.instrument, lastPrice(event));
  }

  /**
   * Price at which to value an intent: its limit price, else its trigger price (SL-M), else the
   * last traded price, else the price its position was last marked at. Undefined when none is known.
   */
  of(intent: OrderIntent, ctx: StrategyContext<unknown>): number | undefined {
    return (
      intent.price ??
      intent.triggerPrice ??
      this.prices.get(intent.instrument) ??
      ctx.portfolio.position(intent.instrument)?.lastPrice
    );
  }
}
