import type { Bar } from './bar.js';
import { timeframeMs } from './timeframe.js';
import type { Tick } from './tick.js';

/** What a DataFeed carries: bars and ticks, time-ordered across instruments. */
export type MarketEvent = Bar | Tick;

/** The time at which an event becomes known: a tick at its time, a bar at its close. */
export function isBar(event: MarketEvent): event is Bar {
  return event.kind === 'bar';
}

export function isTick(event: MarketEvent): event is Tick {
  return event.kind === 'tick';
}

/** Last price carried by an event (a bar's close, a tick's price). */
export function lastPrice(event: MarketEvent): number {
  return event.kind === 'bar' ? event.close : event.price;
}

/**
 * When an event becomes known to a strategy, in epoch ms: a tick at its time, a bar at
 * `time + timeframe` (bars are labelled by their open time). Feeds order events by this.
 */
export function knownAt(event: MarketEvent): number {
  return event.kind === 'bar' ? event.time + timeframeMs(event.timeframe) : event.time;
}
