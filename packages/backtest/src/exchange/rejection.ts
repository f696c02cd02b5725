/** Why the simulated exchange refused an order. Stable codes, readable reasons. */
export type RejectionCode =
  | 'UNKNOWN_INSTRUMENT'
  | 'LOT_SIZE'
  | 'TICK_SIZE'
  | 'FREEZE_QUANTITY'
  | 'PRICE_BAND'
  | 'MIS_AFTER_CUTOFF'
  | 'INSUFFICIENT_FUNDS'
  | 'CNC_SHORT_SELL'
  | 'NOT_TRADABLE'
  | 'REPLACED_ORDER_NOT_OPEN'
  | 'OUTSIDE_SESSION';

/** A rejection: code plus the reason written into the order's status history. */
export interface Rejection {
  readonly code: RejectionCode;
  readonly reason: string;
}

export function rejection(code: RejectionCode, reason: string): Rejection {
  return { code, reason: `${code}: ${reason}` };
}
