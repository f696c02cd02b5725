import type { Depth, DepthLevel, InstrumentId, Tick } from '@pravah/sdk';
import type { z } from 'zod';
import { parseSmartApiTime } from './smartapi-time.js';
import type { SmartApiDepthLevel, SmartApiTick } from './smartapi-tick-decoder.js';
import type { WireQuoteSchema } from './smartapi-wire-schemas.js';

/**
 * SDK tick of a decoded socket packet; undefined when nothing has traded yet (LTP 0).
 *
 * @example
 * ```ts
 * const tick = tickOfSmartApi(decodeSmartApiTick(frame), 'NSE:SBIN');
 * ```
 */
export function tickOfSmartApi(packet: SmartApiTick, instrument: InstrumentId): Tick | undefined {
  if (!(packet.ltp > 0)) return undefined;
  if (packet.mode === 1) {
    return { kind: 'tick', instrument, time: packet.exchangeTime, price: packet.ltp };
  }
  if (packet.mode === 2) {
    return {
      kind: 'tick',
      instrument,
      time: packet.exchangeTime,
      price: packet.ltp,
      quantity: packet.lastTradedQuantity,
      volume: packet.volume,
    };
  }
  const depth: Depth = { buy: packet.buy, sell: packet.sell };
  return {
    kind: 'tick',
    instrument,
    time: packet.exchangeTime,
    price: packet.ltp,
    quantity: packet.lastTradedQuantity,
    volume: packet.volume,
    bid: bestPrice(packet.buy),
    ask: bestPrice(packet.sell),
    oi: packet.openInterest,
    depth,
  };
}

function bestPrice(levels: readonly SmartApiDepthLevel[] | readonly DepthLevel[]): number {
  return levels[0]?.price ?? 0;
}

/**
 * SDK tick of a market quote item (FULL mode); undefined when the LTP is 0.
 *
 * @example
 * ```ts
 * tickOfQuote(item, 'NSE:SBIN', Date.now())?.price;
 * ```
 */
export function tickOfQuote(
  item: z.output<typeof WireQuoteSchema>,
  instrument: InstrumentId,
  now: number,
): Tick | undefined {
  if (!(item.ltp > 0)) return undefined;
  const time =
    parseSmartApiTime(item.exchFeedTime, now) ?? parseSmartApiTime(item.exchTradeTime, now) ?? now;
  const depth =
    item.depth === undefined ? undefined : { buy: item.depth.buy, sell: item.depth.sell };
  return Object.freeze({
    kind: 'tick',
    instrument,
    time,
    price: item.ltp,
    quantity: item.lastTradeQty,
    volume: item.tradeVolume,
    oi: item.opnInterest,
    ...(depth === undefined
      ? {}
      : { depth, bid: bestPrice(depth.buy), ask: bestPrice(depth.sell) }),
  });
}
