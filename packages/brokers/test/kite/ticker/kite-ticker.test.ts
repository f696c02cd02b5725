import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ValidationError } from '@pravah/sdk';
import { KiteTicker, type KiteTick } from '../../../src/kite/ticker/index.js';
import { encodeKiteTicks } from '../../../src/testing/kite/kite-tick-encoder.js';
import {
  ACCESS_TOKEN,
  API_KEY,
  startFakeKite,
  until,
  type RunningFake,
} from './fake-kite-server.js';
import { anyTick, fullTick } from './kite-tick-arbitraries.js';

const RELIANCE = 738561;
const INFY = 408065;
const SBIN = 779521;
const NIFTY = 256265;

/** A full tick on Kite's price grid, built from paise so that no float arithmetic is involved. */
const full = (instrumentToken: number, lastPrice: number): KiteTick => {
  const paise = Math.round(lastPrice * 100);
  const rupees = (p: number) => p / 100;
  return {
    mode: 'full',
    tradable: true,
    instrumentToken,
    lastPrice: rupees(paise),
    lastQuantity: 5,
    averagePrice: rupees(paise - 100),
    volume: 1000,
    buyQuantity: 300,
    sellQuantity: 400,
    ohlc: {
      open: rupees(paise - 200),
      high: rupees(paise + 300),
      low: rupees(paise - 400),
      close: 100,
    },
    change: ((rupees(paise) - 100) * 100) / 100,
    lastTradeTime: 1_718_176_560_000,
    oi: 0,
    oiDayHigh: 0,
    oiDayLow: 0,
    timestamp: 1_718_176_569_000,
    depth: {
      buy: [1, 2, 3, 4, 5].map((i) => ({
        price: rupees(paise - 5 * i),
        quantity: 10 * i,
        orders: i,
      })),
      sell: [1, 2, 3, 4, 5].map((i) => ({
        price: rupees(paise + 5 * i),
        quantity: 11 * i,
        orders: i,
      })),
    },
  };
};

const running: RunningFake[] = [];
const tickers: KiteTicker[] = [];

afterEach(async () => {
  for (const ticker of tickers.splice(0)) ticker.close();
  for (const server of running.splice(0)) await server.stop();
});

async function setUp(
  options: { heartbeatMs?: number; readTimeoutMs?: number; accessToken?: string } = {},
): Promise<{ server: RunningFake; ticker: KiteTicker; ticks: KiteTick[] }> {
  const server = await startFakeKite(options.heartbeatMs);
  running.push(server);
  const ticker = new KiteTicker({
    url: server.url,
    apiKey: API_KEY,
    accessToken: options.accessToken ?? ACCESS_TOKEN,
    initialBackoffMs: 20,
    maxBackoffMs: 200,
    ...(options.readTimeoutMs === undefined ? {} : { readTimeoutMs: options.readTimeoutMs }),
  });
  tickers.push(ticker);
  const ticks: KiteTick[] = [];
  ticker.ticks$.subscribe((tick) => ticks.push(tick));
  return { server, ticker, ticks };
}

const sameMap = (a: ReadonlyMap<number, string> | undefined, b: ReadonlyMap<number, string>) =>
  a !== undefined && a.size === b.size && [...b].every(([k, v]) => a.get(k) === v);

