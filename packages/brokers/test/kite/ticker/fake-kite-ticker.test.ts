import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  encodeKiteTicks,
  KiteTickEncodeError,
} from '../../../src/testing/kite/kite-tick-encoder.js';
import type { KiteTick } from '../../../src/kite/ticker/index.js';
import {
  ACCESS_TOKEN,
  API_KEY,
  startFakeKite,
  until,
  type RunningFake,
} from './fake-kite-server.js';

const running: RunningFake[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const server of running.splice(0)) await server.stop();
});

async function rawClient(heartbeatMs?: number) {
  const server = await startFakeKite(heartbeatMs);
  running.push(server);
  const socket = new WebSocket(
    `${server.url}?api_key=${API_KEY}&access_token=${ACCESS_TOKEN}&uid=1`,
  );
  sockets.push(socket);
  const binary: Buffer[] = [];
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) binary.push(data);
  });
  await new Promise((resolve) => socket.once('open', resolve));
  return { server, socket, binary };
}

describe('fake Kite ticker, wire details', () => {
  it('defaults to quote mode, ignores string tokens and mode changes of unsubscribed tokens', async () => {
    const { server, socket } = await rawClient();
    socket.send(JSON.stringify({ a: 'subscribe', v: ['408065', 738561] }));
    socket.send(JSON.stringify({ a: 'mode', v: ['full', [884737]] }));
    socket.send('not json');
    socket.send(JSON.stringify({ a: 'mode', v: ['depth', [738561]] }));
    await until(() => server.fake.received().length === 4, 'four commands');
    expect([...(server.fake.subscriptions()[0] ?? [])]).toEqual([[738561, 'quote']]);
    expect(server.fake.clients()[0]).toMatchObject({ apiKey: API_KEY });
  });

  it('sends 1-byte heartbeats when idle and answers protocol pings', async () => {
    const { socket, binary } = await rawClient(50);
    await until(() => binary.length >= 2, 'two heartbeats');
    expect(binary[0]?.length).toBe(1);
    const pong = new Promise((resolve) => socket.once('pong', resolve));
    socket.ping();
    await pong;
  });

  it('broadcasts only subscribed tokens, each in its mode', async () => {
    const { server, socket, binary } = await rawClient(0);
    socket.send(JSON.stringify({ a: 'subscribe', v: [884737] }));
    socket.send(JSON.stringify({ a: 'mode', v: ['ltp', [884737]] }));
    await until(() => server.fake.subscriptions()[0]?.get(884737) === 'ltp', 'ltp mode');
    const ltp = (instrumentToken: number, lastPrice: number): KiteTick => ({
      mode: 'ltp',
      tradable: true,
      instrumentToken,
      lastPrice,
    });
    expect(server.fake.broadcast([ltp(1, 1)])).toBe(0);
    expect(server.fake.broadcast([ltp(884737, 392.95), ltp(1, 1)])).toBe(1);
    await until(() => binary.length === 1, 'one frame');
    expect([...binary[0]!]).toEqual([0, 1, 0, 8, 0x00, 0x0d, 0x80, 0x01, 0x00, 0x00, 0x99, 0x7f]);
  });
});

describe('encodeKiteTicks', () => {
  const ltp: KiteTick = { mode: 'ltp', tradable: true, instrumentToken: 884737, lastPrice: 392.95 };

  it('refuses what the wire cannot carry with a typed error naming the field', () => {
    const cases: [KiteTick[], 'ltp' | 'quote' | 'full' | undefined, string][] = [
      [[{ ...ltp, lastPrice: -1 }], undefined, 'lastPrice'],
      [[{ ...ltp, lastPrice: 0.001 + 2 ** 32 / 100 }], undefined, 'lastPrice'],
      [[ltp], 'full', 'mode'],
      [[{ ...ltp, instrumentToken: 1.5 }], undefined, 'instrumentToken'],
    ];
    for (const [ticks, mode, field] of cases) {
      let caught: unknown;
      try {
        encodeKiteTicks(ticks, mode);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(KiteTickEncodeError);
      expect((caught as KiteTickEncodeError).field).toBe(field);
    }
  });

  it('writes an empty frame as a zero count', () => {
    expect([...encodeKiteTicks([])]).toEqual([0, 0]);
  });
});
