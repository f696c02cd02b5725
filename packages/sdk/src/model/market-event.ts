import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { BarSchema, type Bar } from './bar.js';
import { freezeMessage } from './freeze.js';
import { TickSchema, type Tick } from './tick.js';
import { timeframeMs } from './timeframe.js';

/** What a DataFeed carries: bars and ticks, time-ordered across instruments. */
export type MarketEvent = Bar | Tick;

/** Zod schema of a {@link MarketEvent}, discriminated by `kind`. */
export const MarketEventSchema = z.discriminatedUnion('kind', [BarSchema, TickSchema]);

/**
 * Validates a bar or tick and returns it deep-frozen; throws a ValidationError otherwise.
 *
 * @example
 * ```ts
 * const event = parseMarketEvent(JSON.parse(line));
 * if (isBar(event)) console.log(event.close);
 * ```
 */
export function parseMarketEvent(input: unknown): MarketEvent {
  return freezeMessage(parseWith(MarketEventSchema, input, 'market event'));
}

/**
 * Narrows a market event to a bar.
 *
 * @example
 * ```ts
 * events.filter(isBar).map((bar) => bar.close);
 * ```
 */
export function isBar(event: MarketEvent): event is Bar {
  return event.kind === 'bar';
}

/**
 * Narrows a market event to a tick.
 *
 * @example
 * ```ts
 * events.filter(isTick).map((tick) => tick.price);
 * ```
 */
export function isTick(event: MarketEvent): event is Tick {
  return event.kind === 'tick';
}

/**
 * Last price carried by an event (a bar's close, a tick's price).
 *
 * @example
 * ```ts
 * lastPrice(bar) === bar.close; // true
 * ```
 */
export function lastPrice(event: MarketEvent): number {
  return event.kind === 'bar' ? event.close : event.price;
}

/**
 * When an event becomes known to a strategy, in epoch ms: a tick at its time, a bar at
 * `time + timeframe` (bars are labelled by their open time). Feeds order events by this.
 *
 * @example
 * ```ts
 * knownAt({ ...bar, time: 0, timeframe: '5m' }); // 300000
 * ```
 */
export function knownAt(event: MarketEvent): number {
  return event.kind === 'bar' ? event.time + timeframeMs(event.timeframe) : event.time;
}
