import Decimal from 'decimal.js';
import { istDayStart, type Fill, type InstrumentRegistry, type Position } from '@pravah/sdk';
import type { Holding } from '../port/account.js';
import type { BrokerPositions } from '../port/broker.js';
import type { PaperVenue } from './paper-venue.js';

interface DayBook {
  readonly fill: Fill;
  buyQty: number;
  buyValue: number;
  sellQty: number;
  sellValue: number;
}

const key = (f: Pick<Fill, 'instrument' | 'product'>): string => `${f.instrument}|${f.product}`;

function todaysFills(venue: PaperVenue): Fill[] {
  const day = venue.state().day;
  return day === null ? [] : venue.fills().filter((f) => istDayStart(f.time) >= day);
}

/**
 * Net positions (every open position from the ledger, at average cost, plus positions closed
 * today at quantity 0) and day positions (today's fills only: net quantity, average of the side
 * that remains open). Realised P&L is today's gross realised P&L of the position, before charges.
 *
 * @example
 * ```ts
 * const { net, day } = paperPositions(venue);
 * ```
 */
export function paperPositions(venue: PaperVenue): BrokerPositions {
  const last = (f: Pick<Fill, 'instrument'>, fallback: number): number =>
    venue.lastTick(f.instrument)?.price ?? fallback;
  const today = new Map<string, DayBook>();
  for (const fill of todaysFills(venue)) {
    let b = today.get(key(fill));
    if (b === undefined) {
      b = { fill, buyQty: 0, buyValue: 0, sellQty: 0, sellValue: 0 };
      today.set(key(fill), b);
    }
    if (fill.side === 'BUY') {
      b.buyQty += fill.quantity;
      b.buyValue += fill.quantity * fill.price;
    } else {
      b.sellQty += fill.quantity;
      b.sellValue += fill.quantity * fill.price;
    }
  }
  const net: Position[] = venue
    .books()
    .positions()
    .map((p) => ({
      instrument: p.instrument,
      product: p.product,
      quantity: p.quantity,
      averagePrice: p.averagePrice,
      realisedPnl: new Decimal(venue.realised(p.instrument, p.product)),
      lastPrice: last(p, p.lastPrice),
    }));
  for (const b of today.values()) {
    if (net.some((p) => key(p) === key(b.fill))) continue;
    net.push({
      instrument: b.fill.instrument,
      product: b.fill.product,
      quantity: 0,
      averagePrice: 0,
      realisedPnl: new Decimal(venue.realised(b.fill.instrument, b.fill.product)),
      lastPrice: last(b.fill, b.fill.price),
    });
  }
  const day: Position[] = [...today.values()].map((b) => {
    const quantity = b.buyQty - b.sellQty;
    const averagePrice =
      quantity > 0 ? b.buyValue / b.buyQty : quantity < 0 ? b.sellValue / b.sellQty : 0;
    return {
      instrument: b.fill.instrument,
      product: b.fill.product,
      quantity,
      averagePrice,
      realisedPnl: new Decimal(venue.realised(b.fill.instrument, b.fill.product)),
      lastPrice: last(b.fill, b.fill.price),
    };
  });
  const order = (a: Position, b: Position): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return { net: Object.freeze(net.sort(order)), day: Object.freeze(day.sort(order)) };
}

/**
 * Delivery holdings: CNC quantity carried from before today (average-cost), less today's CNC
 * sells; what the previous session bought is still `t1Quantity` (T+1 settlement).
 *
 * @example
 * ```ts
 * const holdings = paperHoldings(venue, registry); // [{ instrument: 'NSE:RELIANCE', quantity: 10, t1Quantity: 5, ... }]
 * ```
 */
export function paperHoldings(venue: PaperVenue, registry: InstrumentRegistry): Holding[] {
  const { day, previousDay } = venue.state();
  if (day === null) return [];
  const carried = new Map<
    string,
    { quantity: number; cost: number; t1Buys: number; sold: number }
  >();
  for (const fill of venue.fills()) {
    if (fill.product !== 'CNC') continue;
    let h = carried.get(fill.instrument);
    if (h === undefined) {
      h = { quantity: 0, cost: 0, t1Buys: 0, sold: 0 };
      carried.set(fill.instrument, h);
    }
    const fillDay = istDayStart(fill.time);
    if (fillDay >= day) {
      if (fill.side === 'SELL') h.sold += fill.quantity;
      continue;
    }
    if (fill.side === 'BUY') {
      h.cost += fill.quantity * fill.price;
      h.quantity += fill.quantity;
      if (fillDay === previousDay) h.t1Buys += fill.quantity;
    } else {
      h.cost -= h.quantity === 0 ? 0 : (h.cost / h.quantity) * fill.quantity;
      h.quantity -= fill.quantity;
      if (fillDay === previousDay) h.t1Buys -= fill.quantity;
    }
  }
  const out: Holding[] = [];
  for (const [id, h] of carried) {
    const instrument = registry.get(id as Fill['instrument']);
    const quantity = Math.max(0, h.quantity - h.sold);
    if (quantity === 0) continue;
    const t1Quantity = Math.min(quantity, Math.max(0, h.t1Buys));
    out.push(
      Object.freeze({
        instrument: instrument.id,
        ...(instrument.isin !== undefined ? { isin: instrument.isin } : {}),
        quantity: quantity - t1Quantity,
        t1Quantity,
        averagePrice: h.cost / h.quantity,
        lastPrice: venue.lastTick(instrument.id)?.price ?? h.cost / h.quantity,
      }),
    );
  }
  return out.sort((a, b) => (a.instrument < b.instrument ? -1 : 1));
}
