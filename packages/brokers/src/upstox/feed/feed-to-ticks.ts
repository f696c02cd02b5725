import type { DepthLevel, InstrumentId, Tick } from '@pravah/sdk';
import type { UpstoxFeedEntry, UpstoxFeedResponse } from './feed-types.js';

interface LastTrade {
  ltp: number;
  ltt: number;
}

/**
 * Turns decoded feed messages into SDK ticks. Keeps each instrument's last trade, because
 * increments may omit an unchanged `ltpc`: such an entry still yields a tick (new depth or
 * volume) at the last price, stamped with the message time. Entries of unknown instrument keys
 * and entries without any price yet are dropped.
 *
 * @example
 * ```ts
 * const toTicks = new UpstoxTickMapper((key) => keys.idOf(key));
 * for (const tick of toTicks.map(decodeUpstoxFeed(bytes))) ticks$.next(tick);
 * ```
 */
export class UpstoxTickMapper {
  private readonly last = new Map<string, LastTrade>();

  constructor(private readonly idOf: (instrumentKey: string) => InstrumentId | undefined) {}

  /** Ticks of one message, in the message's feed order. */
  map(message: UpstoxFeedResponse): Tick[] {
    const ticks: Tick[] = [];
    const feeds = message.feeds;
    for (let i = 0; i < feeds.length; i++) {
      const feed = feeds[i];
      if (feed === undefined) continue;
      const tick = this.tick(feed, message.currentTs);
      if (tick !== undefined) ticks.push(tick);
    }
    return ticks;
  }

  /** Forgets the cached last trades (after a resubscribe, the snapshot restores them). */
  reset(): void {
    this.last.clear();
  }

  private tick(feed: UpstoxFeedEntry, currentTs: number): Tick | undefined {
    const instrument = this.idOf(feed.instrumentKey);
    if (instrument === undefined) return undefined;
    let trade = this.last.get(feed.instrumentKey);
    const ltpc = feed.ltpc;
    if (ltpc !== undefined && ltpc.ltp > 0) {
      if (trade === undefined) {
        trade = { ltp: ltpc.ltp, ltt: ltpc.ltt };
        this.last.set(feed.instrumentKey, trade);
      } else {
        trade.ltp = ltpc.ltp;
        trade.ltt = ltpc.ltt;
      }
    }
    if (trade === undefined) return undefined;
    const tick: { -readonly [K in keyof Tick]: Tick[K] } = {
      kind: 'tick',
      instrument,
      time: ltpc !== undefined && ltpc.ltp > 0 ? trade.ltt : currentTs,
      price: trade.ltp,
    };
    if (ltpc !== undefined && ltpc.ltp > 0) tick.quantity = ltpc.ltq;
    if (feed.volume !== undefined) tick.volume = feed.volume;
    if (feed.oi !== undefined) tick.oi = feed.oi;
    const depth = feed.depth;
    if (depth !== undefined && depth.length > 0) {
      const buy: DepthLevel[] = [];
      const sell: DepthLevel[] = [];
      for (let i = 0; i < depth.length; i++) {
        const level = depth[i];
        if (level === undefined) continue;
        // Upstox sends no order counts per level.
        buy.push({ price: level.bidP, quantity: level.bidQ, orders: 0 });
        sell.push({ price: level.askP, quantity: level.askQ, orders: 0 });
      }
      tick.bid = buy[0]?.price ?? 0;
      tick.ask = sell[0]?.price ?? 0;
      if (feed.variant === 'market') tick.depth = { buy, sell };
    }
    return tick;
  }
}