describe('KiteTicker against the fake ticker', () => {
  it('sends subscribe, mode and unsubscribe commands the fake applies', async () => {
    const { server, ticker } = await setUp();
    ticker.connect();
    await until(() => ticker.connectionState === 'connected', 'connected');
    ticker.subscribe([RELIANCE, INFY], 'full');
    ticker.subscribe([SBIN], 'ltp');
    const expected = new Map([
      [RELIANCE, 'full'],
      [INFY, 'full'],
      [SBIN, 'ltp'],
    ]);
    await until(() => sameMap(server.fake.subscriptions()[0], expected), 'subscriptions');
    expect(server.fake.received()).toEqual([
      `{"a":"subscribe","v":[${RELIANCE},${INFY}]}`,
      `{"a":"mode","v":["full",[${RELIANCE},${INFY}]]}`,
      `{"a":"subscribe","v":[${SBIN}]}`,
      `{"a":"mode","v":["ltp",[${SBIN}]]}`,
    ]);
    ticker.unsubscribe([INFY]);
    ticker.subscribe([SBIN], 'quote');
    await until(
      () =>
        sameMap(
          server.fake.subscriptions()[0],
          new Map([
            [RELIANCE, 'full'],
            [SBIN, 'quote'],
          ]),
        ),
      'unsubscribe and mode change',
    );
    expect(server.fake.clients()[0]?.url).toBe(`/?api_key=${API_KEY}&access_token=${ACCESS_TOKEN}`);
  });

  it('delivers decoded ticks of subscribed tokens in their modes', async () => {
    const { server, ticker, ticks } = await setUp();
    ticker.subscribe([RELIANCE], 'full'); // before connecting: sent on open
    ticker.subscribe([SBIN], 'ltp');
    ticker.connect();
    await until(() => server.fake.subscriptions()[0]?.size === 2, 'subscriptions');
    expect(
      server.fake.broadcast([full(RELIANCE, 2940.7), full(INFY, 1500), full(SBIN, 812.35)]),
    ).toBe(1);
    await until(() => ticks.length === 2, 'two ticks');
    expect(ticks).toEqual([
      full(RELIANCE, 2940.7),
      { mode: 'ltp', tradable: true, instrumentToken: SBIN, lastPrice: 812.35 },
    ]);
    expect(ticker.malformedFrames).toBe(0);
  });

  it('stays connected on heartbeats alone, past the read timeout', async () => {
    const { server, ticker } = await setUp({ heartbeatMs: 100, readTimeoutMs: 1500 });
    ticker.connect();
    ticker.subscribe([RELIANCE], 'quote');
    await until(() => server.fake.subscriptions()[0]?.size === 1, 'subscribed');
    const start = Date.now();
    await until(() => Date.now() - start > 4000, 'four seconds');
    expect(ticker.reconnects).toBe(0);
    expect(ticker.connectionState).toBe('connected');
    expect(server.fake.clients()).toHaveLength(1);
  });

  it('reconnects and resubscribes when the connection goes silent past the read timeout', async () => {
    const { server, ticker, ticks } = await setUp({ heartbeatMs: 0, readTimeoutMs: 300 });
    ticker.connect();
    ticker.subscribe([RELIANCE], 'full');
    ticker.subscribe([SBIN], 'ltp');
    await until(() => ticker.reconnects >= 1, 'a reconnect after silence');
    const expected = new Map([
      [RELIANCE, 'full'],
      [SBIN, 'ltp'],
    ]);
    await until(() => sameMap(server.fake.subscriptions().at(-1), expected), 'resubscribed');
    server.fake.broadcast([full(SBIN, 800)]);
    await until(() => ticks.length >= 1, 'tick after reconnect');
    expect(ticks[0]).toEqual({
      mode: 'ltp',
      tradable: true,
      instrumentToken: SBIN,
      lastPrice: 800,
    });
  });

  it('reconnects after dropConnections and restores every subscription with its mode', async () => {
    const { server, ticker, ticks } = await setUp();
    const states: string[] = [];
    ticker.state$.subscribe((state) => {
      if (states.at(-1) !== state) states.push(state);
    });
    ticker.connect();
    ticker.subscribe([RELIANCE, INFY], 'full');
    ticker.subscribe([SBIN, NIFTY], 'quote');
    ticker.unsubscribe([INFY]);
    const expected = new Map([
      [RELIANCE, 'full'],
      [SBIN, 'quote'],
      [NIFTY, 'quote'],
    ]);
    await until(() => sameMap(server.fake.subscriptions()[0], expected), 'subscribed');
    const before = server.fake.received().length;
    server.fake.dropConnections();
    await until(() => ticker.reconnects === 1 && server.fake.clients().length === 1, 'reconnected');
    await until(() => sameMap(server.fake.subscriptions()[0], expected), 'resubscribed');
    expect(server.fake.received().slice(before)).toEqual([
      `{"a":"subscribe","v":[${RELIANCE},${SBIN},${NIFTY}]}`,
      `{"a":"mode","v":["full",[${RELIANCE}]]}`,
      `{"a":"mode","v":["quote",[${SBIN},${NIFTY}]]}`,
    ]);
    expect(states).toEqual(['closed', 'connecting', 'connected', 'reconnecting', 'connected']);
    server.fake.broadcast([full(RELIANCE, 2950)]);
    await until(() => ticks.length === 1, 'tick');
    expect(ticks[0]).toEqual(full(RELIANCE, 2950));
  });

  it('reconnects after a connection dies in the middle of a frame', async () => {
    const { server, ticker, ticks } = await setUp();
    ticker.connect();
    ticker.subscribe([RELIANCE, SBIN], 'full');
    await until(() => server.fake.subscriptions()[0]?.size === 2, 'subscribed');
    server.fake.dropMidFrame();
    await until(() => ticker.reconnects === 1, 'reconnected');
    await until(() => server.fake.subscriptions()[0]?.size === 2, 'resubscribed');
    server.fake.broadcast([full(SBIN, 801.5)]);
    await until(() => ticks.length === 1, 'tick after reconnect');
    // The cut frame never reached the decoder: nothing partial, nothing malformed.
    expect(ticks).toEqual([full(SBIN, 801.5)]);
    expect(ticker.malformedFrames).toBe(0);
  });

  it('emits order postbacks, error messages and notices on their own streams', async () => {
    const { server, ticker } = await setUp();
    const postbacks: unknown[] = [];
    const errors: string[] = [];
    const messages: unknown[] = [];
    ticker.postbacks$.subscribe((p) => postbacks.push(p));
    ticker.errors$.subscribe((e) => errors.push(e));
    ticker.messages$.subscribe((m) => messages.push(m));
    ticker.connect();
    await until(() => server.fake.clients().length === 1, 'connected');
    const order = { order_id: '151220000000000', status: 'COMPLETE', user_id: 'AB1234', app_id: 1 };
    server.fake.sendPostback(order);
    server.fake.sendError('Invalid mode');
    server.fake.sendRaw(new TextEncoder().encode('x')); // binary 1-byte heartbeat: ignored
    await until(() => postbacks.length === 1 && errors.length === 1, 'postback and error');
    expect(postbacks).toEqual([order]);
    expect(errors).toEqual(['Invalid mode']);
    expect(messages).toEqual([]);
    expect(ticker.malformedFrames).toBe(0);
  });

  it('counts and skips malformed frames without ending the tick stream', async () => {
    const { server, ticker, ticks } = await setUp();
    let ended = false;
    ticker.ticks$.subscribe({ error: () => (ended = true), complete: () => (ended = true) });
    ticker.connect();
    ticker.subscribe([RELIANCE], 'full');
    await until(() => server.fake.subscriptions()[0]?.size === 1, 'subscribed');
    const truncated = fc.sample(
      fc.tuple(fc.array(anyTick, { minLength: 1, maxLength: 4 }), fc.nat()).map(([t, cut]) => {
        const frame = encodeKiteTicks(t);
        return frame.subarray(0, 2 + (cut % (frame.length - 2)));
      }),
      { numRuns: 25, seed: 7 },
    );
    const corruptLength = fc.sample(
      fullTick.map((t) => {
        const frame = encodeKiteTicks([t]);
        frame[3] = 183; // packet length 184 -> 183
        return frame;
      }),
      { numRuns: 5, seed: 11 },
    );
    const frames = [...truncated, ...corruptLength, new Uint8Array(0)];
    for (const frame of frames) server.fake.sendRaw(frame);
    server.fake.broadcast([full(RELIANCE, 2941)]);
    await until(() => ticks.length === 1, 'the good tick after the bad frames');
    expect(ticker.malformedFrames).toBe(frames.length);
    expect(ticks).toEqual([full(RELIANCE, 2941)]);
    expect(ended).toBe(false);
    expect(ticker.reconnects).toBe(0);
  });

  it('is refused with 403 for a bad session, and keeps retrying without connecting', async () => {
    const { server, ticker } = await setUp({ accessToken: 'expired' });
    ticker.connect();
    await until(() => server.fake.rejectedConnections() >= 2, 'two refused attempts');
    expect(ticker.connectionState).toBe('reconnecting');
    expect(server.fake.clients()).toHaveLength(0);

    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${server.url}?api_key=${API_KEY}&access_token=bad`);
      ws.on('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => reject(new Error('opened')));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });

  it('rejects invalid tokens, modes and more than 3000 instruments with a ValidationError', async () => {
    const { ticker } = await setUp();
    expect(() => ticker.subscribe([1.5], 'full')).toThrow(ValidationError);
    expect(() => ticker.subscribe([-3], 'full')).toThrow(ValidationError);
    expect(() => ticker.subscribe([1], 'depth' as 'full')).toThrow(ValidationError);
    ticker.subscribe(
      Array.from({ length: 3000 }, (_, i) => i + 1),
      'ltp',
    );
    expect(() => ticker.subscribe([5000], 'ltp')).toThrow(/at most 3000/);
    ticker.subscribe([1, 2], 'full'); // changing modes of subscribed tokens stays allowed
    expect(ticker.subscriptions.get(2)).toBe('full');
    expect(() => new KiteTicker({ url: 'http://x', apiKey: 'k', accessToken: 't' })).toThrow(
      ValidationError,
    );
  });
});
