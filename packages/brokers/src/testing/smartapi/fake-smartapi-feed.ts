import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { encodeSmartApiTick, type FakeSmartApiTick } from './fake-smartapi-tick-encoder.js';

/** A token subscription one client holds. */
export interface FakeFeedSubscription {
  readonly exchangeType: number;
  readonly token: string;
  readonly mode: 1 | 2 | 3;
}

const EXCHANGE_TYPES = new Set([1, 2, 3, 4, 5, 7, 13]);
const MAX_SUBSCRIPTIONS = 1000;

interface Client {
  readonly ws: WebSocket;
  readonly raw: Duplex;
  /** key `${exchangeType}|${token}` -> modes */
  readonly subscriptions: Map<string, Set<1 | 2 | 3>>;
}

/**
 * The fake SmartWebSocket V2 endpoint: JSON subscribe/unsubscribe requests (E1001/E1002 error
 * frames), text `ping` -> `pong` and protocol pings, binary ticks per subscribed mode, and
 * faults: drops, a frame cut in the middle, raw malformed frames.
 */
export class FakeSmartApiFeed {
  private readonly clients = new Set<Client>();
  readonly wss = new WebSocketServer({ noServer: true });
  /** Every JSON request received, in order. */
  readonly requests: unknown[] = [];
  /** Text pings answered. */
  pings = 0;
  /** Connections accepted since start. */
  accepted = 0;

  /** Takes over an authenticated upgrade. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const client: Client = { ws, raw: socket, subscriptions: new Map() };
      this.clients.add(client);
      this.accepted += 1;
      ws.on('close', () => this.clients.delete(client));
      ws.on('error', () => undefined);
      ws.on('message', (data: RawData, isBinary: boolean) => {
        if (!isBinary) this.onText(client, rawText(data));
      });
    });
  }

  /** Open connections. */
  connections(): number {
    return this.clients.size;
  }

  /** Union of every client's subscriptions. */
  subscriptions(): FakeFeedSubscription[] {
    const out: FakeFeedSubscription[] = [];
    for (const client of this.clients) {
      for (const [key, modes] of client.subscriptions) {
        const [type, token] = key.split('|');
        for (const mode of modes)
          out.push({ exchangeType: Number(type), token: token ?? '', mode });
      }
    }
    return out;
  }

  /** Sends the tick to every client subscribed to its token, once per subscribed mode. */
  publish(tick: FakeSmartApiTick): number {
    let sent = 0;
    const key = `${tick.exchangeType}|${tick.token}`;
    for (const client of this.clients) {
      const modes = client.subscriptions.get(key);
      if (modes === undefined || client.ws.readyState !== WebSocket.OPEN) continue;
      for (const mode of modes) {
        client.ws.send(encodeSmartApiTick(tick, mode));
        sent += 1;
      }
    }
    return sent;
  }

  /** Sends raw bytes as a binary frame to every client (malformed-frame faults). */
  sendRaw(bytes: Uint8Array): void {
    for (const client of this.clients) client.ws.send(bytes, { binary: true });
  }

  /** Sends a text frame to every client. */
  sendText(text: string): void {
    for (const client of this.clients) client.ws.send(text);
  }

  /** Terminates every connection without a close frame. */
  dropConnections(): void {
    for (const client of this.clients) client.ws.terminate();
  }

  /**
   * Writes the first half of a binary frame carrying `tick` straight to each TCP socket and
   * destroys it: the client sees a connection dropped in the middle of a frame.
   */
  dropMidFrame(tick: FakeSmartApiTick, mode: 1 | 2 | 3): void {
    const payload = encodeSmartApiTick(tick, mode);
    const header =
      payload.length < 126
        ? Buffer.from([0x82, payload.length])
        : Buffer.from([0x82, 126, payload.length >> 8, payload.length & 0xff]);
    const partial = Buffer.concat([header, payload.subarray(0, payload.length >> 1)]);
    for (const client of this.clients) {
      client.raw.write(partial, () => client.raw.destroy());
    }
  }

  close(): void {
    for (const client of this.clients) client.ws.terminate();
    this.wss.close();
  }

  private onText(client: Client, text: string): void {
    if (text === 'ping') {
      this.pings += 1;
      client.ws.send('pong');
      return;
    }
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch {
      request = undefined;
    }
    this.requests.push(request);
    const parsed = readRequest(request);
    if (parsed === undefined) {
      client.ws.send(
        JSON.stringify({
          correlationID: correlationOf(request),
          errorCode: 'E1001',
          errorMessage: 'Invalid Request Payload.',
        }),
      );
      return;
    }
    const { action, mode, tokens } = parsed;
    if (action === 1) {
      let count = 0;
      for (const modes of client.subscriptions.values()) count += modes.size;
      const added = tokens.filter((t) => !client.subscriptions.get(t)?.has(mode)).length;
      if (count + added > MAX_SUBSCRIPTIONS) {
        client.ws.send(
          JSON.stringify({
            correlationID: correlationOf(request),
            errorCode: 'E1002',
            errorMessage: 'Invalid Request. Subscription Limit Exceeded.',
          }),
        );
        return;
      }
      for (const key of tokens) {
        const modes = client.subscriptions.get(key) ?? new Set<1 | 2 | 3>();
        modes.add(mode);
        client.subscriptions.set(key, modes);
      }
    } else {
      for (const key of tokens) {
        const modes = client.subscriptions.get(key);
        modes?.delete(mode);
        if (modes?.size === 0) client.subscriptions.delete(key);
      }
    }
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function correlationOf(request: unknown): string {
  if (typeof request === 'object' && request !== null && 'correlationID' in request) {
    return String(request.correlationID);
  }
  return '';
}

function readRequest(
  request: unknown,
): { action: 0 | 1; mode: 1 | 2 | 3; tokens: string[] } | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const { action, params } = request as { action?: unknown; params?: unknown };
  if (action !== 0 && action !== 1) return undefined;
  if (typeof params !== 'object' || params === null) return undefined;
  const { mode, tokenList } = params as { mode?: unknown; tokenList?: unknown };
  if (mode !== 1 && mode !== 2 && mode !== 3) return undefined;
  if (!Array.isArray(tokenList) || tokenList.length === 0) return undefined;
  const tokens: string[] = [];
  for (const entry of tokenList as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return undefined;
    const { exchangeType, tokens: list } = entry as { exchangeType?: unknown; tokens?: unknown };
    if (typeof exchangeType !== 'number' || !EXCHANGE_TYPES.has(exchangeType)) return undefined;
    if (!Array.isArray(list) || !list.every((t) => typeof t === 'string' && t !== '')) {
      return undefined;
    }
    for (const token of list as string[]) tokens.push(`${exchangeType}|${token}`);
  }
  return { action, mode, tokens };
}
