import type { InstrumentId, OrderStatus, OrderType, Product, Side, Validity } from '@pravah/sdk';

/**
 * Kite-style order variety: `regular` during market hours, `amo` (after-market order) queued for
 * the next session. Brokers without varieties map `amo` to their own AMO flag.
 */
export type OrderVariety = 'regular' | 'amo';

/** Validity at the broker: the SDK's DAY and IOC, plus TTL (minutes) where the broker has it. */
export type BrokerValidity = Validity | 'TTL';

/**
 * An order to place, in SDK terms. `tag` is the client tag the runtime uses to find the order
 * again when the placement outcome is unknown; adapters send it in the broker's tag field.
 */
export interface OrderRequest {
  readonly instrument: InstrumentId;
  readonly side: Side;
  /** Units (a multiple of the lot size), > 0. */
  readonly quantity: number;
  readonly orderType: OrderType;
  readonly product: Product;
  readonly validity: BrokerValidity;
  /** Minutes the order lives when `validity` is TTL. */
  readonly validityTtlMinutes?: number;
  /** Limit price for LIMIT and SL. */
  readonly price?: number;
  /** Trigger price for SL and SL-M. */
  readonly triggerPrice?: number;
  /** Defaults to `regular`. */
  readonly variety?: OrderVariety;
  /** Client tag: 1-20 characters of A-Z, a-z, 0-9 (Kite's limit, the strictest). */
  readonly tag: string;
}

/** The broker's answer to a placement: its order id, echoed with the tag. */
export interface OrderAck {
  readonly orderId: string;
  readonly tag: string;
}

/** Fields of an open order that a modification may change; omitted fields stay as they are. */
export interface OrderModification {
  readonly quantity?: number;
  readonly price?: number;
  readonly triggerPrice?: number;
  readonly orderType?: OrderType;
  readonly validity?: BrokerValidity;
}

/**
 * An order as the broker's order book reports it, mapped to SDK enumerations. Times are epoch
 * milliseconds.
 */
export interface BrokerOrder {
  readonly orderId: string;
  readonly exchangeOrderId?: string;
  /** The client tag the order was placed with, when it had one. */
  readonly tag?: string;
  readonly instrument: InstrumentId;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly product: Product;
  readonly validity: BrokerValidity;
  readonly variety: OrderVariety;
  readonly quantity: number;
  readonly filledQuantity: number;
  readonly pendingQuantity: number;
  readonly cancelledQuantity: number;
  /** Limit price (0 when none). */
  readonly price: number;
  /** Trigger price (0 when none). */
  readonly triggerPrice: number;
  /** Volume-weighted fill price, 0 when nothing filled. */
  readonly averagePrice: number;
  readonly status: OrderStatus;
  /** The broker's reason for a rejection or cancellation, unchanged. */
  readonly statusMessage?: string;
  /** When the broker accepted the order. */
  readonly placedAt: number;
  /** When the order last changed. */
  readonly updatedAt: number;
}

/** Every placement field is checked against this before a request leaves the process. */
export const CLIENT_TAG_PATTERN = /^[A-Za-z0-9]{1,20}$/;
