import type { Tick } from '@pravah/sdk';
import type { ConnectionState } from '../../src/port/index.js';
import type { BrokerOrder } from '../../src/port/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstox, type FakeUpstox } from '../../src/testing/upstox/index.js';
import type { UpstoxBroker } from '../../src/upstox/index.js';
import { brokerFor, waitFor } from './helpers.js';

const INFY = 'NSE_EQ|INE009A01021';
const RELIANCE = 'NSE_EQ|INE002A01018';

describe('Upstox Market Data Feed v3 and portfolio stream over real sockets', () => {
  let fake: FakeUpstox;
  let broker: UpstoxBroker;
  const ticks: Tick[] = [];
  const states: ConnectionState[] = [];
  const authorizations = (): number =>
    fake.requests.filter((r) => r.path === '/v3/feed/market-data-feed/authorize').length;

  beforeAll(async () => {
    fake = await startFakeUpstox({ pingIntervalMs: 200 });
    broker = brokerFor(fake);
    broker.connectionState$.subscribe((s) => states.push(s));
  });
  afterAll(async () => {
    await broker.close();
    await fake.close();
  });

  it('gets market_info, subscribes with a binary ltpc request, and maps live ticks', async () => {
    fake.feed.publish(RELIANCE, { ltp: 2900, ltt: 1_700_000_000_000, ltq: 3 });
    broker.subscribe(['NSE:INFY', 'NSE:RELIANCE'], 'ltp').subscribe((t) => ticks.push(t));
    await waitFor(() => fake.feed.subscriptions().size === 2, 'subscription');
    expect(fake.feed.requests[0]).toMatchObject({
      method: 'sub',
      mode: 'ltpc',
      binary: true,
      instrumentKeys: [INFY, RELIANCE],
    });
    expect(broker.marketStatus).toMatchObject({ NSE_EQ: 'NORMAL_OPEN', NSE_FO: 'NORMAL_OPEN' });
    // initial_feed snapshot of RELIANCE, then a live tick of INFY.
    await waitFor(() => ticks.length >= 1, 'snapshot tick');
    expect(ticks[0]).toEqual({
      kind: 'tick',
      instrument: 'NSE:RELIANCE',
      time: 1_700_000_000_000,
      price: 2900,
      quantity: 3,
    });
    fake.feed.publish(INFY, { ltp: 1500.25, ltt: 1_700_000_001_000, ltq: 9 });
    await waitFor(() => ticks.length >= 2, 'live tick');
    expect(ticks[1]).toEqual({
      kind: 'tick',
      instrument: 'NSE:INFY',
      time: 1_700_000_001_000,
      price: 1500.25,
      quantity: 9,
    });
    expect(states.slice(0, 2)).toEqual(['closed', 'connecting']);
    expect(states).toContain('connected');
  });

  it('changes mode to full (change_mode) and then carries depth and volume', async () => {
    broker.subscribe(['NSE:INFY'], 'full').subscribe(() => undefined);
    await waitFor(() => fake.feed.subscriptions().get(INFY) === 'full', 'mode change');
    expect(fake.feed.requests.at(-1)).toMatchObject({
      method: 'change_mode',
      mode: 'full',
      binary: true,
      instrumentKeys: [INFY],
    });
    const before = ticks.length;
    fake.feed.publish(INFY, {
      ltp: 1501,
      ltt: 1_700_000_002_000,
      volume: 4_000_000,
      depth: [
        { bidQ: 10, bidP: 1500.9, askQ: 20, askP: 1501.1 },
        { bidQ: 11, bidP: 1500.8, askQ: 21, askP: 1501.2 },
      ],
    });
    await waitFor(() => ticks.length > before + 1, 'full tick');
    const full = ticks.slice(before).find((t) => t.time === 1_700_000_002_000);
    expect(full).toMatchObject({
      instrument: 'NSE:INFY',
      price: 1501,
      volume: 4_000_000,
      bid: 1500.9,
      ask: 1501.1,
      depth: {
        buy: [
          { price: 1500.9, quantity: 10, orders: 0 },
          { price: 1500.8, quantity: 11, orders: 0 },
        ],
        sell: [
          { price: 1501.1, quantity: 20, orders: 0 },
          { price: 1501.2, quantity: 21, orders: 0 },
        ],
      },
    });
  });

  it('unsubscribes with a binary unsub request and no mode', async () => {
    broker.unsubscribe(['NSE:RELIANCE']);
    await waitFor(() => !fake.feed.subscriptions().has(RELIANCE), 'unsubscribe');
    const unsub = fake.feed.requests.at(-1);
    expect(unsub).toEqual({ method: 'unsub', instrumentKeys: [RELIANCE], binary: true });
  });

  it('counts and skips malformed frames and text error frames; the stream keeps flowing', async () => {
    const before = ticks.length;
    fake.feed.sendMalformed();
    fake.feed.sendText('not json');
    fake.feed.sendText('{"status":"failed","method":"sub","error":"limit"}');
    fake.feed.publish(INFY, { ltp: 1502, ltt: 1_700_000_003_000 });
    await waitFor(() => ticks.some((t) => t.time === 1_700_000_003_000), 'tick after garbage');
    expect(broker.malformedFrames).toBe(4);
    expect(ticks.length).toBeGreaterThan(before);
  });

  it('re-authorizes, reconnects and resubscribes after a drop, then after a drop mid-frame', async () => {
    const auths = authorizations();
    fake.feed.dropAll();
    await waitFor(
      () => broker.reconnects >= 1 && fake.feed.subscriptions().get(INFY) === 'full',
      'reconnect',
    );
    expect(authorizations()).toBe(auths + 1);
    expect(states).toContain('reconnecting');
    fake.feed.publish(INFY, { ltp: 1503, ltt: 1_700_000_004_000 });
    await waitFor(() => ticks.some((t) => t.time === 1_700_000_004_000), 'tick after reconnect');

    const malformed = broker.malformedFrames;
    fake.feed.dropMidFrame();
    await waitFor(() => broker.reconnects >= 2 && fake.feed.openSockets === 1, 'second reconnect');
    await waitFor(() => fake.feed.subscriptions().get(INFY) === 'full', 'resubscribe');
    expect(authorizations()).toBe(auths + 2);
    expect(broker.malformedFrames).toBe(malformed); // the half frame never reached the decoder
    fake.feed.publish(INFY, { ltp: 1504, ltt: 1_700_000_005_000 });
    await waitFor(
      () => ticks.some((t) => t.time === 1_700_000_005_000),
      'tick after mid-frame drop',
    );
    // RELIANCE stayed unsubscribed across reconnects.
    expect(fake.feed.subscriptions().has(RELIANCE)).toBe(false);
  });

  it('a feed URL is single-use: a replayed authorize URL is refused', async () => {
    const response = await fetch(`${fake.baseUrl}/v3/feed/market-data-feed/authorize`, {
      headers: { Authorization: `Bearer ${fake.accessToken}`, Accept: 'application/json' },
    });
    const body = (await response.json()) as {
      data: { authorized_redirect_uri: string; authorizedRedirectUri: string };
    };
    expect(body.data.authorizedRedirectUri).toBe(body.data.authorized_redirect_uri);
    const { default: WebSocket } = await import('ws');
    const open = (url: string): Promise<boolean> =>
      new Promise((resolve) => {
        const ws = new WebSocket(url);
        ws.on('open', () => {
          ws.terminate();
          resolve(true);
        });
        ws.on('error', () => resolve(false));
      });
    expect(await open(body.data.authorized_redirect_uri)).toBe(true);
    expect(await open(body.data.authorized_redirect_uri)).toBe(false);
  });

  it('pushes order updates from the portfolio stream', async () => {
    const updates: BrokerOrder[] = [];
    broker.orderUpdates$.subscribe((o) => updates.push(o));
    await waitFor(
      () => fake.requests.some((r) => r.path === '/v2/feed/portfolio-stream-feed/authorize'),
      'portfolio authorize',
    );
    await waitFor(() => fake.portfolioSockets === 1, 'portfolio socket');
    fake.setPrice('NSE:INFY', 1500);
    await broker.placeOrder({
      instrument: 'NSE:INFY',
      side: 'BUY',
      quantity: 1,
      orderType: 'MARKET',
      product: 'MIS',
      validity: 'DAY',
      tag: 'upd1',
    });
    await waitFor(() => updates.some((u) => u.status === 'FILLED'), 'order update');
    expect(updates.map((u) => u.status)).toEqual(['OPEN', 'FILLED']);
    const filled = updates.find((u) => u.status === 'FILLED');
    expect(filled).toMatchObject({
      instrument: 'NSE:INFY',
      side: 'BUY',
      quantity: 1,
      averagePrice: 1500,
    });
    expect(filled?.tag).toBe('upd1');
  });
});
