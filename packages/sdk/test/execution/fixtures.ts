import type { InstrumentId, OrderIntent, Product, TargetPosition } from '../../src/index.js';
import { T0 } from '../sizers/fixtures.js';

export {
  bankniftyFut,
  bar,
  context,
  crudeFut,
  drive,
  holding,
  instruments,
  marbles,
  MINUTE,
  niftyFut,
  recordingLogger,
  reliance,
  runOperator,
  T0,
  working,
  type Step,
} from '../sizers/fixtures.js';

export interface TargetShape {
  readonly time?: number;
  readonly product?: Product;
  readonly stop?: number;
  readonly target?: number;
  readonly confidence?: number;
  readonly reason?: string;
}

/** A target position. */
export function target(
  instrument: InstrumentId,
  quantity: number,
  price: number,
  shape: TargetShape = {},
): TargetPosition {
  return {
    kind: 'target',
    instrument,
    time: shape.time ?? T0,
    quantity,
    product: shape.product ?? 'MIS',
    price,
    ...(shape.stop !== undefined ? { stop: shape.stop } : {}),
    ...(shape.target !== undefined ? { target: shape.target } : {}),
    confidence: shape.confidence ?? 0.8,
    reason: shape.reason ?? 'test',
  };
}

/** An intent as some earlier stage placed it; fields default to a MIS DAY MARKET entry. */
export function placed(
  id: string,
  instrument: InstrumentId,
  side: 'BUY' | 'SELL',
  quantity: number,
  extra: Partial<OrderIntent> = {},
): OrderIntent {
  return {
    kind: 'intent',
    id,
    instrument,
    time: T0 - 60_000,
    side,
    quantity,
    orderType: 'MARKET',
    product: 'MIS',
    validity: 'DAY',
    reduceOnly: false,
    reason: 'earlier',
    ...extra,
  };
}

/** Signed units of an intent. */
export function signed(intent: Pick<OrderIntent, 'side' | 'quantity'>): number {
  return intent.side === 'BUY' ? intent.quantity : -intent.quantity;
}
