import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { ExecutionModel } from '../graph/stages.js';
import type { StrategyContext } from '../graph/strategy-context.js';
import type { Side } from '../model/exchange.js';
import type { Instrument, InstrumentId } from '../model/instrument.js';
import { knownAt, lastPrice, type MarketEvent } from '../model/market-event.js';
import type { Order } from '../model/order.js';
import type { OrderIntent } from '../model/order-intent.js';
import type { TargetPosition } from '../model/target-position.js';
import { cancelIntent } from './cancel-intent.js';
import { IntentIds, isSameOrSliceOf } from './intent-ids.js';
import { isProtective, remainingSigned } from './order-plan.js';
import { roundToTick, tickPrice } from './tick-rounding.js';
import { withMarket } from './with-market.js';

/** How far behind the best price the stop trails. */
export type TrailDistance =
  { readonly percent: number } | { readonly points: number } | { readonly ticks: number };

/** Options of {@link trailingStop}. */
export interface TrailingStopOptions {
  /** Distance from the best price since entry: a percent of it, rupee points, or ticks. */
  readonly trail: TrailDistance;
  /** Stop order type: `'SL-M'` (default) or `'SL'`. */
  readonly type?: 'SL' | 'SL-M';
  /** SL only: ticks beyond the trigger its limit allows. Default 0. */
  readonly limitOffsetTicks?: number;
  /** Smallest move, in ticks, worth a cancel/replace. Default 1. */
  readonly minStepTicks?: number;
  /** First part of intent ids. Default `'trl'`. */
  readonly idPrefix?: string;
}

const TrailingStopOptionsSchema = z.strictObject({
  trail: z.union([
    z.strictObject({ percent: z.number().finite().positive().max(100) }),
    z.strictObject({ points: z.number().finite().positive() }),
    z.strictObject({ ticks: z.number().int().positive() }),
  ]),
  type: z.enum(['SL', 'SL-M']).default('SL-M'),
  limitOffsetTicks: z.number().int().min(0).default(0),
  minStepTicks: z.number().int().positive().default(1),
  idPrefix: z.string().min(1).default('trl'),
});

type TrailConfig = z.output<typeof TrailingStopOptionsSchema>;

interface Trail {
  /** +1 protecting a long, −1 a short. */
  readonly direction: 1 | -1;
  /** Best price since the position was first seen: highest for a long, lowest for a short. */
  extreme: number;
  /** Current trigger, in ticks. */
  triggerTicks: number;
  /** Units the live stop orders cover. */
  quantity: number;
  /** Ids of the live stop intents (their slices match too). */
  ids: string[];
  /** Market event count when they were placed. */
  placedAt: number;
}

function distance(trail: TrailConfig['trail'], extreme: number, tick: number): number {
  if ('percent' in trail) return (extreme * trail.percent) / 100;
  if ('points' in trail) return trail.points;
  return trail.ticks * tick;
}

/**
 * Manages a trailing stop for every position the portfolio holds, driven by `ctx.market$`.
 *
 * When a position appears, a reduce-only stop (SL-M, or SL) is placed `trail` behind the better
 * of its average price and the last price. On every market event the best price since then is
 * updated (a bar's high for a long, its low for a short; a tick's price) and, when the stop can
 * move at least `minStepTicks` in the position's favour, each live stop order is replaced by one
 * at the new trigger (an intent with `cancelId`; the venue rejects the replacement if the old stop
 * already filled). A stop never moves against the position and is always placed at least one
 * tick beyond the last price, rounded to the tick away from it.
 *
 * The stop covers the position net of open working orders that reduce it (e.g. a pending exit),
 * so it can never take the position through zero; it is resized when that changes, re-placed if
 * the venue dropped it (a DAY order expiring, a cancel by another model), and cancelled when the
 * position is flat. It relies on the portfolio listing an intent among the open orders by the next
 * market event of its instrument. Target positions are ignored: combine it with an entry model,
 * e.g. `combineExecution(marketExecution(), trailingStop({ trail: { percent: 1 } }))`, but not
 * with bracketExecution's stop legs. Ids are `trl-${instrument}-${n}`.
 *
 * @example
 * ```ts
 * const execution = combineExecution(marketExecution(), trailingStop({ trail: { percent: 1.5 } }));
 * // long 100 INFY from 1500: SELL 100 SL-M trigger 1477.5; after a high of 1540 → 1516.9
 * ```
 */
