import { Observable } from 'rxjs';
import { ValidationError } from '../errors/validation-error.js';
import type { Slippage } from '../graph/stages.js';
import type { InstrumentId } from '../model/instrument.js';
import type { MarketEvent } from '../model/market-event.js';
import { applySlippage } from './apply-slippage.js';
import type { SlippageModel } from './slippage-model.js';
import { slippageQuote } from './slippage-quote.js';

/**
 * Turns a {@link SlippageModel} into a `Slippage` stage of the strategy graph: an operator from
 * raw venue fills to fills at the adjusted price (`rawPrice` kept). The quote for each fill is
 * built from the latest event of its instrument seen on `ctx.market$` (see {@link slippageQuote})
 * and the instrument's tick size. Each subscription keeps its own latest events.
 *
 * @example
 * ```ts
 * const slippage = slippageStage(volumeShare({ impact: 1, volatility: 0.0005 }));
 * const slipped$ = rawFills$.pipe(slippage(ctx));
 * ```
 */
export function slippageStage(model: SlippageModel): Slippage {
  if (typeof model !== 'object' || typeof model.adjust !== 'function') {
    throw new ValidationError('slippage model', [
      { field: 'adjust', value: model, message: 'must be a SlippageModel, e.g. fixedBps(5)' },
    ]);
  }
  return (ctx) => (fills) =>
    new Observable((subscriber) => {
      const latest = new Map<InstrumentId, MarketEvent>();
      const marketSubscription = ctx.market$.subscribe({
        next: (event) => latest.set(event.instrument, event),
        error: (error: unknown) => subscriber.error(error),
      });
      const fillSubscription = fills.subscribe({
        next: (fill) => {
          try {
            const tickSize = ctx.instruments.get(fill.instrument).tickSize;
            subscriber.next(
              applySlippage(
                model,
                fill,
                slippageQuote(fill, latest.get(fill.instrument), tickSize),
              ),
            );
          } catch (error: unknown) {
            subscriber.error(error);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        marketSubscription.unsubscribe();
        fillSubscription.unsubscribe();
      };
    });
}
