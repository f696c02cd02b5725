import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { StrategyContext } from '../graph/strategy-context.js';
import type { RiskGuard } from '../graph/stages.js';
import type { Product } from '../model/exchange.js';
import type { InstrumentId } from '../model/instrument.js';
import type { OrderIntent } from '../model/order-intent.js';
import { guardOperator } from './internal/guard-operator.js';
import { isCancel, isExit } from './internal/intent-role.js';
import { refuseEntry } from './internal/limit-quantity.js';

/** Options of {@link maxOpenPositions}. Use `Infinity` to leave a class unlimited. */
export interface MaxOpenPositionsOptions {
  /** Most instruments held at once in CNC or NRML (carried overnight). Default 4. */
  readonly positional?: number;
  /** Most instruments held at once in MIS (squared off the same day). Default 2. */
  readonly intraday?: number;
}

const limit = (fallback: number) =>
  z.union([z.number().int().nonnegative(), z.literal(Number.POSITIVE_INFINITY)]).default(fallback);

const MaxOpenPositionsOptionsSchema = z.strictObject({
  positional: limit(4),
  intraday: limit(2),
});

type PositionClass = 'positional' | 'intraday';

const classOf = (product: Product): PositionClass =>
  product === 'MIS' ? 'intraday' : 'positional';

/** Instruments with an open position or a working entry order in one class. */
function occupiedInstruments(ctx: StrategyContext<unknown>, cls: PositionClass): Set<InstrumentId> {
  const occupied = new Set<InstrumentId>();
  for (const position of ctx.portfolio.positions()) {
    if (position.quantity !== 0 && classOf(position.product) === cls)
      occupied.add(position.instrument);
  }
  for (const order of ctx.portfolio.openOrders()) {
    const intent = order.intent;
    const isEntry =
      !intent.reduceOnly && intent.cancelId === undefined && intent.parentId === undefined;
    if (isEntry && classOf(intent.product) === cls) occupied.add(intent.instrument);
  }
  return occupied;
}

/**
 * Caps how many instruments are held at once, separately for positional products (CNC, NRML)
 * and intraday (MIS). Defaults: 4 positional, 2 intraday.
 *
 * An instrument counts as held when it has an open position, or a working entry order (not
 * reduce-only, not a bracket leg), in that class, so two entries sent in the same instant
 * cannot both slip under the cap. An intent that adds to an instrument already held passes;
 * one that would open a new instrument beyond the cap is `blocked` (an intent through zero
 * keeps its closing part, `shrunk`). Cancels and exits always pass.
 *
 * @example
 * ```ts
 * const guards = [maxOpenPositions({ positional: 4, intraday: 2 })];
 * ```
 */
export function maxOpenPositions(options?: MaxOpenPositionsOptions): RiskGuard {
  const limits = parseWith(
    MaxOpenPositionsOptionsSchema,
    options ?? {},
    'maxOpenPositions options',
  );
  return (ctx) =>
    guardOperator(ctx, () => ({
      onIntent: (intent: OrderIntent, emit) => {
        if (isCancel(intent) || isExit(intent, ctx.portfolio.positionQuantity(intent.instrument))) {
          emit(intent);
          return;
        }
        const cls = classOf(intent.product);
        const occupied = occupiedInstruments(ctx, cls);
        const cap = limits[cls];
        if (occupied.has(intent.instrument) || occupied.size < cap) {
          emit(intent);
          return;
        }
        const reason = `${occupied.size} ${cls} instruments already held or being entered, the limit is ${cap}`;
        refuseEntry(ctx, 'maxOpenPositions', intent, reason, emit);
      },
    }));
}
