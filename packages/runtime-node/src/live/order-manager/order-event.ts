/**
 * Typed events that move a managed order between states. Fill events carry the broker's
 * cumulative filled quantity and average price, never a delta: a duplicate or late report is
 * then harmless (it is not larger than what is known) and replay is idempotent.
 */
export type OrderEvent =
  /** The placement request is about to leave the process. */
  | { readonly type: 'submit'; readonly time: number }
  /** The broker answered with its order id (placement, or a lookup by tag found the order). */
  | { readonly type: 'accepted'; readonly time: number; readonly brokerOrderId: string }
  /** The request may or may not have reached the broker (timeout, dropped socket, 5xx). */
  | { readonly type: 'outcome-unknown'; readonly time: number; readonly reason: string }
  /** A lookup by tag proved the broker never received the order: it may be sent again. */
  | { readonly type: 'not-found'; readonly time: number }
  /** The broker refused the request before placing it (429): it may be sent again. */
  | { readonly type: 'throttled'; readonly time: number; readonly retryAfterMs: number }
  | {
      readonly type: 'filled';
      readonly time: number;
      readonly filledQuantity: number;
      readonly averagePrice: number;
    }
  | { readonly type: 'cancel-requested'; readonly time: number; readonly reason: string }
  /** The broker refused the cancellation (the order had already left the book). */
  | { readonly type: 'cancel-refused'; readonly time: number; readonly reason: string }
  | { readonly type: 'cancelled'; readonly time: number; readonly reason: string }
  | { readonly type: 'rejected'; readonly time: number; readonly reason: string };

/** The `type` of an {@link OrderEvent}. */
export type OrderEventType = OrderEvent['type'];
