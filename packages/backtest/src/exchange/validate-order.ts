import type { Instrument, OrderIntent } from '@pravah/sdk';
import type { AccountCheck, FillOptions, SessionRules } from './exchange-config.js';
import { rejection, type Rejection } from './rejection.js';

/** True when `price` is a whole number of ticks (tolerant of binary floating point). */
export function isTickAligned(price: number, tickSize: number): boolean {
  const ticks = price / tickSize;
  return Math.abs(ticks - Math.round(ticks)) < 1e-6;
}

/** Inputs to {@link validateOrder} beyond the intent itself. */
export interface ValidationInputs {
  readonly instrument: Instrument;
  readonly now: number;
  /** Last traded price, used for the funds check of market orders. */
  readonly lastPrice: number | undefined;
  /** Previous session's close, for price bands. */
  readonly previousClose: number | undefined;
  readonly fill: FillOptions;
  readonly session: SessionRules | undefined;
  readonly account: AccountCheck | undefined;
}

/**
 * The exchange's and broker's checks on a new order, in the order a real venue applies them:
 * lot, tick, freeze quantity, price band, MIS cut-off, CNC short selling, funds. Returns the
 * first failure, or undefined when the order is accepted.
 */
export function validateOrder(
  intent: OrderIntent,
  inputs: ValidationInputs,
): Rejection | undefined {
  const { instrument } = inputs;
  if (intent.quantity % instrument.lotSize !== 0) {
    return rejection(
      'LOT_SIZE',
      `quantity ${intent.quantity} is not a multiple of the lot size ${instrument.lotSize} of ${instrument.id}`,
    );
  }
  for (const [field, price] of [
    ['price', intent.price],
    ['triggerPrice', intent.triggerPrice],
  ] as const) {
    if (price !== undefined && !isTickAligned(price, instrument.tickSize)) {
      return rejection(
        'TICK_SIZE',
        `${field} ${price} is not a multiple of the tick size ${instrument.tickSize}`,
      );
    }
  }
  if (instrument.freezeQuantity !== undefined && intent.quantity > instrument.freezeQuantity) {
    return rejection(
      'FREEZE_QUANTITY',
      `quantity ${intent.quantity} exceeds the freeze quantity ${instrument.freezeQuantity} of ${instrument.id}; slice the order`,
    );
  }
  const band = inputs.fill.priceBandPercent;
  if (band !== undefined && inputs.previousClose !== undefined) {
    const lo = inputs.previousClose * (1 - band / 100);
    const hi = inputs.previousClose * (1 + band / 100);
    for (const price of [intent.price, intent.triggerPrice]) {
      if (price !== undefined && (price < lo || price > hi)) {
        return rejection(
          'PRICE_BAND',
          `price ${price} is outside the ${band}% band [${lo.toFixed(2)}, ${hi.toFixed(2)}] around the previous close ${inputs.previousClose}`,
        );
      }
    }
  }
  if (intent.product === 'MIS' && inputs.session?.isAfterMisCutoff(instrument, inputs.now)) {
    return rejection(
      'MIS_AFTER_CUTOFF',
      `no new MIS orders after the broker's auto square-off cut-off`,
    );
  }
  if (inputs.account) {
    if (intent.product === 'CNC' && intent.side === 'SELL') {
      const held = inputs.account.positionQuantity(instrument.id, 'CNC');
      if (intent.quantity > held) {
        return rejection(
          'CNC_SHORT_SELL',
          `selling ${intent.quantity} CNC but only ${held} held; delivery short selling is not allowed`,
        );
      }
    }
    const reference = intent.price ?? intent.triggerPrice ?? inputs.lastPrice;
    if (reference !== undefined) {
      const shortfall = inputs.account.fundsShortfall(intent, reference);
      if (shortfall !== undefined) return rejection('INSUFFICIENT_FUNDS', shortfall);
    }
  }
  return undefined;
}
