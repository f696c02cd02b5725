import { map } from 'rxjs';
import { z } from 'zod';
import { parseWith, type InstrumentId, type RiskSizer, type TargetPosition } from '@pravah/sdk';
import { pendingEntrySpend, wholeLots } from './budget-target.js';

/** Options of {@link withPositionCap}. */
export interface PositionCapOptions {
  /** Largest share of equity one position may cost, in (0, 1]. */
  readonly fraction: number;
  /**
   * Ticks above the reference price the entry may pay (a marketable LIMIT entry): the cap prices
   * the position there, so the order always fits the buying power left. Default 0.
   */
  readonly bufferTicks?: number;
}

const OptionsSchema = z.strictObject({
  fraction: z.number().gt(0, 'must be above 0').max(1, 'must be at most 1'),
  bufferTicks: z.number().int().min(0).default(0),
});

/**
 * Caps the targets of another sizer: no position may cost more than `fraction` of equity, nor
 * more than the equity left after the other instruments' positions and open entry orders, priced
 * `bufferTicks` beyond the reference price (rounded down to whole lots, sign kept). Useful under
 * a risk-based sizer, whose size grows without bound as the stop tightens: `percentRisk` with a
 * 0.25 cap never puts more than a quarter of the account into one stock.
 *
 * @example
 * ```ts
 * const sizer = withPositionCap(percentRisk({ riskPercent: 1, product: 'MIS' }), { fraction: 0.25, bufferTicks: 5 });
 * ```
 */
export function withPositionCap<P>(sizer: RiskSizer<P>, options: PositionCapOptions): RiskSizer<P> {
  const { fraction, bufferTicks } = parseWith(OptionsSchema, options, 'withPositionCap options');
  return (ctx) => (signals$) => {
    const targetPrices = new Map<InstrumentId, number>();
    return sizer(ctx)(signals$).pipe(
      map((target): TargetPosition => {
        targetPrices.set(target.instrument, target.price);
        if (target.quantity === 0) return target;
        const instrument = ctx.instruments.get(target.instrument);
        const equity = ctx.portfolio.equity();
        let free = equity - pendingEntrySpend(ctx, target.instrument, targetPrices, 'both');
        for (const position of ctx.portfolio.positions()) {
          if (position.instrument !== target.instrument) {
            free -= Math.abs(position.quantity) * position.lastPrice;
          }
        }
        const price = target.price + bufferTicks * instrument.tickSize;
        const most = wholeLots(Math.min(fraction * equity, free) / price, instrument.lotSize);
        if (Math.abs(target.quantity) <= most) return target;
        return {
          ...target,
          quantity: most === 0 ? 0 : target.quantity > 0 ? most : -most,
          reason: `${target.reason}, capped at ${most} (${fraction * 100}% of equity, buying power)`,
        };
      }),
    );
  };
}
