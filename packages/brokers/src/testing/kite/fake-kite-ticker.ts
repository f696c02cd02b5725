import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { KiteTick } from '../../kite/ticker/kite-tick.js';
import type { SubscriptionMode } from '../../port/account.js';
import { encodeKiteTicks } from './kite-tick-encoder.js';

/** How the fake Kite ticker authenticates and how often it sends heartbeats. */
export interface FakeKiteTickerOptions {
  /** Decides whether the `api_key` / `access_token` of a connection are a live session. */
  isValidSession(apiKey: string, accessToken: string): boolean;
  /** Idle time after which a 1-byte heartbeat is sent, as Kite does about every second. 0 turns heartbeats off. Default 1000. */
  readonly heartbeatMs?: number;
}

/** One connected client as the fake sees it. */
export interface FakeKiteTickerClient {
  readonly apiKey: string;
  /** The request path and query the client connected with (KJS adds `uid`). */
  readonly url: string;
  /** Subscribed tokens and their modes. */
  readonly subscriptions: ReadonlyMap<number, SubscriptionMode>;
}

/** Control handle of a fake Kite ticker attached to an HTTP server. */
export interface FakeKiteTicker {
  /** Connected clients, oldest first. */
  clients(): readonly FakeKiteTickerClient[];
  /** Per connected client (oldest first), its subscribed tokens and their modes. */
  subscriptions(): readonly ReadonlyMap<number, SubscriptionMode>[];
  /** Upgrade requests refused with 403 (bad session). */
  rejectedConnections(): number;
  /** Text messages received from clients, in order (JSON as sent). */
  received(): readonly string[];
  /**
   * Sends each client one frame with the ticks of the tokens it subscribed, each in the mode it
   * chose. Ticks must carry the data of the highest mode a client may ask for (full ticks do).
   * Returns how many frames were sent.
   */
  broadcast(ticks: readonly KiteTick[]): number;
  /** Sends `{"type":"order","data":order}` to every client, as Kite's order postback. */
  sendPostback(order: object): void;
  /** Sends `{"type":"error","data":message}` to every client. */
  sendError(message: string): void;
  /** Sends these bytes as one binary message to every client (for malformed-frame tests). */
  sendRaw(bytes: Uint8Array): void;
  /** Cuts every connection without a close handshake. */
  dropConnections(): void;
  /** Sends every client the first half of a WebSocket frame of ticks, then destroys the TCP socket. */
  dropMidFrame(): void;
  /** Closes every connection and stops answering upgrades (the HTTP server stays open). */
  close(): void;
}

interface ClientState {
  readonly ws: WebSocket;
  readonly socket: Duplex;
  readonly apiKey: string;
  readonly url: string;
  readonly modes: Map<number, SubscriptionMode>;
  lastSentAt: number;
}

const MODES: readonly string[] = ['ltp', 'quote', 'full'];

/**
 * Serves Kite's WebSocket ticker protocol on an existing `node:http` server: authenticates the
 * upgrade by the `api_key` and `access_token` query parameters (403 with a TokenException body
 * otherwise), takes `subscribe` / `unsubscribe` / `mode` JSON commands (default mode quote,
 * string tokens ignored as Kite does), sends binary tick frames in each client's modes, JSON
 * postbacks and errors, 1-byte heartbeats when idle, and answers protocol pings.
 *
 * @example
 * ```ts
 * const server = createServer(restHandler);
 * const ticker = attachFakeKiteTicker(server, { isValidSession: (k, t) => k === 'key' && t === 'token' });
 * server.listen(0, '127.0.0.1');
 * // ... client subscribes ...
 * ticker.broadcast([fullTick]);
 * ```
 */
