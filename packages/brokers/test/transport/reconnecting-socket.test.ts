import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConnectionState } from '../../src/port/index.js';
import { ReconnectingSocket, type SocketFrame } from '../../src/transport/index.js';

let server: Server;
let wss: WebSocketServer;
let url = '';
const received: string[] = [];
const clients = new Set<WebSocket>();

beforeAll(async () => {
  server = createServer();
  wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      received.push(text);
      ws.send(`echo:${text}`);
      ws.send(Buffer.from([1, 2, 3]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const c of clients) c.terminate();
  wss.close();
  await new Promise((resolve) => server.close(resolve));
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ReconnectingSocket', () => {
  it('delivers text and binary frames and re-runs onOpen after a drop', async () => {
    let opens = 0;
    const states: ConnectionState[] = [];
    const socket = new ReconnectingSocket({
      endpoint: () => Promise.resolve({ url }),
      onOpen: (s) => {
        opens += 1;
        s.send(`hello-${opens}`);
      },
      initialBackoffMs: 20,
    });
    socket.state$.subscribe((s) => states.push(s));
    const firstTwo = firstValueFrom(socket.frames$.pipe(take(2), toArray()));
    socket.connect();
    const frames: SocketFrame[] = await firstTwo;
    expect(frames[0]).toEqual({ kind: 'text', text: 'echo:hello-1' });
    expect(frames[1]?.kind).toBe('binary');
    expect(Array.from((frames[1] as { bytes: Uint8Array }).bytes)).toEqual([1, 2, 3]);

    for (const c of clients) c.terminate();
    await until(() => received.includes('hello-2'));
    expect(socket.reconnects).toBe(1);
    expect(states).toContain('reconnecting');
    expect(socket.connectionState).toBe('connected');
    socket.close();
    expect(socket.connectionState).toBe('closed');
  });

  it('reconnects when the connection goes silent past the read timeout', async () => {
    const socket = new ReconnectingSocket({
      endpoint: () => Promise.resolve({ url }),
      readTimeoutMs: 150,
      initialBackoffMs: 20,
    });
    socket.connect();
    await firstValueFrom(socket.state$.pipe(filter((s) => s === 'connected')));
    await until(() => socket.reconnects >= 1);
    socket.close();
  });

  it('gives up after maxAttempts when the endpoint refuses', async () => {
    const socket = new ReconnectingSocket({
      endpoint: () => Promise.resolve({ url: 'ws://127.0.0.1:1' }),
      initialBackoffMs: 5,
      maxAttempts: 2,
    });
    socket.connect();
    await until(() => socket.connectionState === 'closed');
    expect(socket.send('x')).toBe(false);
    socket.close();
  });
});
