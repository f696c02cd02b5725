import type { InstrumentId, MarketEvent, StrategyContext } from '@pravah/sdk';

/**
 * A predicate keeping the events of cash-market equities (instrument type `EQ`): those listed in
 * `symbols`, or every equity in the feed when `symbols` is empty. Futures, options and indices
 * are left out, so a strategy written for stocks can run on a feed that also carries them.
 *
 * @example
 * ```ts
 * const keep = equityFilter(ctx, ['NSE:INFY', 'NSE:TCS']);
 * feed$.pipe(filter(keep));
 * ```
 */
export function equityFilter(
  ctx: StrategyContext,
  symbols: readonly InstrumentId[],
): (event: MarketEvent) => boolean {
  const listed = new Set(symbols);
  const decided = new Map<InstrumentId, boolean>();
  return (event) => {
    let keep = decided.get(event.instrument);
    if (keep === undefined) {
      keep =
        ctx.instruments.get(event.instrument).type === 'EQ' &&
        (listed.size === 0 || listed.has(event.instrument));
      decided.set(event.instrument, keep);
    }
    return keep;
  };
}
