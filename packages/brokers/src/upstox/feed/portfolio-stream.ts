import { Subject, type Observable } from 'rxjs';
import type { BrokerOrder } from '../../port/order-request.js';
import { ReconnectingSocket, type SocketFrame } from '../../transport/reconnecting-socket.js';
import type { UpstoxInstrumentKeys } from '../instruments/instrument-keys.js';
import { UpstoxOrderSchema } from '../wire/schemas.js';
import { toBrokerOrder } from '../wire/to-sdk.js';

/**
 * Portfolio stream client for order updates: authorizes (`update_types=order`), connects, and
 * maps each JSON text message carrying an order to a {@link BrokerOrder}. Messages of other
 * update types are ignored; unreadable ones are counted in `malformedFrames`.
 *
 * @example
 * ```ts
 * const portfolio = new UpstoxPortfolioStream(() => rest.portfolioUrl(), keys);
 * portfolio.orders$.subscribe((order) => console.log(order.status));
 * portfolio.connect();
 * ```
 */
export class UpstoxPortfolioStream {
  private readonly socket: ReconnectingSocket;
  private readonly orders = new Subject<BrokerOrder>();
  /** Messages that were not JSON or not a readable order. */
  malformedFrames = 0;

  readonly orders$: Observable<BrokerOrder> = this.orders.asObservable();

  constructor(
    authorize: () => Promise<string>,
    private readonly keys: UpstoxInstrumentKeys,
  ) {
    this.socket = new ReconnectingSocket({
      endpoint: async () => ({ url: await authorize() }),
      readTimeoutMs: 60_000,
    });
    this.socket.frames$.subscribe((frame) => this.onFrame(frame));
  }

  connect(): void {
    this.socket.connect();
  }

  close(): void {
    this.socket.close();
    this.orders.complete();
  }

  private onFrame(frame: SocketFrame): void {
    const text = frame.kind === 'text' ? frame.text : new TextDecoder().decode(frame.bytes);
    let order: BrokerOrder;
    try {
      const json: unknown = JSON.parse(text);
      const type = (json as { update_type?: unknown }).update_type;
      if (type !== undefined && type !== 'order') return;
      const parsed = UpstoxOrderSchema.safeParse(json);
      if (!parsed.success) {
        this.malformedFrames += 1;
        return;
      }
      order = toBrokerOrder(parsed.data, this.keys);
    } catch {
      this.malformedFrames += 1;
      return;
    }
    this.orders.next(order);
  }
}
