import { Decimal } from 'decimal.js';
import type { Fill, Position } from '@pravah/sdk';
import type { z } from 'zod';
import { BrokerPayloadError } from '../errors/broker-errors.js';
import type { Funds, Holding } from '../port/account.js';
import type { BrokerPositions } from '../port/broker.js';
import { productFromSmartApi, sideFromSmartApi } from './smartapi-enums.js';
import { instrumentOfWire } from './smartapi-orders.js';
import { parseSmartApiTime } from './smartapi-time.js';
import type {
  PositionsDataSchema,
  RmsSchema,
  WireHoldingSchema,
  WirePosition,
  WireTradeSchema,
} from './smartapi-wire-schemas.js';

/**
 * Maps a trade book row to an SDK fill (`filltime` is a bare IST time of today).
 *
 * @example
 * ```ts
 * mapWireTrade(row).price; // the fill price
 * ```
 */
export function mapWireTrade(
  row: z.output<typeof WireTradeSchema>,
  now: number = Date.now(),
): Fill {
  const time = parseSmartApiTime(row.filltime, now);
  if (time === undefined) {
    throw new BrokerPayloadError('smartapi', 'trade', [`filltime ${JSON.stringify(row.filltime)}`]);
  }
  return Object.freeze({
    kind: 'fill',
    id: row.fillid,
    orderId: row.orderid,
    instrument: instrumentOfWire(row.exchange, row.tradingsymbol),
    time,
    side: sideFromSmartApi(row.transactiontype),
    quantity: row.fillsize,
    price: row.fillprice,
    product: productFromSmartApi(row.producttype),
    rawPrice: row.fillprice,
  });
}

/** Realised P&L: the broker's figure when sent, else closed quantity x (sell avg - buy avg). */
function realisedOf(row: WirePosition): Decimal {
  if (typeof row.realised === 'number') return new Decimal(row.realised);
  const closed = Math.min(row.buyqty, row.sellqty);
  return new Decimal(row.sellavgprice).minus(row.buyavgprice).times(closed);
}

/**
 * Maps a position row to an SDK position: net quantity, the average of the open side.
 *
 * @example
 * ```ts
 * mapWirePosition(row).quantity; // netqty
 * ```
 */
export function mapWirePosition(row: WirePosition): Position {
  const quantity = row.netqty;
  const averagePrice = quantity > 0 ? row.buyavgprice : quantity < 0 ? row.sellavgprice : 0;
  return Object.freeze({
    instrument: instrumentOfWire(row.exchange, row.tradingsymbol),
    product: productFromSmartApi(row.producttype),
    quantity,
    averagePrice,
    realisedPnl: realisedOf(row),
    lastPrice: row.ltp > 0 ? row.ltp : averagePrice,
  });
}

/**
 * Maps getPosition `data`. SmartAPI documents an array of today's rows (with carried-forward
 * columns) but its text mentions net/day: both forms are accepted; an array serves as both.
 *
 * @example
 * ```ts
 * mapPositions([]).net; // []
 * ```
 */
export function mapPositions(data: z.output<typeof PositionsDataSchema>): BrokerPositions {
  if (data === null) return { net: [], day: [] };
  if (Array.isArray(data)) {
    const rows = data.map(mapWirePosition);
    return { net: rows, day: rows };
  }
  return { net: data.net.map(mapWirePosition), day: data.day.map(mapWirePosition) };
}

/**
 * Maps a holding row.
 *
 * @example
 * ```ts
 * mapWireHolding(row).t1Quantity;
 * ```
 */
export function mapWireHolding(row: z.output<typeof WireHoldingSchema>): Holding {
  return Object.freeze({
    instrument: instrumentOfWire(row.exchange, row.tradingsymbol),
    ...(row.isin === '' ? {} : { isin: row.isin }),
    quantity: row.quantity,
    t1Quantity: row.t1quantity,
    averagePrice: row.averageprice,
    lastPrice: row.ltp,
  });
}

/**
 * Maps getRMS: `net` is what SmartAPI calls the net available margin, `utiliseddebits` what is
 * blocked, `availablecash` the cash balance.
 *
 * @example
 * ```ts
 * mapRms({ net: 1000, availablecash: 1200, utiliseddebits: 200 }); // { available: 1000, used: 200, net: 1200 }
 * ```
 */
export function mapRms(rms: z.output<typeof RmsSchema>): Funds {
  return Object.freeze({ available: rms.net, used: rms.utiliseddebits, net: rms.availablecash });
}
