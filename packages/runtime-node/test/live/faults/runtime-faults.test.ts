import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RateLimiter } from '@pravah/brokers';
import { KiteBroker } from '@pravah/brokers/kite';
import { startFakeKite, type FakeKite } from '@pravah/brokers/testing';
import { smaCrossover } from '@pravah/examples';
import { nseCalendar } from '@pravah/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime, retryBrokerRead, runKey } from '../../../src/live/index.js';
import { TokenExpiredError } from '@pravah/brokers';

// The whole runtime in process against the fake Kite server over real sockets (REST and the
// binary ticker WebSocket), through the real KiteBroker.

const dir = mkdtempSync(path.join(tmpdir(), 'pravah-runtime-faults-'));
const fakes: FakeKite[] = [];
afterAll(async () => {
  for (const fake of fakes) await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function setup(name: string) {
  const fake = await startFakeKite();
  fakes.push(fake);
  const broker = new KiteBroker({
    apiKey: fake.apiKey,
    accessToken: fake.accessToken,
    root: fake.url,
    tickerUrl: fake.tickerUrl,
    timeoutMs: 1000,
    ticker: { initialBackoffMs: 50, maxBackoffMs: 200 },
  });
  let price = 1500;
  fake.setPrice('NSE:INFY', price);
  let step = 0;
  const walk = setInterval(() => {
    // A zig-zag: SMA(1) crosses SMA(2) on every turn.
    step++;
    price += step % 6 < 3 ? 0.5 : -0.5;
    fake.setPrice('NSE:INFY', price);
  }, 20);
  const runtime = createRuntime({
    strategy: smaCrossover,
    universe: ['NSE:INFY'],
    params: { fast: 1, slow: 2, quantity: 1 },
    broker,
    mode: 'live',
    journal: path.join(dir, `${name}.journal`),
    calendar: nseCalendar,
    runId: name,
    sessionAware: false,
    marketEvents: 'ticks',
    warmupMs: 60_000,
    reconcileMs: 200,
    orderLimiter: new RateLimiter(10, 1000),
    limits: { maxOrdersPerMinute: 10_000, staleDataSeconds: 1e6, disconnectSeconds: 1e6 },
  });
  return { fake, broker, runtime, stopWalk: () => clearInterval(walk) };
}

describe('live runtime under faults (fake Kite, real sockets)', () => {
  it('survives market-data sockets dropped mid-session: reconnects and keeps trading', async () => {
    const { fake, broker, runtime, stopWalk } = await setup('drop');
    await runtime.start();
    await until(() => runtime.orders.all().length >= 3, 'first orders');
    const ticksBefore = (await runtime.metrics.ticks.get()).values[0]?.value ?? 0;
    const ordersBefore = runtime.orders.all().length;
    fake.faults.dropMarketData();
    await until(
      () => runtime.orders.all().length >= ordersBefore + 3,
      'orders after the reconnect',
    );
    const reconnects = (await runtime.metrics.reconnects.get()).values[0]?.value ?? 0;
    const ticksAfter = (await runtime.metrics.ticks.get()).values[0]?.value ?? 0;
    stopWalk();
    await runtime.stop('done');
    await broker.close();
    const book = fake.book.orders().filter((o) => o.tag?.startsWith(runKey('drop')));
    console.log(
      `dropped sockets: ${reconnects} reconnect(s), ticks ${ticksBefore} -> ${ticksAfter}, ${book.length} orders at the broker, ${new Set(book.map((o) => o.tag)).size} distinct tags`,
    );
    expect(reconnects).toBeGreaterThanOrEqual(1);
    expect(ticksAfter).toBeGreaterThan(ticksBefore);
    expect(new Set(book.map((o) => o.tag)).size).toBe(book.length);
  }, 90_000);

  it('token expiry mid-session halts the runtime; nothing is placed after it; SIGTERM-style stop is clean', async () => {
    const { fake, broker, runtime, stopWalk } = await setup('expiry');
    await runtime.start();
    await until(() => runtime.orders.all().length >= 2, 'first orders');
    fake.faults.expireToken();
    await until(() => runtime.halted !== undefined, 'the halt');
    const atHalt = fake.book.orders().length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    stopWalk();
    await runtime.stop('SIGTERM');
    await broker.close();
    console.log(
      `token expiry: halted "${runtime.halted}", ${atHalt} orders at the broker at the halt, ${fake.book.orders().length} after`,
    );
    expect(runtime.halted).toMatch(/broker session lost/);
    expect(fake.book.orders()).toHaveLength(atHalt);
    expect(runtime.phase).toBe('stopped');
  }, 90_000);

  it('start-up reads survive a 429 and a 503 but not an expired token', async () => {
    const { fake, broker, stopWalk } = await setup('reads');
    stopWalk();
    fake.faults.failNext({
      status: 429,
      errorType: 'NetworkException',
      pathPrefix: '/orders',
      retryAfterSeconds: 1,
    });
    fake.faults.failNext({ status: 503, errorType: 'NetworkException', pathPrefix: '/orders' });
    const before = fake.requests.length;
    expect(await retryBrokerRead(() => broker.orders())).toEqual([]);
    expect(fake.requests.length - before).toBe(3);
    fake.faults.expireToken();
    await expect(retryBrokerRead(() => broker.orders())).rejects.toBeInstanceOf(TokenExpiredError);
    await broker.close();
  }, 60_000);
});
