import {
  SizingError,
  type InstrumentId,
  type Product,
  type Side,
  type SignalEvent,
  type StrategyContext,
  type TargetPosition,
} from '@pravah/sdk';

/** Relative slack under which a quotient counts as a whole lot (binary floating point). */
const LOT_TOLERANCE = 1e-9;

/**
 * `units` rounded down to whole lots of `lot`, never NaN or -0 (a quotient within 1e-9 of a
 * whole lot counts as that lot: binary floating point).
 *
 * @example
 * ```ts
 * wholeLots(170, 75); // 150
 * wholeLots(0.3 / 0.1, 1); // 3, not 2
 * ```
 */
export function wholeLots(units: number, lot: number): number {
  if (!(units > 0)) return 0;
  const exact = units / lot;
  const lots = Math.floor(exact + LOT_TOLERANCE * Math.max(1, exact));
  return lots * lot;
}

/**
 * The target for `signal` when a position may cost at most `budget` rupees at the signal's
 * price (and hold at most `maxUnits` units): long +units, short −units (0 when the product is
 * CNC, which cannot be sold short), flat 0; rounded down to whole lots. Throws a SizingError for
 * a non-positive price or a NaN budget.
 *
 * @example
 * ```ts
 * budgetTarget(ctx, longInfyAt1500, 100_000, 'CNC', 'mySizer', '10% of equity').quantity; // 66
 * ```
 */
export function budgetTarget(
  ctx: StrategyContext,
  signal: SignalEvent,
  budget: number,
  product: Product,
  sizer: string,
  note: string,
  maxUnits = Number.POSITIVE_INFINITY,
): TargetPosition {
  const base = {
    kind: 'target' as const,
    instrument: signal.instrument,
    time: signal.time,
    product,
    price: signal.price,
    confidence: signal.confidence,
    signal,
    ...(signal.stop !== undefined ? { stop: signal.stop } : {}),
    ...(signal.target !== undefined ? { target: signal.target } : {}),
  };
  if (signal.direction === 'flat') {
    return { ...base, quantity: 0, reason: `${signal.reason}; ${sizer}: flat` };
  }
  if (signal.direction === 'short' && product === 'CNC') {
    return {
      ...base,
      quantity: 0,
      reason: `${signal.reason}; ${sizer}: flat, CNC cannot be sold short`,
    };
  }
  if (!(Number.isFinite(signal.price) && signal.price > 0)) {
    throw new SizingError(
      sizer,
      'signal.price',
      signal.price,
      'a signal must carry a positive, finite price',
    );
  }
  if (Number.isNaN(budget)) {
    throw new SizingError(
      sizer,
      'budget',
      budget,
      'check the portfolio cash and equity it came from',
    );
  }
  const lot = ctx.instruments.get(signal.instrument).lotSize;
  const units = wholeLots(Math.min(maxUnits, budget / signal.price), lot);
  if (units === 0) {
    ctx.logger.warn(`${sizer}: ${signal.direction} signal sized to zero`, {
      instrument: signal.instrument,
      time: signal.time,
      budget,
      lotSize: lot,
    });
  }
  const quantity = units === 0 ? 0 : signal.direction === 'short' ? -units : units;
  return { ...base, quantity, reason: `${signal.reason}; ${sizer}: ${note}` };
}

/**
 * Rupees that open entry (not reduce-only) orders in instruments other than `instrument` will
 * still commit: BUY orders only, or both sides when `side` is `'both'` (a short sale uses
 * margin too). Each is valued at its limit or trigger price, else at the price of the signal
 * that sized it (`signalPrices`), else 0.
 *
 * @example
 * ```ts
 * // an open MARKET BUY of 100 TCS, sized from a signal at 4,000:
 * pendingEntrySpend(ctx, 'NSE:INFY', new Map([['NSE:TCS', 4000]]), 'BUY'); // 400000
 * ```
 */
export function pendingEntrySpend(
  ctx: StrategyContext,
  instrument: InstrumentId,
  signalPrices: ReadonlyMap<InstrumentId, number>,
  side: Side | 'both',
): number {
  let spend = 0;
  for (const order of ctx.portfolio.openOrders()) {
    const intent = order.intent;
    if (intent.instrument === instrument || intent.reduceOnly) continue;
    if (side !== 'both' && intent.side !== side) continue;
    const price = intent.price ?? intent.triggerPrice ?? signalPrices.get(intent.instrument) ?? 0;
    spend += (intent.quantity - order.filledQuantity) * price;
  }
  return spend;
}
