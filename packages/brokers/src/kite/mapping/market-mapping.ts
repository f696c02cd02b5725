import {
  parseBar,
  parseTick,
  type Bar,
  type InstrumentId,
  type Tick,
  type Timeframe,
} from '@pravah/sdk';
import type { KiteCandle, KiteQuote } from '../wire/market-wire.js';

/**
 * A full Kite quote as an SDK {@link Tick}: time from the quote timestamp, bid/ask from the
 * top depth level. Undefined when the instrument has not traded (last price 0).
 *
 * @example
 * ```ts
 * tickFromKiteQuote('NSE:INFY', quote)?.ask; // 1412.95
 * ```
 */
export function tickFromKiteQuote(instrument: InstrumentId, q: KiteQuote): Tick | undefined {
  if (q.last_price <= 0) return undefined;
  return parseTick({
    kind: 'tick',
    instrument,
    time: q.timestamp,
    price: q.last_price,
    ...(q.last_quantity === undefined ? {} : { quantity: q.last_quantity }),
    ...(q.volume === undefined ? {} : { volume: q.volume }),
    ...(q.oi === undefined ? {} : { oi: q.oi }),
    ...(q.depth === undefined
      ? {}
      : {
          bid: q.depth.buy[0]?.price ?? 0,
          ask: q.depth.sell[0]?.price ?? 0,
          depth: q.depth,
        }),
  });
}

/**
 * A Kite candle `[time, o, h, l, c, v(, oi)]` as an SDK {@link Bar}.
 *
 * @example
 * ```ts
 * barFromKiteCandle('NSE:INFY', '1m', candle).time; // epoch ms of 09:15 IST
 * ```
 */
export function barFromKiteCandle(
  instrument: InstrumentId,
  timeframe: Timeframe,
  c: KiteCandle,
): Bar {
  return parseBar({
    kind: 'bar',
    instrument,
    timeframe,
    time: c[0],
    open: c[1],
    high: c[2],
    low: c[3],
    close: c[4],
    volume: c[5],
    ...(c.length === 7 ? { oi: c[6] } : {}),
  });
}
