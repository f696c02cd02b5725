import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import WebSocket from 'ws';
import type { ConnectionState } from '../port/account.js';

/** A frame received on the socket: text (JSON messages) or binary (ticks). */
export type SocketFrame =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'binary'; readonly bytes: Uint8Array };

/** How a {@link ReconnectingSocket} connects and recovers. */
export interface ReconnectingSocketOptions {
  /** Resolves the URL (and headers) for each attempt; Upstox must authorize anew every time. */
  readonly endpoint: () => Promise<{ url: string; headers?: Record<string, string> }>;
  /** Called after every successful open, before queued sends: re-authenticate and resubscribe. */
  readonly onOpen?: (socket: ReconnectingSocket) => void;
  /** Reconnect when nothing (not even a heartbeat) arrives for this long. Default 10 s. */
  readonly readTimeoutMs?: number;
  /** First reconnect delay; doubles per failed attempt up to `maxBackoffMs`. Default 250 ms. */
  readonly initialBackoffMs?: number;
  /** Default 30 s. */
  readonly maxBackoffMs?: number;
  /** Give up after this many consecutive failed attempts. Default: never. */
  readonly maxAttempts?: number;
  /** Sent every `pingIntervalMs` as an application-level heartbeat (SmartAPI's "ping"). */
  readonly ping?: { readonly message: string; readonly intervalMs: number };
}

/**
 * A WebSocket that reconnects with exponential backoff, detects silent connections with a read
 * timeout, and lets the adapter resubscribe on every open. Frames come out as one Observable
 * that survives reconnects; connection state is its own Observable.
 *
 * @example
 * ```ts
 * const socket = new ReconnectingSocket({
 *   endpoint: async () => ({ url: `ws://127.0.0.1:${port}/?api_key=k&access_token=t` }),
 *   onOpen: (s) => s.send(JSON.stringify({ a: 'subscribe', v: [408065] })),
 * });
 * socket.frames$.subscribe((frame) => console.log(frame.kind));
 * socket.connect();
 * ```
 */
export class ReconnectingSocket {
  private readonly state = new BehaviorSubject<ConnectionState>('closed');
  private readonly frames = new Subject<SocketFrame>();
  private socket: WebSocket | undefined;
  private attempts = 0;
  private stopped = true;
  private readTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private wasOpen = false;
  /** Number of times the socket was re-opened after a drop. */
  reconnects = 0;

  readonly state$: Observable<ConnectionState> = this.state.asObservable();
  readonly frames$: Observable<SocketFrame> = this.frames.asObservable();

  constructor(private readonly options: ReconnectingSocketOptions) {}

  /** Current connection state. */
  get connectionState(): ConnectionState {
    return this.state.value;
  }

  /** Starts connecting (idempotent). */
  connect(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  /** Sends a frame when connected; returns false (and sends nothing) otherwise. */
  send(data: string | Uint8Array): boolean {
    const socket = this.socket;
    if (socket === undefined || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(data);
    return true;
  }

  /** Drops the current connection as if the network failed (reconnects unless closed). */
  terminate(): void {
    this.socket?.terminate();
  }

  /** Closes for good and completes the streams. */
  close(): void {
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = undefined;
    if (socket !== undefined) {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.terminate();
    }
    this.state.next('closed');
    this.frames.complete();
    this.state.complete();
  }

  private open(): void {
    this.state.next(this.wasOpen || this.attempts > 0 ? 'reconnecting' : 'connecting');
    this.options.endpoint().then(
      ({ url, headers }) => {
        if (this.stopped) return;
        const socket = new WebSocket(url, headers === undefined ? {} : { headers });
        socket.binaryType = 'nodebuffer';
        this.socket = socket;
        socket.on('open', () => {
          if (this.wasOpen) this.reconnects += 1;
          this.wasOpen = true;
          this.attempts = 0;
          this.state.next('connected');
          this.armReadTimeout();
          this.startPing();
          this.options.onOpen?.(this);
        });
        socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
          this.armReadTimeout();
          const bytes = toBytes(data);
          if (isBinary) this.frames.next({ kind: 'binary', bytes });
          else this.frames.next({ kind: 'text', text: new TextDecoder().decode(bytes) });
        });
        socket.on('error', () => undefined); // 'close' follows and schedules the retry
        socket.on('close', () => this.onDrop(socket));
      },
      () => this.onDrop(undefined),
    );
  }

  private onDrop(socket: WebSocket | undefined): void {
    if (socket !== undefined && socket !== this.socket) return;
    this.socket = undefined;
    this.clearTimers();
    if (this.stopped) return;
    this.attempts += 1;
    const max = this.options.maxAttempts;
    if (max !== undefined && this.attempts > max) {
      this.stopped = true;
      this.state.next('closed');
      return;
    }
    this.state.next('reconnecting');
    const initial = this.options.initialBackoffMs ?? 250;
    const cap = this.options.maxBackoffMs ?? 30_000;
    const delay = Math.min(cap, initial * 2 ** (this.attempts - 1));
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private armReadTimeout(): void {
    if (this.readTimer !== undefined) clearTimeout(this.readTimer);
    const ms = this.options.readTimeoutMs ?? 10_000;
    this.readTimer = setTimeout(() => this.socket?.terminate(), ms);
  }

  private startPing(): void {
    const ping = this.options.ping;
    if (ping === undefined) return;
    this.pingTimer = setInterval(() => this.send(ping.message), ping.intervalMs);
  }

  private clearTimers(): void {
    if (this.readTimer !== undefined) clearTimeout(this.readTimer);
    if (this.pingTimer !== undefined) clearInterval(this.pingTimer);
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.readTimer = undefined;
    this.pingTimer = undefined;
    this.retryTimer = undefined;
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
