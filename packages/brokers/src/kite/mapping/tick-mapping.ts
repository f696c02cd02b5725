import type { InstrumentId, Tick } from '@pravah/sdk';
import type { KiteTick } from '../ticker/kite-tick.js';

/**
 * A decoded ticker tick as an SDK {@link Tick}: time from the exchange timestamp, else the last
 * trade time, else `receivedAt` (LTP and quote packets carry no time); bid/ask from the top of
 * the depth (full mode). Undefined when the instrument has not traded (last price 0).
 *
 * @example
 * ```ts
 * tickFromKiteTick(tick, 'NSE:INFY', Date.now())?.bid;
 * ```
 */
export function tickFromKiteTick(
  tick: KiteTick,
  instrument: InstrumentId,
  receivedAt: number,
): Tick | undefined {
  if (!(tick.lastPrice > 0)) return undefined;
  if (tick.mode === 'ltp') {
    return { kind: 'tick', instrument, time: receivedAt, price: tick.lastPrice };
  }
  if (!('volume' in tick)) {
    return { kind: 'tick', instrument, time: tick.timestamp ?? receivedAt, price: tick.lastPrice };
  }
  if (tick.mode === 'quote') {
    return {
      kind: 'tick',
      instrument,
      time: receivedAt,
      price: tick.lastPrice,
      quantity: tick.lastQuantity,
      volume: tick.volume,
    };
  }
  return {
    kind: 'tick',
    instrument,
    time: tick.timestamp ?? tick.lastTradeTime ?? receivedAt,
    price: tick.lastPrice,
    quantity: tick.lastQuantity,
    volume: tick.volume,
    oi: tick.oi,
    bid: tick.depth.buy[0]?.price ?? 0,
    ask: tick.depth.sell[0]?.price ?? 0,
    depth: tick.depth,
  };
}
