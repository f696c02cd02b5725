import { ValidationError, parseWith } from '@pravah/sdk';
import { Subject, type Observable, type Subscription } from 'rxjs';
import { z } from 'zod';
import type { ConnectionState, SubscriptionMode } from '../../port/account.js';
import { ReconnectingSocket, type SocketFrame } from '../../transport/reconnecting-socket.js';
import { decodeKiteTicks } from './decode-kite-ticks.js';
import { KiteFrameError } from './kite-frame-error.js';
import type { KiteTick } from './kite-tick.js';

/** Kite allows this many instruments on one ticker connection. */
export const KITE_MAX_INSTRUMENTS_PER_CONNECTION = 3000;

const OptionsSchema = z.object({
  url: z.string().regex(/^wss?:\/\//, 'must start with ws:// or wss://'),
  apiKey: z.string().min(1),
  accessToken: z.string().min(1),
  readTimeoutMs: z.number().int().positive().optional(),
  initialBackoffMs: z.number().int().positive().optional(),
  maxBackoffMs: z.number().int().positive().optional(),
});

/** How a {@link KiteTicker} connects. */
export interface KiteTickerOptions {
  /** Ticker root, e.g. `wss://ws.kite.trade/` (or a fake's `ws://127.0.0.1:port/`). */
  readonly url: string;
  readonly apiKey: string;
  readonly accessToken: string;
  /** Reconnect when nothing, not even a heartbeat, arrives for this long. Default 5 s (as KJS). */
  readonly readTimeoutMs?: number;
  /** First reconnect delay, doubled per failed attempt. Default 250 ms. */
  readonly initialBackoffMs?: number;
  /** Default 30 s. */
  readonly maxBackoffMs?: number;
}

const TokensSchema = z.array(z.number().int().min(1).max(0xffffffff));
const ModeSchema = z.enum(['ltp', 'quote', 'full']);
const TextMessageSchema = z.object({ type: z.string(), data: z.unknown() });

/**
 * Client of Kite's WebSocket ticker on the shared {@link ReconnectingSocket}: subscribes tokens
 * in a mode, decodes binary frames into {@link KiteTick}s, and after every reconnect subscribes
 * everything again with the same modes. Order postbacks and error messages (JSON text frames)
 * come out on their own streams. Malformed frames are counted in `malformedFrames` and skipped;
 * they never end or error a stream.
 *
 * @example
 * ```ts
 * const ticker = new KiteTicker({ url: 'wss://ws.kite.trade/', apiKey, accessToken });
 * ticker.ticks$.subscribe((tick) => console.log(tick.instrumentToken, tick.lastPrice));
 * ticker.connect();
 * ticker.subscribe([408065, 884737], 'full');
 * ```
 */
export class KiteTicker {
  private readonly socket: ReconnectingSocket;
  private readonly modes = new Map<number, SubscriptionMode>();
  private readonly ticks = new Subject<KiteTick>();
  private readonly postbacks = new Subject<unknown>();
  private readonly errors = new Subject<string>();
  private readonly messages = new Subject<unknown>();
  private readonly frameSubscription: Subscription;
  private malformed = 0;

  /** Every decoded tick, in wire order, across reconnects. */
  readonly ticks$: Observable<KiteTick> = this.ticks.asObservable();
  /** `data` of `{"type":"order"}` text messages: order postbacks, as Kite sends them. */
  readonly postbacks$: Observable<unknown> = this.postbacks.asObservable();
  /** Text of `{"type":"error"}` messages from Kite. */
  readonly errors$: Observable<string> = this.errors.asObservable();
  /** `data` of `{"type":"message"}` text messages (broker notices). */
  readonly messages$: Observable<unknown> = this.messages.asObservable();
  readonly state$: Observable<ConnectionState>;

  constructor(options: KiteTickerOptions) {
    const parsed = parseWith(OptionsSchema, options, 'KiteTicker options');
    const query = `api_key=${encodeURIComponent(parsed.apiKey)}&access_token=${encodeURIComponent(parsed.accessToken)}`;
    this.socket = new ReconnectingSocket({
      endpoint: () =>
        Promise.resolve({ url: `${parsed.url}?${query}`, headers: { 'X-Kite-Version': '3' } }),
      onOpen: (socket) => this.resubscribe(socket),
      readTimeoutMs: parsed.readTimeoutMs ?? 5000,
      ...(parsed.initialBackoffMs === undefined
        ? {}
        : { initialBackoffMs: parsed.initialBackoffMs }),
      ...(parsed.maxBackoffMs === undefined ? {} : { maxBackoffMs: parsed.maxBackoffMs }),
    });
    this.state$ = this.socket.state$;
    this.frameSubscription = this.socket.frames$.subscribe({
      next: (frame) => this.onFrame(frame),
      complete: () => this.completeStreams(),
    });
  }

  /** Frames dropped because they did not follow Kite's layout (binary) or were not JSON (text). */
  get malformedFrames(): number {
    return this.malformed;
  }

  /** Times the connection was re-opened after a drop. */
  get reconnects(): number {
    return this.socket.reconnects;
  }

  /** Current connection state. */
  get connectionState(): ConnectionState {
    return this.socket.connectionState;
  }

  /** Subscribed tokens and their modes, as they will be restored after a reconnect. */
  get subscriptions(): ReadonlyMap<number, SubscriptionMode> {
    return new Map(this.modes);
  }

  /** Starts connecting (idempotent); subscriptions made before or after are sent once open. */
  connect(): void {
    this.socket.connect();
  }

  /**
   * Subscribes tokens in a mode (or changes the mode of subscribed ones). Throws a
   * ValidationError for tokens that are not positive 32-bit integers or when the connection would
   * exceed Kite's 3000 instruments.
   */
  subscribe(tokens: readonly number[], mode: SubscriptionMode): void {
    const valid = parseWith(TokensSchema, tokens, 'Kite instrument tokens');
    const wantedMode = parseWith(ModeSchema, mode, 'Kite subscription mode');
    const added = new Set(valid.filter((token) => !this.modes.has(token))).size;
    if (this.modes.size + added > KITE_MAX_INSTRUMENTS_PER_CONNECTION) {
      throw new ValidationError('Kite subscription', [
        {
          field: 'tokens',
          value: tokens.length,
          message: `would make ${this.modes.size + added} instruments; one Kite connection takes at most ${KITE_MAX_INSTRUMENTS_PER_CONNECTION}: use another connection`,
        },
      ]);
    }
    if (valid.length === 0) return;
    for (const token of valid) this.modes.set(token, wantedMode);
    this.socket.send(JSON.stringify({ a: 'subscribe', v: valid }));
    this.socket.send(JSON.stringify({ a: 'mode', v: [wantedMode, valid] }));
  }

  /** Stops ticks of these tokens (also after reconnects). */
  unsubscribe(tokens: readonly number[]): void {
    const valid = parseWith(TokensSchema, tokens, 'Kite instrument tokens');
    if (valid.length === 0) return;
    for (const token of valid) this.modes.delete(token);
    this.socket.send(JSON.stringify({ a: 'unsubscribe', v: valid }));
  }

  /** Closes the connection for good and completes every stream. */
  close(): void {
    this.socket.close();
    this.frameSubscription.unsubscribe();
    this.completeStreams();
  }

  private resubscribe(socket: ReconnectingSocket): void {
    if (this.modes.size === 0) return;
    const byMode = new Map<SubscriptionMode, number[]>();
    for (const [token, mode] of this.modes) {
      const group = byMode.get(mode);
      if (group === undefined) byMode.set(mode, [token]);
      else group.push(token);
    }
    socket.send(JSON.stringify({ a: 'subscribe', v: [...this.modes.keys()] }));
    for (const [mode, tokens] of byMode)
      socket.send(JSON.stringify({ a: 'mode', v: [mode, tokens] }));
  }

  private onFrame(frame: SocketFrame): void {
    if (frame.kind === 'binary') {
      let ticks: KiteTick[];
      try {
        ticks = decodeKiteTicks(frame.bytes);
      } catch (error) {
        if (!(error instanceof KiteFrameError)) throw error;
        this.malformed += 1;
        return;
      }
      for (const tick of ticks) this.ticks.next(tick);
      return;
    }
    this.onText(frame.text);
  }

  private onText(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.malformed += 1;
      return;
    }
    const message = TextMessageSchema.safeParse(json);
    if (!message.success) {
      this.malformed += 1;
      return;
    }
    const { type, data } = message.data;
    if (type === 'order') this.postbacks.next(data);
    else if (type === 'error')
      this.errors.next(typeof data === 'string' ? data : JSON.stringify(data));
    else if (type === 'message') this.messages.next(data);
  }

  private completeStreams(): void {
    this.ticks.complete();
    this.postbacks.complete();
    this.errors.complete();
    this.messages.complete();
  }
}