export function attachFakeKiteTicker(
  server: Server,
  options: FakeKiteTickerOptions,
): FakeKiteTicker {
  const wss = new WebSocketServer({ noServer: true });
  const clients: ClientState[] = [];
  const received: string[] = [];
  let rejected = 0;
  const heartbeatMs = options.heartbeatMs ?? 1000;

  const send = (client: ClientState, data: string | Uint8Array): void => {
    if (client.ws.readyState !== client.ws.OPEN) return;
    client.ws.send(data);
    client.lastSentAt = Date.now();
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://fake-kite');
    if (url.pathname !== '/') {
      refuse(socket, 404, 'Not Found', 'GeneralException', 'Route not found');
      return;
    }
    const apiKey = url.searchParams.get('api_key') ?? '';
    const accessToken = url.searchParams.get('access_token') ?? '';
    if (!options.isValidSession(apiKey, accessToken)) {
      rejected += 1;
      refuse(socket, 403, 'Forbidden', 'TokenException', 'Incorrect `api_key` or `access_token`.');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const client: ClientState = {
        ws,
        socket,
        apiKey,
        url: request.url ?? '/',
        modes: new Map(),
        lastSentAt: Date.now(),
      };
      clients.push(client);
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary) return;
        const text = data.toString('utf8');
        received.push(text);
        applyCommand(client.modes, text);
      });
      ws.on('error', () => undefined);
      ws.on('close', () => {
        const at = clients.indexOf(client);
        if (at >= 0) clients.splice(at, 1);
      });
    });
  };
  server.on('upgrade', onUpgrade);

  const heartbeat =
    heartbeatMs > 0
      ? setInterval(
          () => {
            const now = Date.now();
            for (const client of clients) {
              if (now - client.lastSentAt >= heartbeatMs) send(client, new Uint8Array([0]));
            }
          },
          Math.max(10, Math.floor(heartbeatMs / 4)),
        )
      : undefined;
  heartbeat?.unref();

  return {
    clients: () =>
      clients.map((c) => ({ apiKey: c.apiKey, url: c.url, subscriptions: new Map(c.modes) })),
    subscriptions: () => clients.map((c) => new Map(c.modes)),
    rejectedConnections: () => rejected,
    received: () => [...received],
    broadcast: (ticks) => {
      let frames = 0;
      for (const client of clients) {
        const wanted = ticks.filter((tick) => client.modes.has(tick.instrumentToken));
        if (wanted.length === 0) continue;
        send(client, encodeKiteTicks(wanted, client.modes));
        frames += 1;
      }
      return frames;
    },
    sendPostback: (order) => {
      const text = JSON.stringify({ type: 'order', data: order });
      for (const client of clients) send(client, text);
    },
    sendError: (message) => {
      const text = JSON.stringify({ type: 'error', data: message });
      for (const client of clients) send(client, text);
    },
    sendRaw: (bytes) => {
      for (const client of clients) send(client, bytes);
    },
    dropConnections: () => {
      for (const client of [...clients]) client.ws.terminate();
    },
    dropMidFrame: () => {
      for (const client of [...clients]) {
        const tokens = [...client.modes.keys()];
        const payload = encodeKiteTicks(
          tokens.map((token) => ({
            mode: 'ltp',
            tradable: true,
            instrumentToken: token,
            lastPrice: 1,
          })),
        );
        const frame = webSocketBinaryFrameHeader(payload.length);
        // Destroy only once the half frame is flushed, so the client really sees a cut frame.
        const half = Buffer.concat([frame, payload.subarray(0, payload.length >> 1)]);
        client.socket.write(half, () => client.socket.destroy());
      }
    },
    close: () => {
      if (heartbeat !== undefined) clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const client of [...clients]) client.ws.terminate();
      wss.close();
    },
  };
}

/** Applies one client command to its subscriptions; unknown or malformed commands are ignored. */
function applyCommand(modes: Map<number, SubscriptionMode>, text: string): void {
  let command: unknown;
  try {
    command = JSON.parse(text);
  } catch {
    return;
  }
  if (typeof command !== 'object' || command === null) return;
  const { a, v } = command as { a?: unknown; v?: unknown };
  if (a === 'subscribe' && Array.isArray(v)) {
    for (const token of numericTokens(v)) if (!modes.has(token)) modes.set(token, 'quote');
  } else if (a === 'unsubscribe' && Array.isArray(v)) {
    for (const token of numericTokens(v)) modes.delete(token);
  } else if (a === 'mode' && Array.isArray(v) && MODES.includes(v[0] as string)) {
    const mode = v[0] as SubscriptionMode;
    const tokens: unknown = v[1];
    if (!Array.isArray(tokens)) return;
    for (const token of numericTokens(tokens)) if (modes.has(token)) modes.set(token, mode);
  }
}

function numericTokens(values: readonly unknown[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0);
}

/** Header of an unmasked, final, binary WebSocket frame (server to client) of `length` bytes. */
function webSocketBinaryFrameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([0x82, length]);
  if (length <= 0xffff) return Buffer.from([0x82, 126, length >> 8, length & 0xff]);
  const header = Buffer.alloc(10);
  header[0] = 0x82;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

function refuse(
  socket: Duplex,
  status: number,
  text: string,
  errorType: string,
  message: string,
): void {
  const body = JSON.stringify({ status: 'error', message, data: null, error_type: errorType });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