export function trailingStop(options: TrailingStopOptions): ExecutionModel {
  const config = parseWith(TrailingStopOptionsSchema, options, 'trailingStop options');
  return (ctx) =>
    withMarket<TargetPosition, OrderIntent>(ctx.market$, () => {
      const ids = new IntentIds(config.idPrefix);
      const trails = new Map<InstrumentId, Trail>();
      let events = 0;
      return {
        input: () => undefined,
        market(event, emit) {
          events += 1;
          const trail = trails.get(event.instrument);
          const position = ctx.portfolio.positionQuantity(event.instrument);
          if (position === 0 && trail === undefined) return;
          const instrument = ctx.instruments.get(event.instrument);
          const time = knownAt(event);
          const { live, pending } = scanOpenOrders(ctx, event.instrument, trail);
          const cancelAll = (reason: string): void => {
            for (const order of live)
              emit(cancelIntent(order, { id: ids.next(event.instrument), time, reason }));
          };
          if (position === 0) {
            cancelAll('trailingStop: position is flat');
            trails.delete(event.instrument);
            return;
          }
          const direction = position > 0 ? 1 : -1;
          const price = lastPrice(event);
          const tick = instrument.tickSize;
          const covered = protectedQuantity(position, pending);

          if (trail === undefined || trail.direction !== direction) {
            cancelAll('trailingStop: position changed side');
            const average = ctx.portfolio.position(event.instrument)?.averagePrice;
            const start = average !== undefined && average > 0 ? average : price;
            const fresh: Trail = {
              direction,
              extreme: direction > 0 ? Math.max(start, price) : Math.min(start, price),
              triggerTicks: 0,
              quantity: 0,
              ids: [],
              placedAt: events,
            };
            fresh.triggerTicks = candidateTicks(fresh, price, instrument, config);
            trails.set(event.instrument, fresh);
            if (covered > 0) place(fresh, covered, instrument, event, emit);
            return;
          }

          trail.extreme =
            direction > 0
              ? Math.max(trail.extreme, bestPrice(event, 1))
              : Math.min(trail.extreme, bestPrice(event, -1));
          const candidate = candidateTicks(trail, price, instrument, config);
          const priceTicks = price / tick;
          const kept =
            direction > 0
              ? Math.max(trail.triggerTicks, candidate)
              : Math.min(trail.triggerTicks, candidate);
          // A kept trigger the price has already passed (its stop was gone) cannot be re-placed.
          const usable =
            direction > 0
              ? kept < priceTicks
                ? kept
                : candidate
              : kept > priceTicks
                ? kept
                : candidate;

          if (covered !== trail.quantity || (live.length === 0 && trail.placedAt < events)) {
            cancelAll('trailingStop: resizing to the position');
            trail.triggerTicks = usable;
            trail.quantity = 0;
            trail.ids = [];
            if (covered > 0) place(trail, covered, instrument, event, emit);
            return;
          }
          const step = config.minStepTicks;
          const better =
            direction > 0
              ? candidate >= trail.triggerTicks + step
              : candidate <= trail.triggerTicks - step;
          if (!better || live.length === 0) return;
          trail.triggerTicks = candidate;
          trail.ids = [];
          trail.placedAt = events;
          for (const order of live) {
            const remaining = order.intent.quantity - order.filledQuantity;
            const intent = stopIntent(
              ids.next(event.instrument),
              order.intent.side,
              remaining,
              trail,
              instrument,
              event,
              {
                product: order.intent.product,
                cancelId: order.id,
                reason: `trailingStop: trail to ${tickPrice(candidate, tick)}`,
              },
            );
            trail.ids.push(intent.id);
            emit(intent);
          }
        },
      };

      function place(
        trail: Trail,
        quantity: number,
        instrument: Instrument,
        event: MarketEvent,
        emit: (intent: OrderIntent) => void,
      ): void {
        const side: Side = trail.direction > 0 ? 'SELL' : 'BUY';
        const product = ctx.portfolio.position(event.instrument)?.product ?? 'MIS';
        const intent = stopIntent(
          ids.next(event.instrument),
          side,
          quantity,
          trail,
          instrument,
          event,
          {
            product,
            reason: `trailingStop: protect ${quantity} at ${tickPrice(trail.triggerTicks, instrument.tickSize)}`,
          },
        );
        trail.quantity = quantity;
        trail.ids = [intent.id];
        trail.placedAt = events;
        emit(intent);
      }

      function stopIntent(
        id: string,
        side: Side,
        quantity: number,
        trail: Trail,
        instrument: Instrument,
        event: MarketEvent,
        extra: { product: OrderIntent['product']; cancelId?: string; reason: string },
      ): OrderIntent {
        const tick = instrument.tickSize;
        const trigger = tickPrice(trail.triggerTicks, tick);
        const limitTicks =
          side === 'SELL'
            ? Math.max(1, trail.triggerTicks - config.limitOffsetTicks)
            : trail.triggerTicks + config.limitOffsetTicks;
        return {
          kind: 'intent',
          id,
          instrument: instrument.id,
          time: knownAt(event),
          side,
          quantity,
          orderType: config.type,
          ...(config.type === 'SL' ? { price: tickPrice(limitTicks, tick) } : {}),
          triggerPrice: trigger,
          product: extra.product,
          validity: 'DAY',
          reduceOnly: true,
          ...(extra.cancelId !== undefined ? { cancelId: extra.cancelId } : {}),
          reason: extra.reason,
        };
      }
    });
}

