import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type WebSocket from 'ws';
import { encodeUpstoxFeed, fakeFeedEntry, type FakeFeedQuote } from './encode-upstox-feed.js';

/** A feed request the fake received. */
export interface FakeFeedRequest {
  readonly method: string;
  readonly mode?: string;
  readonly instrumentKeys: readonly string[];
  /** Whether it came as a binary frame (Upstox requires binary). */
  readonly binary: boolean;
}

interface FeedClient {
  readonly ws: WebSocket;
  readonly tcp: Socket;
  readonly subscriptions: Map<string, string>;
}

/**
 * Market Data Feed v3 side of the fake: sends `market_info` on connect, answers `sub` and
 * `change_mode` (and `sub` with a new mode, as UJS sends it) with an `initial_feed` snapshot,
 * then `live_feed` for every {@link publish}. Also injects faults: malformed frames, a drop in
 * the middle of a frame, a plain drop.
 *
 * @example
 * ```ts
 * fake.feed.publish('NSE_EQ|INE002A01018', { ltp: 2500.5, ltq: 10 });
 * ```
 */
export class FakeUpstoxFeed {
  private readonly clients = new Set<FeedClient>();
  private readonly quotes = new Map<string, FakeFeedQuote>();
  /** Every request received, oldest first. */
  readonly requests: FakeFeedRequest[] = [];
  /** Sockets accepted so far. */
  connections = 0;

  constructor(
    private readonly now: () => number,
    private readonly pingIntervalMs: number,
  ) {}

  /** Number of open feed sockets. */
  get openSockets(): number {
    return this.clients.size;
  }

  /** Union of the open sockets' subscriptions: instrument key → mode. */
  subscriptions(): Map<string, string> {
    const all = new Map<string, string>();
    for (const client of this.clients) for (const [k, m] of client.subscriptions) all.set(k, m);
    return all;
  }

  /** Latest market state of an instrument key. */
  quote(key: string): FakeFeedQuote | undefined {
    return this.quotes.get(key);
  }

  /** Updates an instrument's market state and sends a `live_feed` to its subscribers. */
  publish(key: string, change: Partial<FakeFeedQuote>): void {
    const previous = this.quotes.get(key);
    const ltp = change.ltp ?? previous?.ltp ?? 0;
    const quote: FakeFeedQuote = {
      ltp,
      ltt: change.ltt ?? this.now(),
      ltq: change.ltq ?? previous?.ltq ?? 1,
      cp: change.cp ?? previous?.cp ?? ltp,
      volume: change.volume ?? previous?.volume ?? 0,
      oi: change.oi ?? previous?.oi ?? 0,
      atp: change.atp ?? previous?.atp ?? ltp,
      depth: change.depth ??
        previous?.depth ?? [{ bidQ: 10, bidP: ltp - 0.05, askQ: 12, askP: ltp + 0.05 }],
    };
    this.quotes.set(key, quote);
    for (const client of this.clients) {
      const mode = client.subscriptions.get(key);
      if (mode === undefined) continue;
      client.ws.send(
        encodeUpstoxFeed('live_feed', this.now(), { [key]: fakeFeedEntry(key, mode, quote) }),
      );
    }
  }

  /** Sends raw bytes as a binary frame to every open socket. */
  sendBytes(bytes: Uint8Array): void {
    for (const client of this.clients) client.ws.send(bytes);
  }

  /** Sends a text frame to every open socket. */
  sendText(text: string): void {
    for (const client of this.clients) client.ws.send(text);
  }

  /** Sends frames that are not valid `FeedResponse`s: truncated, bad wire type, bad enum. */
  sendMalformed(): void {
    this.sendBytes(new Uint8Array([0x12, 0x40, 0x0a])); // field 2 claims 64 bytes, has 1
    this.sendBytes(new Uint8Array([0x0f, 0x01])); // field 1 with wire type 7
    this.sendBytes(new Uint8Array([0x08, 0x09])); // type = 9, not in the enum
  }

  /** Terminates every feed socket (the client should re-authorize and reconnect). */
  dropAll(): void {
    for (const client of this.clients) client.ws.terminate();
  }

  /** Writes the header and half the payload of a binary frame, then cuts the TCP connection. */
  dropMidFrame(): void {
    const payload = encodeUpstoxFeed('live_feed', this.now(), {});
    for (const client of this.clients) {
      const header = Buffer.from([0x82, 100]); // FIN + binary, 100-byte unmasked payload
      client.tcp.write(Buffer.concat([header, Buffer.from(payload), Buffer.alloc(20)]));
      client.tcp.destroy();
    }
  }

  /** Takes over an upgraded feed socket. */
  accept(ws: WebSocket, request: IncomingMessage): void {
    const client: FeedClient = { ws, tcp: request.socket, subscriptions: new Map() };
    this.clients.add(client);
    this.connections += 1;
    const ping = setInterval(() => ws.ping(), this.pingIntervalMs);
    ws.on('close', () => {
      clearInterval(ping);
      this.clients.delete(client);
    });
    ws.on('error', () => undefined);
    ws.on('message', (data: WebSocket.RawData, isBinary: boolean) =>
      this.onRequest(client, data, isBinary),
    );
    ws.send(
      encodeUpstoxFeed(
        'market_info',
        this.now(),
        {},
        { NSE_EQ: 2, NSE_FO: 2, NSE_INDEX: 2, BSE_EQ: 2 },
      ),
    );
  }

  /** Closes every socket. */
  close(): void {
    for (const client of this.clients) client.ws.terminate();
    this.clients.clear();
  }

  private onRequest(client: FeedClient, data: WebSocket.RawData, isBinary: boolean): void {
    const text = Buffer.isBuffer(data)
      ? data.toString('utf8')
      : Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.from(data).toString('utf8');
    let request: { method?: unknown; data?: { mode?: unknown; instrumentKeys?: unknown } };
    try {
      request = JSON.parse(text) as typeof request;
    } catch {
      return;
    }
    const method = String(request.method);
    const keys = Array.isArray(request.data?.instrumentKeys)
      ? request.data.instrumentKeys.map(String)
      : [];
    const mode = typeof request.data?.mode === 'string' ? request.data.mode : undefined;
    this.requests.push({
      method,
      ...(mode === undefined ? {} : { mode }),
      instrumentKeys: keys,
      binary: isBinary,
    });
    if (!isBinary) return; // Upstox reads requests from binary frames only
    if (method === 'unsub') {
      for (const key of keys) client.subscriptions.delete(key);
      return;
    }
    if (method !== 'sub' && method !== 'change_mode') return;
    const feeds: Record<string, Record<string, unknown>> = {};
    for (const key of keys) {
      const effective = mode ?? client.subscriptions.get(key) ?? 'ltpc';
      client.subscriptions.set(key, effective);
      const quote = this.quotes.get(key);
      if (quote !== undefined) feeds[key] = fakeFeedEntry(key, effective, quote);
    }
    client.ws.send(encodeUpstoxFeed('initial_feed', this.now(), feeds));
  }
}
