import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { ExecutionModel } from '../graph/stages.js';
import type { Exchange } from '../model/exchange.js';
import type { InstrumentId } from '../model/instrument.js';
import { knownAt } from '../model/market-event.js';
import type { OrderIntent } from '../model/order-intent.js';
import type { TargetPosition } from '../model/target-position.js';
import { IST_OFFSET_MS, MS_PER_DAY, MS_PER_MINUTE } from '../time/constants.js';
import { cancelIntent } from './cancel-intent.js';
import { IntentIds } from './intent-ids.js';
import { withMarket } from './with-market.js';

/**
 * Default square-off times (IST) by exchange segment, Zerodha's auto square-off times: equity
 * 15:20, equity derivatives 15:25, currency 16:45, commodities 23:05 (25 minutes before MCX's
 * 23:30 close; set `at` when MCX closes at 23:55).
 */
export const DEFAULT_SQUARE_OFF_TIMES: Readonly<Record<Exchange, string>> = Object.freeze({
  NSE: '15:20',
  BSE: '15:20',
  NFO: '15:25',
  BFO: '15:25',
  CDS: '16:45',
  BCD: '16:45',
  MCX: '23:05',
});

/** Options of {@link timeExit}. */
export interface TimeExitOptions {
  /**
   * IST time `HH:MM` at which MIS positions are squared off: one time for every instrument, or
   * times per exchange segment (others keep {@link DEFAULT_SQUARE_OFF_TIMES}).
   */
  readonly at?: string | Partial<Record<Exchange, string>>;
  /** First part of intent ids. Default `'tex'`. */
  readonly idPrefix?: string;
}

const HhMmSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be an IST time HH:MM, e.g. 15:20');

const TimeExitOptionsSchema = z.strictObject({
  at: z
    .union([
      HhMmSchema,
      z.partialRecord(z.enum(['NSE', 'BSE', 'NFO', 'BFO', 'MCX', 'CDS', 'BCD']), HhMmSchema),
    ])
    .optional(),
  idPrefix: z.string().min(1).default('tex'),
});

/** Per-instrument state: when to look next, and what to say. */
interface Watch {
  readonly cutoffMs: number;
  /** Events before this instant need no work: the time is not due yet, or today is done. */
  nextCheck: number;
  readonly reason: string;
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Squares off intraday (MIS) positions at a given IST time, driven by `ctx.market$`: on the first
 * market event of an instrument at or after its square-off time in an IST session (a bar counts
 * at its close, `knownAt`), it cancels the instrument's open MIS orders and, if it holds an MIS
 * position, sends one reduce-only MARKET order that closes it. It squares off at most once per
 * instrument and IST session; until it has, it keeps watching (an order that fills late is still
 * squared off) and cancels MIS orders opened after the time. CNC and NRML positions are left alone.
 *
 * Target positions are ignored: combine it with the model that trades, e.g.
 * `combineExecution(marketExecution(), timeExit())`. Square the position off before the
 * broker's own auto square-off (which costs a fee) by choosing an earlier `at`. Ids are
 * `tex-${instrument}-${n}`.
 *
 * @example
 * ```ts
 * const execution = combineExecution(marketExecution(), timeExit({ at: '15:10' }));
 * const perSegment = timeExit({ at: { NFO: '15:15' } }); // NSE keeps 15:20, MCX 23:05
 * ```
 */
export function timeExit(options: TimeExitOptions = {}): ExecutionModel {
  const config = parseWith(TimeExitOptionsSchema, options, 'timeExit options');
  const at = config.at;
  const times: Record<Exchange, string> =
    typeof at === 'string'
      ? { NSE: at, BSE: at, NFO: at, BFO: at, CDS: at, BCD: at, MCX: at }
      : { ...DEFAULT_SQUARE_OFF_TIMES, ...(at ?? {}) };
  const cutoffs = new Map<Exchange, number>();
  for (const [exchange, hhmm] of Object.entries(times) as [Exchange, string][]) {
    cutoffs.set(exchange, minutes(hhmm));
  }

  return (ctx) =>
    withMarket<TargetPosition, OrderIntent>(ctx.market$, () => {
      const ids = new IntentIds(config.idPrefix);
      const watches = new Map<InstrumentId, Watch>();
      const cancelled = new Set<string>();
      let cancelledOn = Number.NaN;
      return {
        input: () => undefined,
        market(event, emit) {
          const id = event.instrument;
          let watch = watches.get(id);
          if (watch === undefined) {
            const exchange = ctx.instruments.get(id).exchange;
            watch = {
              cutoffMs: (cutoffs.get(exchange) ?? 0) * MS_PER_MINUTE,
              nextCheck: Number.NEGATIVE_INFINITY,
              reason: `timeExit: square-off time ${times[exchange]} IST`,
            };
            watches.set(id, watch);
          }
          const time = knownAt(event);
          // The hot path: one comparison per event until the square-off time.
          if (time < watch.nextCheck) return;
          const dayStart =
            time - ((((time + IST_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY);
          const dueAt = dayStart + watch.cutoffMs;
          if (time < dueAt) {
            watch.nextCheck = dueAt;
            return;
          }
          if (cancelledOn !== dayStart) {
            cancelled.clear();
            cancelledOn = dayStart;
          }
          const reason = watch.reason;
          for (const order of ctx.portfolio.openOrders(id)) {
            if (order.intent.product !== 'MIS' || cancelled.has(order.id)) continue;
            cancelled.add(order.id);
            emit(cancelIntent(order, { id: ids.next(id), time, reason }));
          }
          let quantity = 0;
          for (const position of ctx.portfolio.positions()) {
            if (position.instrument === id && position.product === 'MIS')
              quantity += position.quantity;
          }
          if (quantity === 0) return;
          watch.nextCheck = dueAt + MS_PER_DAY;
          emit({
            kind: 'intent',
            id: ids.next(id),
            instrument: id,
            time,
            side: quantity > 0 ? 'SELL' : 'BUY',
            quantity: Math.abs(quantity),
            orderType: 'MARKET',
            product: 'MIS',
            validity: 'DAY',
            reduceOnly: true,
            reason: `${reason}: close MIS ${quantity}`,
          });
        },
      };
    });
}
