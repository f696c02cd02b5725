import type { InstrumentId, Tick } from '@pravah/sdk';
import { Subject, type Observable } from 'rxjs';
import type { ConnectionState } from '../../port/account.js';
import { ReconnectingSocket, type SocketFrame } from '../../transport/reconnecting-socket.js';
import { decodeUpstoxFeed } from './decode-feed.js';
import { upstoxFeedRequest, type UpstoxSubscribeMode } from './feed-request.js';
import { UpstoxTickMapper } from './feed-to-ticks.js';
import type { UpstoxMarketStatus } from './feed-types.js';

/** How the market data stream reaches the feed. */
export interface UpstoxMarketDataStreamOptions {
  /** Calls the authorize endpoint; its URL is single-use, so it runs before every connect. */
  readonly authorize: () => Promise<string>;
  /** Reconnect when nothing arrives for this long (the server pings when idle). Default 30 s. */
  readonly readTimeoutMs?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

interface Subscription {
  readonly id: InstrumentId;
  mode: UpstoxSubscribeMode;
}

/**
 * Market Data Feed v3 client: authorizes, connects, sends sub/unsub/change_mode as binary JSON
 * frames, decodes protobuf `FeedResponse`s into ticks, and after any drop re-authorizes,
 * reconnects and resubscribes everything. Frames that fail to decode are counted in
 * `malformedFrames` and skipped; they never error the tick stream.
 *
 * @example
 * ```ts
 * const stream = new UpstoxMarketDataStream({ authorize: () => rest.feedUrl() });
 * stream.ticks$.subscribe(console.log);
 * stream.subscribe([{ key: 'NSE_EQ|INE002A01018', id: 'NSE:RELIANCE' }], 'full');
 * ```
 */
export class UpstoxMarketDataStream {
  private readonly socket: ReconnectingSocket;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly ticks = new Subject<Tick>();
  private readonly mapper: UpstoxTickMapper;
  private started = false;

  /** Binary frames that did not decode, and text frames that were not JSON. */
  malformedFrames = 0;
  /** Text frames the server sent (JSON errors such as `{status:"failed"}`), latest last. */
  readonly serverMessages: unknown[] = [];
  /** Segment statuses from the latest `market_info`. */
  marketStatus: Readonly<Record<string, UpstoxMarketStatus>> = {};

  readonly ticks$: Observable<Tick> = this.ticks.asObservable();
  readonly state$: Observable<ConnectionState>;

  constructor(options: UpstoxMarketDataStreamOptions) {
    this.mapper = new UpstoxTickMapper((key) => this.subscriptions.get(key)?.id);
    this.socket = new ReconnectingSocket({
      endpoint: async () => ({ url: await options.authorize() }),
      onOpen: (socket) => this.resubscribe(socket),
      readTimeoutMs: options.readTimeoutMs ?? 30_000,
      ...(options.initialBackoffMs === undefined
        ? {}
        : { initialBackoffMs: options.initialBackoffMs }),
      ...(options.maxBackoffMs === undefined ? {} : { maxBackoffMs: options.maxBackoffMs }),
    });
    this.state$ = this.socket.state$;
    this.socket.frames$.subscribe((frame) => this.onFrame(frame));
  }

  /** Times the socket was re-opened after a drop. */
  get reconnects(): number {
    return this.socket.reconnects;
  }

  /** Subscribes (or changes the mode of) instruments; connects on first use. */
  subscribe(
    entries: readonly { key: string; id: InstrumentId }[],
    mode: UpstoxSubscribeMode,
  ): void {
    const added: string[] = [];
    const changed: string[] = [];
    for (const { key, id } of entries) {
      const existing = this.subscriptions.get(key);
      if (existing === undefined) {
        this.subscriptions.set(key, { id, mode });
        added.push(key);
      } else if (existing.mode !== mode) {
        existing.mode = mode;
        changed.push(key);
      }
    }
    if (!this.started) {
      this.started = true;
      this.socket.connect();
      return; // onOpen sends everything
    }
    if (added.length > 0) this.socket.send(upstoxFeedRequest('sub', added, mode));
    if (changed.length > 0) this.socket.send(upstoxFeedRequest('change_mode', changed, mode));
  }

  /** Removes instruments from the subscription. */
  unsubscribe(keys: readonly string[]): void {
    const removed = keys.filter((key) => this.subscriptions.delete(key));
    if (removed.length > 0) this.socket.send(upstoxFeedRequest('unsub', removed));
  }

  /** Drops the connection as a network failure would (it reconnects). */
  terminate(): void {
    this.socket.terminate();
  }

  close(): void {
    this.socket.close();
    this.ticks.complete();
  }

  private resubscribe(socket: ReconnectingSocket): void {
    const byMode = new Map<UpstoxSubscribeMode, string[]>();
    for (const [key, sub] of this.subscriptions) {
      const list = byMode.get(sub.mode);
      if (list === undefined) byMode.set(sub.mode, [key]);
      else list.push(key);
    }
    for (const [mode, keys] of byMode) socket.send(upstoxFeedRequest('sub', keys, mode));
  }

  private onFrame(frame: SocketFrame): void {
    if (frame.kind === 'text') {
      try {
        this.serverMessages.push(JSON.parse(frame.text));
        if (this.serverMessages.length > 100) this.serverMessages.shift();
      } catch {
        this.malformedFrames += 1;
      }
      return;
    }
    let ticks: Tick[];
    try {
      const message = decodeUpstoxFeed(frame.bytes);
      if (message.marketStatus !== undefined) this.marketStatus = message.marketStatus;
      ticks = this.mapper.map(message);
    } catch {
      this.malformedFrames += 1;
      return;
    }
    for (let i = 0; i < ticks.length; i++) this.ticks.next(ticks[i] as Tick);
  }
}
