import type { StrategyContext } from '../graph/strategy-context.js';
import type { SignalEvent } from '../model/signal-event.js';
import type { TargetPosition } from '../model/target-position.js';
import type { Product } from '../model/exchange.js';
import type { InstrumentId } from '../model/instrument.js';
import type { SizingLimits } from './sizer-options.js';
import { SizingError } from './sizing-error.js';

/** Relative tolerance under which a quotient counts as a whole number of lots (float noise). */
const LOT_TOLERANCE = 1e-10;

/** Builds a target carrying the signal's context; `quantity` must already be final. */
export function targetFromSignal(
  signal: SignalEvent,
  quantity: number,
  product: Product,
  reason: string,
): TargetPosition {
  return {
    kind: 'target',
    instrument: signal.instrument,
    time: signal.time,
    quantity,
    product,
    price: signal.price,
    ...(signal.stop !== undefined ? { stop: signal.stop } : {}),
    ...(signal.target !== undefined ? { target: signal.target } : {}),
    confidence: signal.confidence,
    reason,
    signal,
  };
}

/** Whole lots in `units`, rounded down, except that float noise just below a whole lot counts. */
function floorLots(units: number, lot: number): number {
  const exact = units / lot;
  const lots = Math.floor(exact);
  return lots + 1 - exact <= LOT_TOLERANCE * Math.max(1, exact) ? lots + 1 : lots;
}

function equityOf(ctx: StrategyContext, sizer: string): number {
  const equity = ctx.portfolio.equity();
  if (!Number.isFinite(equity)) {
    throw new SizingError(
      sizer,
      'portfolio.equity',
      equity,
      'the runtime must report finite equity',
    );
  }
  return equity;
}

/**
 * Buying power already used by other instruments: the gross value of their positions and the
 * notional of their open entry (not reduce-only) orders, valued at the order's price, else its
 * trigger, else the position's last price (a market order on an instrument with no position has
 * no price to value it at and counts 0).
 */
function committedElsewhere(ctx: StrategyContext, instrument: InstrumentId): number {
  let committed = 0;
  for (const position of ctx.portfolio.positions()) {
    if (position.instrument !== instrument)
      committed += Math.abs(position.quantity) * position.lastPrice;
  }
  for (const order of ctx.portfolio.openOrders()) {
    const intent = order.intent;
    if (intent.instrument === instrument || intent.reduceOnly) continue;
    const price =
      intent.price ??
      intent.triggerPrice ??
      ctx.portfolio.position(intent.instrument)?.lastPrice ??
      0;
    committed += (intent.quantity - order.filledQuantity) * price;
  }
  return committed;
}

/**
 * The part every stock sizer shares: turns an unsigned desired size (units, may be fractional or
 * infinite) into a signed, lot-aligned target within the limits.
 *
 * - `flat` gives 0; `short` gives a negative quantity, or 0 when shorts are not allowed.
 * - Buying power for the instrument is `leverage × equity` minus what other instruments commit
 *   (gross position value and open entry orders), the rule the simulated exchange checks funds
 *   with. The target replaces the instrument's own position, so that is not subtracted. With
 *   leverage 1 and no other positions this is the cash after closing the current position
 *   (equity = cash + marked positions), i.e. a cash account: `|quantity| × price ≤ cash`.
 *   The target's notional `|quantity| × price` never exceeds it.
 * - At most `maxSlices` orders at the freeze quantity (each rounded down to whole lots).
 * - Rounded down to whole lots; never NaN, never -0. A non-flat signal that wanted a size but got 0 from rounding or
 *   caps is logged as a warning.
 */
export function sizeSignal(
  ctx: StrategyContext,
  signal: SignalEvent,
  desiredUnits: number,
  limits: SizingLimits,
  sizer: string,
  note: string,
): TargetPosition {
  if (signal.direction === 'flat') {
    return targetFromSignal(signal, 0, limits.product, `${signal.reason}; ${sizer}: flat`);
  }
  if (signal.direction === 'short' && !limits.allowShort) {
    return targetFromSignal(
      signal,
      0,
      limits.product,
      `${signal.reason}; ${sizer}: flat, shorts are not allowed for ${limits.product}`,
    );
  }
  const price = signal.price;
  if (!(Number.isFinite(price) && price > 0)) {
    throw new SizingError(
      sizer,
      'signal.price',
      price,
      'a signal must carry a positive, finite price',
    );
  }
  if (Number.isNaN(desiredUnits)) {
    throw new SizingError(
      sizer,
      'desired quantity',
      desiredUnits,
      'check the signal (price, stop) and the portfolio equity it was sized from',
    );
  }
  const instrument = ctx.instruments.get(signal.instrument);
  const lot = instrument.lotSize;
  const buyingPower =
    limits.leverage * equityOf(ctx, sizer) - committedElsewhere(ctx, signal.instrument);
  const cashCap = buyingPower > 0 ? buyingPower / price : 0;
  const freeze = instrument.freezeQuantity;
  const sliceCap =
    freeze === undefined ? Infinity : Math.floor(freeze / lot) * lot * limits.maxSlices;

  let units = desiredUnits > 0 ? desiredUnits : 0;
  let bound = '';
  if (cashCap < units) {
    units = cashCap;
    bound = ', capped by buying power';
  }
  if (sliceCap < units) {
    units = sliceCap;
    bound = `, capped at ${limits.maxSlices} freeze-quantity slices`;
  }
  let lots = floorLots(units, lot);
  while (lots > 0 && lots * lot * price > buyingPower) lots -= 1;
  const magnitude = lots * lot;
  const quantity = magnitude === 0 ? 0 : signal.direction === 'short' ? -magnitude : magnitude;
  if (quantity === 0 && desiredUnits > 0) {
    ctx.logger.warn(`${sizer}: ${signal.direction} signal sized to zero`, {
      instrument: signal.instrument,
      time: signal.time,
      desiredUnits,
      lotSize: lot,
      buyingPower,
      note,
    });
  }
  return targetFromSignal(
    signal,
    quantity,
    limits.product,
    `${signal.reason}; ${sizer}: ${note}${bound}`,
  );
}
