import { RateLimiter, type BrokerName } from '@pravah/brokers';

/** Requests per second the runtime allows itself per broker (BROKERS.md §1.4, §2.5, §3.4). */
export const BROKER_RATE_LIMITS: Readonly<
  Record<BrokerName, { readonly orders: number; readonly queries: number }>
> = Object.freeze({
  // Kite: order placement 10/s, other endpoints 10/s.
  kite: { orders: 10, queries: 10 },
  // Upstox: order APIs 10/s for regular algos, standard APIs 50/s.
  upstox: { orders: 10, queries: 50 },
  // SmartAPI: place/modify/cancel 20/s, order book 1/s.
  smartapi: { orders: 20, queries: 1 },
  paper: { orders: 1000, queries: 1000 },
});

/**
 * Fresh rate limiters for one broker's orders and order-book queries, at its published limits.
 *
 * @example
 * ```ts
 * const { orders, queries } = brokerRateLimiters('smartapi'); // 20/s and 1/s
 * ```
 */
export function brokerRateLimiters(broker: BrokerName): {
  orders: RateLimiter;
  queries: RateLimiter;
} {
  const limits = BROKER_RATE_LIMITS[broker];
  return {
    orders: new RateLimiter(limits.orders, 1000),
    queries: new RateLimiter(limits.queries, 1000),
  };
}