/** The stop trigger the trail asks for now, in ticks: `trail` behind the extreme, at least a tick beyond the price. */
function candidateTicks(
  trail: Trail,
  price: number,
  instrument: Instrument,
  config: TrailConfig,
): number {
  const tick = instrument.tickSize;
  const gap = distance(config.trail, trail.extreme, tick);
  if (trail.direction > 0) {
    const level = Math.min(trail.extreme - gap, price - tick);
    return Math.round(roundToTick(level, tick, 'down') / tick);
  }
  const level = Math.max(trail.extreme + gap, price + tick);
  return Math.round(roundToTick(level, tick, 'up') / tick);
}

/** The best price an event reached for a position of `direction`. */
function bestPrice(event: MarketEvent, direction: 1 | -1): number {
  if (event.kind === 'tick') return event.price;
  return direction > 0 ? event.high : event.low;
}

/**
 * One pass over the instrument's open orders: our live stop orders, and the signed quantity
 * open working (non-protective) orders will still fill.
 */
function scanOpenOrders(
  ctx: StrategyContext,
  instrument: InstrumentId,
  trail: Trail | undefined,
): { live: Order[]; pending: number } {
  const live: Order[] = [];
  let pending = 0;
  for (const order of ctx.portfolio.openOrders(instrument)) {
    if (!isProtective(order)) pending += remainingSigned(order);
    if (trail === undefined) continue;
    for (const id of trail.ids) {
      if (isSameOrSliceOf(order.intent.id, id)) {
        live.push(order);
        break;
      }
    }
  }
  return { live, pending };
}

/**
 * Units a stop may cover: the position less what open working orders reducing it will take off,
 * never more than the position itself, so the stop cannot take it through zero.
 */
function protectedQuantity(position: number, pending: number): number {
  const after = position + pending;
  return Math.sign(after) === Math.sign(position)
    ? Math.min(Math.abs(position), Math.abs(after))
    : 0;
}
