import type { OrderIntent } from '@pravah/sdk';

/** A MARKET (or LIMIT when `price` is given) intent on NSE:INFY. */
export function intent(
  id: string,
  side: 'BUY' | 'SELL',
  quantity: number,
  price?: number,
): OrderIntent {
  return {
    kind: 'intent',
    id,
    instrument: 'NSE:INFY',
    time: 0,
    side,
    quantity,
    orderType: price === undefined ? 'MARKET' : 'LIMIT',
    ...(price === undefined ? {} : { price }),
    product: 'MIS',
    validity: 'DAY',
    reduceOnly: false,
    reason: 'fault test',
  };
}
