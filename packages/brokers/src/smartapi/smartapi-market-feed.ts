import { Subject, type Observable } from 'rxjs';
import type { ConnectionState } from '../port/account.js';
import { ReconnectingSocket, type SocketFrame } from '../transport/reconnecting-socket.js';
import type { SmartApiMode } from './smartapi-enums.js';
import { tokenKey } from './smartapi-instruments.js';
import type { SmartApiTokens } from './smartapi-rest-client.js';
import { decodeSmartApiTick, type SmartApiTick } from './smartapi-tick-decoder.js';

/** How the market feed connects (BROKERS.md §3.5). */
export interface SmartApiMarketFeedOptions {
  /** Default `wss://smartapisocket.angelone.in/smart-stream`. */
  readonly url: string;
  readonly apiKey: string;
  readonly clientCode: string;
  /** The current session (read on every connect, so a refresh is picked up). */
  readonly tokens: () => SmartApiTokens | undefined;
  /** Text `ping` interval; ADOC says 30 s. */
  readonly pingIntervalMs?: number;
  /** Reconnect when nothing arrives for this long (must exceed the ping interval). Default 45 s. */
  readonly readTimeoutMs?: number;
  readonly initialBackoffMs?: number;
}

/** A socket token: exchange type plus token. */
export interface SmartApiFeedToken {
  readonly exchangeType: number;
  readonly token: string;
}

interface Subscription extends SmartApiFeedToken {
  readonly mode: SmartApiMode;
}

/** A JSON error frame of the socket (`E1001` invalid payload, `E1002` limit exceeded). */
export interface SmartApiFeedError {
  readonly correlationID?: string;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/**
 * SmartWebSocket V2 client: header auth, JSON subscribe/unsubscribe requests, text `ping`
 * heartbeat, binary packets decoded into {@link SmartApiTick}s, resubscription after every
 * reconnect. Malformed frames are counted in `malformedFrames` and skipped; they never end the
 * stream.
 *
 * @example
 * ```ts
 * const feed = new SmartApiMarketFeed({ url, apiKey, clientCode, tokens: () => rest.tokens });
 * feed.packets$.subscribe((p) => console.log(p.token, p.ltp));
 * feed.subscribe([{ exchangeType: 1, token: '3045' }], 3);
 * ```
 */
export class SmartApiMarketFeed {
  private readonly socket: ReconnectingSocket;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly packets = new Subject<SmartApiTick>();
  private readonly feedErrors = new Subject<SmartApiFeedError>();
  private started = false;
  /** Frames that could not be decoded (skipped). */
  malformedFrames = 0;

  readonly packets$: Observable<SmartApiTick> = this.packets.asObservable();
  /** E1001/E1002 answers of the server. */
  readonly errors$: Observable<SmartApiFeedError> = this.feedErrors.asObservable();
  readonly state$: Observable<ConnectionState>;

  constructor(private readonly options: SmartApiMarketFeedOptions) {
    this.socket = new ReconnectingSocket({
      endpoint: () => Promise.resolve(this.endpoint()),
      onOpen: () => this.resubscribe(),
      ping: { message: 'ping', intervalMs: options.pingIntervalMs ?? 30_000 },
      readTimeoutMs: options.readTimeoutMs ?? 45_000,
      ...(options.initialBackoffMs === undefined
        ? {}
        : { initialBackoffMs: options.initialBackoffMs }),
    });
    this.state$ = this.socket.state$;
    this.socket.frames$.subscribe({
      next: (frame) => this.onFrame(frame),
      complete: () => {
        this.packets.complete();
        this.feedErrors.complete();
      },
    });
  }

  /** Times the socket was re-opened after a drop. */
  get reconnects(): number {
    return this.socket.reconnects;
  }

  /** Adds tokens in a mode (a token already subscribed in another mode is moved). */
  subscribe(tokens: readonly SmartApiFeedToken[], mode: SmartApiMode): void {
    const moved: Subscription[] = [];
    const added: Subscription[] = [];
    for (const t of tokens) {
      const key = tokenKey(t.exchangeType, t.token);
      const old = this.subscriptions.get(key);
      if (old?.mode === mode) continue;
      if (old !== undefined) moved.push(old);
      const entry = { exchangeType: t.exchangeType, token: t.token, mode };
      this.subscriptions.set(key, entry);
      added.push(entry);
    }
    if (!this.started) {
      this.started = true;
      this.socket.connect();
      return; // onOpen sends the whole subscription
    }
    this.sendRequests(0, moved);
    this.sendRequests(1, added);
  }

  /** Removes tokens from the subscription. */
  unsubscribe(tokens: readonly SmartApiFeedToken[]): void {
    const removed: Subscription[] = [];
    for (const t of tokens) {
      const key = tokenKey(t.exchangeType, t.token);
      const old = this.subscriptions.get(key);
      if (old === undefined) continue;
      this.subscriptions.delete(key);
      removed.push(old);
    }
    this.sendRequests(0, removed);
  }

  /** Drops the connection as a network failure would (it reconnects and resubscribes). */
  dropConnection(): void {
    this.socket.terminate();
  }

  close(): void {
    this.socket.close();
  }

  private endpoint(): { url: string; headers: Record<string, string> } {
    const tokens = this.options.tokens();
    if (tokens === undefined) throw new Error('smartapi market feed needs a session: log in first');
    return {
      url: this.options.url,
      headers: {
        Authorization: `Bearer ${tokens.jwtToken}`,
        'x-api-key': this.options.apiKey,
        'x-client-code': this.options.clientCode,
        'x-feed-token': tokens.feedToken,
      },
    };
  }

  private resubscribe(): void {
    this.sendRequests(1, [...this.subscriptions.values()]);
  }

  /** One request per mode, tokens grouped by exchange type. */
  private sendRequests(action: 0 | 1, entries: readonly Subscription[]): void {
    const byMode = new Map<SmartApiMode, Map<number, string[]>>();
    for (const e of entries) {
      let byExchange = byMode.get(e.mode);
      if (byExchange === undefined) byMode.set(e.mode, (byExchange = new Map<number, string[]>()));
      const list = byExchange.get(e.exchangeType);
      if (list === undefined) byExchange.set(e.exchangeType, [e.token]);
      else list.push(e.token);
    }
    for (const [mode, byExchange] of byMode) {
      const tokenList = [...byExchange].map(([exchangeType, list]) => ({
        exchangeType,
        tokens: list,
      }));
      this.socket.send(
        JSON.stringify({ correlationID: 'pravah', action, params: { mode, tokenList } }),
      );
    }
  }

  private onFrame(frame: SocketFrame): void {
    if (frame.kind === 'binary') {
      let packet: SmartApiTick;
      try {
        packet = decodeSmartApiTick(frame.bytes);
      } catch {
        this.malformedFrames += 1;
        return;
      }
      this.packets.next(packet);
      return;
    }
    if (frame.text === 'pong') return;
    try {
      const message = JSON.parse(frame.text) as Partial<SmartApiFeedError>;
      if (typeof message.errorCode === 'string') {
        this.feedErrors.next({
          errorCode: message.errorCode,
          errorMessage: String(message.errorMessage ?? ''),
          ...(typeof message.correlationID === 'string'
            ? { correlationID: message.correlationID }
            : {}),
        });
        return;
      }
    } catch {
      // not JSON: counted below
    }
    this.malformedFrames += 1;
  }
}
