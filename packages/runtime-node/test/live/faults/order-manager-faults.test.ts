import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RateLimiter, type BrokerOrder } from '@pravah/brokers';
import { KiteBroker } from '@pravah/brokers/kite';
import { startFakeKite, type FakeKite } from '@pravah/brokers/testing';
import type { Instrument } from '@pravah/sdk';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalFile, OrderManager } from '../../../src/live/index.js';
import { intent } from '../support/intents.js';

// Fault tests of the order manager against the fake Kite server over real sockets (HTTP on
// 127.0.0.1), through the real KiteBroker adapter: no function mocks.

const dir = mkdtempSync(path.join(tmpdir(), 'pravah-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fake: FakeKite;
let broker: KiteBroker;
let journal: JournalFile;
let infy: Instrument;
let run = 0;

beforeEach(async () => {
  fake = await startFakeKite();
  broker = new KiteBroker({
    apiKey: fake.apiKey,
    accessToken: fake.accessToken,
    root: fake.url,
    tickerUrl: fake.tickerUrl,
    timeoutMs: 400,
  });
  const found = (await broker.instruments('NSE')).find((i) => i.id === 'NSE:INFY');
  if (found === undefined) throw new Error('the fake lists NSE:INFY');
  infy = found;
  journal = JournalFile.open(path.join(dir, `run${++run}.journal`)).journal;
  fake.setPrice('NSE:INFY', 1500);
});

afterEach(async () => {
  journal.close();
  await broker.close();
  await fake.close();
});

function manager(extra: Partial<ConstructorParameters<typeof OrderManager>[0]> = {}): OrderManager {
  return new OrderManager({
    broker,
    journal,
    runId: `faults-${run}`,
    lookupDelaysMs: [50, 100, 200, 400, 800],
    queryLimiter: new RateLimiter(8, 1000),
    ...extra,
  });
}

const placements = (): number =>
  fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/orders/')).length;
const lookups = (): number =>
  fake.requests.filter((r) => r.method === 'GET' && r.path === '/orders').length;
function tagsOnce(orders: readonly BrokerOrder[]): boolean {
  return new Set(orders.map((o) => o.tag)).size === orders.length;
}

describe('order manager under broker faults (fake Kite, real sockets)', () => {
  it('a placement that times out after the broker accepted it is found by tag, never re-sent', async () => {
    fake.faults.timeoutAfterAcceptOnce();
    const om = manager();
    const [order] = om.submit(intent('a', 'BUY', 5), infy);
    await om.idle();
    const book = await broker.orders();
    const managed = om.get(order?.tag ?? '');
    console.log(
      `timeout after accept: ${placements()} placement request(s), ${book.length} order(s) at the broker, ${lookups()} order-book read(s), final state ${managed?.state}`,
    );
    expect(book).toHaveLength(1);
    expect(placements()).toBe(1);
    expect(managed?.state).toBe('filled');
    expect(managed?.brokerOrderId).toBe(book[0]?.orderId);
    expect(managed?.history.map((h) => h.state)).toContain('unknown');
  }, 30_000);

  it('a 503 on placement (not placed) is confirmed absent twice, then placed exactly once', async () => {
    fake.faults.failNext({ status: 503, errorType: 'NetworkException', pathPrefix: '/orders/' });
    const om = manager();
    const [order] = om.submit(intent('b', 'BUY', 3), infy);
    await om.idle();
    const book = await broker.orders();
    await om.reconcile(book); // the runtime's periodic check: picks up the fill
    console.log(
      `503 on placement: ${placements()} placement requests, ${book.length} order at the broker`,
    );
    expect(book).toHaveLength(1);
    expect(placements()).toBe(2);
    expect(om.get(order?.tag ?? '')).toMatchObject({ state: 'filled', attempts: 2 });
  }, 30_000);

  it('a 429 storm delays placements but places each order exactly once', async () => {
    fake.faults.failNext({
      status: 429,
      errorType: 'NetworkException',
      pathPrefix: '/orders/',
      count: 6,
    });
    const om = manager({ orderLimiter: new RateLimiter(10, 1000) });
    for (let i = 0; i < 8; i++) om.submit(intent(`s${i}`, i % 2 === 0 ? 'BUY' : 'SELL', 1), infy);
    await om.idle();
    const book = await broker.orders();
    await om.reconcile(book);
    const throttled = om
      .all()
      .reduce((n, o) => n + o.history.filter((h) => h.event === 'throttled').length, 0);
    console.log(
      `429 storm: ${placements()} placement requests, ${throttled} answered 429, ${book.length} orders at the broker for 8 intents`,
    );
    expect(book).toHaveLength(8);
    expect(tagsOnce(book)).toBe(true);
    expect(throttled).toBe(6);
    expect(om.all().every((o) => o.state === 'filled')).toBe(true);
  }, 60_000);

  it('token expiry mid-session: nothing is placed after it, the session loss is reported', async () => {
    const lost: string[] = [];
    const om = manager({ onAuthLost: (reason) => lost.push(reason) });
    om.submit(intent('t1', 'BUY', 2), infy);
    await om.idle();
    fake.faults.expireToken();
    const [second] = om.submit(intent('t2', 'SELL', 2), infy);
    await om.idle();
    const book = fake.book.orders();
    console.log(
      `token expiry: ${book.length} order at the broker, second order ${om.get(second?.tag ?? '')?.state}, session-loss reports ${lost.length}`,
    );
    expect(book).toHaveLength(1);
    expect(om.get(second?.tag ?? '')?.state).toBe('rejected');
    expect(lost.length).toBeGreaterThan(0);
  }, 30_000);

  it('a fill that arrives after the cancel request is applied, not lost', async () => {
    const om = manager();
    const [order] = om.submit(intent('c', 'BUY', 10, 1400), infy); // rests below 1500
    await om.idle();
    const tag = order?.tag ?? '';
    const orderId = om.get(tag)?.brokerOrderId ?? '';
    expect(om.get(tag)?.state).toBe('open');
    fake.faults.latencyMs = 300; // the cancel request is slow to arrive
    om.cancel(tag, 'exit');
    expect(om.get(tag)?.state).toBe('cancel-pending');
    fake.book.fill(orderId, 10, 1400); // the exchange fills it first
    await om.idle();
    const managed = om.get(tag);
    const broker10 = fake.book.order(orderId);
    console.log(
      `fill after cancel request: broker ${broker10?.status} ${broker10?.filledQuantity}, runtime ${managed?.state} ${managed?.filledQuantity}`,
    );
    expect(managed).toMatchObject({ state: 'filled', filledQuantity: 10, averagePrice: 1400 });
    expect(managed?.history.map((h) => h.state)).toEqual([
      'created',
      'submitting',
      'open',
      'cancel-pending',
      'filled',
    ]);
  }, 30_000);

  it('a partial fill before the cancel lands is kept; the rest is cancelled', async () => {
    const om = manager();
    const [order] = om.submit(intent('p', 'BUY', 10, 1400), infy);
    await om.idle();
    const tag = order?.tag ?? '';
    const orderId = om.get(tag)?.brokerOrderId ?? '';
    fake.faults.latencyMs = 300;
    om.cancel(tag, 'exit');
    fake.book.fill(orderId, 4, 1399.5);
    await om.idle();
    expect(om.get(tag)).toMatchObject({
      state: 'cancelled',
      filledQuantity: 4,
      averagePrice: 1399.5,
    });
  }, 30_000);

  it('replaying the journal rebuilds exactly the state the manager had', async () => {
    fake.faults.timeoutAfterAcceptOnce();
    const om = manager();
    om.submit(intent('r1', 'BUY', 5), infy);
    om.submit(intent('r2', 'SELL', 5, 1600), infy);
    await om.idle();
    om.cancelIntent('r2', 'done');
    await om.idle();
    const file = journal.path;
    journal.close();
    const reopened = JournalFile.open(file);
    journal = reopened.journal;
    const again = manager();
    for (const record of reopened.replay.records) again.replay(record);
    expect(again.all()).toEqual(om.all());
  }, 30_000);
});
