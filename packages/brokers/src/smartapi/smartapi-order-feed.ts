import { Subject, type Observable } from 'rxjs';
import type { BrokerOrder } from '../port/order-request.js';
import { ReconnectingSocket } from '../transport/reconnecting-socket.js';
import { orderStatusFromUpdateCode } from './smartapi-enums.js';
import { mapWireOrder } from './smartapi-orders.js';
import type { SmartApiTokens } from './smartapi-rest-client.js';
import { OrderUpdateMessageSchema, WireOrderSchema } from './smartapi-wire-schemas.js';

/** How the order-update socket connects (BROKERS.md §3.5, "Order-update socket"). */
export interface SmartApiOrderFeedOptions {
  /** Default `wss://tns.angelone.in/smart-order-update`. */
  readonly url: string;
  readonly tokens: () => SmartApiTokens | undefined;
  /** ADOC: ping every 10 s. */
  readonly pingIntervalMs?: number;
  readonly readTimeoutMs?: number;
  readonly initialBackoffMs?: number;
}

/**
 * Order-update socket: JSON messages `{order-status: AB01..AB11, orderData}` mapped to
 * BrokerOrders. The AB00 greeting and malformed messages are skipped (counted).
 *
 * @example
 * ```ts
 * const feed = new SmartApiOrderFeed({ url, tokens: () => rest.tokens });
 * feed.orders$.subscribe((o) => console.log(o.orderId, o.status));
 * feed.connect();
 * ```
 */
export class SmartApiOrderFeed {
  private readonly socket: ReconnectingSocket;
  private readonly orders = new Subject<BrokerOrder>();
  /** Messages that could not be read as an order update. */
  malformedMessages = 0;

  readonly orders$: Observable<BrokerOrder> = this.orders.asObservable();

  constructor(options: SmartApiOrderFeedOptions) {
    this.socket = new ReconnectingSocket({
      endpoint: () => {
        const tokens = options.tokens();
        if (tokens === undefined) return Promise.reject(new Error('log in first'));
        return Promise.resolve({
          url: options.url,
          headers: { Authorization: `Bearer ${tokens.jwtToken}` },
        });
      },
      ping: { message: 'ping', intervalMs: options.pingIntervalMs ?? 10_000 },
      readTimeoutMs: options.readTimeoutMs ?? 25_000,
      ...(options.initialBackoffMs === undefined
        ? {}
        : { initialBackoffMs: options.initialBackoffMs }),
    });
    this.socket.frames$.subscribe({
      next: (frame) => {
        if (frame.kind === 'text') this.onText(frame.text);
        else this.malformedMessages += 1;
      },
      complete: () => this.orders.complete(),
    });
  }

  connect(): void {
    this.socket.connect();
  }

  close(): void {
    this.socket.close();
  }

  private onText(text: string): void {
    if (text === 'pong') return;
    try {
      const message = OrderUpdateMessageSchema.parse(JSON.parse(text));
      const code = message['order-status'];
      if (code === 'AB00' || message.orderData === undefined) return;
      const wire = WireOrderSchema.parse(message.orderData);
      const hasStatus = wire.status !== '' || wire.orderstatus !== '';
      const order = mapWireOrder(hasStatus ? wire : { ...wire, status: 'open' });
      this.orders.next(
        hasStatus ? order : Object.freeze({ ...order, status: orderStatusFromUpdateCode(code) }),
      );
    } catch {
      this.malformedMessages += 1;
    }
  }
}
