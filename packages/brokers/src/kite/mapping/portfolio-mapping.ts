import { parseFill, parsePosition, type Fill, type Position } from '@pravah/sdk';
import type { Funds, Holding } from '../../port/account.js';
import type {
  KiteHolding,
  KitePosition,
  KiteSegmentMargin,
  KiteTrade,
} from '../wire/portfolio-wire.js';
import { productFromKite, sideFromKite } from './kite-enums.js';
import { kiteInstrumentId } from './kite-instrument-id.js';

/**
 * A Kite trade as an SDK {@link Fill} (time from `fill_timestamp`, IST).
 *
 * @example
 * ```ts
 * fillFromKite(trade).price; // 420.65
 * ```
 */
export function fillFromKite(t: KiteTrade): Fill {
  return parseFill({
    kind: 'fill',
    id: t.trade_id,
    orderId: t.order_id,
    instrument: kiteInstrumentId(t.exchange, t.tradingsymbol),
    time: t.fill_timestamp,
    side: sideFromKite(t.transaction_type),
    quantity: t.quantity,
    price: t.average_price,
    rawPrice: t.average_price,
    product: productFromKite(t.product),
  });
}

/**
 * A Kite position row as an SDK {@link Position} (realised P&L from `realised`).
 *
 * @example
 * ```ts
 * positionFromKite(row).quantity; // 1
 * ```
 */
export function positionFromKite(p: KitePosition): Position {
  return parsePosition({
    instrument: kiteInstrumentId(p.exchange, p.tradingsymbol),
    product: productFromKite(p.product),
    quantity: p.quantity,
    averagePrice: p.quantity === 0 ? 0 : p.average_price,
    realisedPnl: p.realised,
    lastPrice: p.last_price,
  });
}

/**
 * A Kite holding as a port {@link Holding}.
 *
 * @example
 * ```ts
 * holdingFromKite(row).t1Quantity; // 0
 * ```
 */
export function holdingFromKite(h: KiteHolding): Holding {
  return {
    instrument: kiteInstrumentId(h.exchange, h.tradingsymbol),
    ...(h.isin ? { isin: h.isin } : {}),
    quantity: h.quantity,
    t1Quantity: h.t1_quantity,
    averagePrice: h.average_price ?? 0,
    lastPrice: h.last_price ?? 0,
  };
}

/**
 * The equity segment of `GET /user/margins` as port {@link Funds}: available is Kite's
 * `live_balance`, used is `utilised.debits`, net is Kite's `net`.
 *
 * @example
 * ```ts
 * fundsFromKite(margins.equity); // { available: 99725.05, used: 145706.55, net: 99725.05 }
 * ```
 */
export function fundsFromKite(m: KiteSegmentMargin): Funds {
  return { available: m.available.live_balance, used: m.utilised.debits, net: m.net };
}
