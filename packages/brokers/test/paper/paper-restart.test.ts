import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tick } from '@pravah/sdk';
import { Subject } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  InMemoryPaperStore,
  JsonFilePaperStore,
  PaperBroker,
  PaperStoreCorruptError,
  type PaperStore,
} from '../../src/index.js';
import { FUTURES, futuresTicks } from './_data.js';

const dir = mkdtempSync(join(tmpdir(), 'pravah-paper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Orders placed while replaying the real futures ticks, keyed by tick index. */
function act(broker: PaperBroker, i: number, tick: Tick, log: string[]): void {
  const record = (what: string, p: Promise<unknown>): void => {
    p.then(
      (v) => log.push(`${i} ${what} ok ${JSON.stringify(v)}`),
      (e: unknown) =>
        log.push(`${i} ${what} ${(e as { brokerCode?: string }).brokerCode ?? String(e)}`),
    );
  };
  const base = { product: 'MIS', validity: 'DAY' } as const;
  if (i === 5)
    record(
      'a1',
      broker.placeOrder({
        ...base,
        instrument: 'NFO:RELIND',
        side: 'BUY',
        quantity: 500,
        orderType: 'MARKET',
        tag: 'a1',
      }),
    );
  if (i === 20)
    record(
      'a2',
      broker.placeOrder({
        ...base,
        instrument: 'NFO:TCS',
        side: 'BUY',
        quantity: 175,
        orderType: 'LIMIT',
        price: 3108.5,
        tag: 'a2',
      }),
    );
  if (i === 50)
    record(
      'a3',
      broker.placeOrder({
        ...base,
        instrument: 'NFO:RELIND',
        side: 'SELL',
        quantity: 500,
        orderType: 'SL-M',
        triggerPrice: 1517.5,
        tag: 'a3',
      }),
    );
  if (i === 60)
    record(
      'a3b',
      broker.placeOrder({
        instrument: 'NFO:MCX',
        side: 'BUY',
        quantity: 125,
        orderType: 'LIMIT',
        price: 9700,
        product: 'NRML',
        validity: 'DAY',
        tag: 'a3b',
      }),
    );
  if (i === 100)
    record(
      'a4',
      broker.placeOrder({
        instrument: 'NFO:MCX',
        side: 'SELL',
        quantity: 125,
        orderType: 'LIMIT',
        price: 9790,
        product: 'NRML',
        validity: 'DAY',
        tag: 'a4',
      }),
    );
  if (i === 1400) record('m2', broker.modifyOrder('PAPER2', { price: 3108.4 }));
  if (i === 1600) record('c4', broker.cancelOrder('PAPER4'));
  if (i === 2000)
    record(
      'a5',
      broker.placeOrder({
        instrument: 'NFO:TRENT',
        side: 'BUY',
        quantity: 100,
        orderType: 'MARKET',
        product: 'NRML',
        validity: 'DAY',
        tag: 'a5',
      }),
    );
  if (i === 2500)
    record(
      'a6',
      broker.placeOrder({
        ...base,
        instrument: 'NFO:TCS',
        side: 'SELL',
        quantity: 350,
        orderType: 'MARKET',
        tag: 'a6',
      }),
    );
}

async function account(broker: PaperBroker) {
  const orders = await broker.orders();
  return {
    orders,
    histories: await Promise.all(orders.map((o) => broker.orderHistory(o.orderId))),
    // Charges compared as exact decimal strings (stored fills are read back into Decimals).
    trades: (await broker.trades()).map((f) => ({
      ...f,
      charges: Object.fromEntries(Object.entries(f.charges ?? {}).map(([k, v]) => [k, String(v)])),
    })),
    positions: await broker.positions(),
    funds: await broker.funds(),
    quotes: await broker.quotes(FUTURES.map((f) => f.id)),
    equity: broker.portfolio().equity(),
    today: broker.portfolio().today(),
  };
}

async function run(ticks: readonly Tick[], store: PaperStore | undefined, splitAt?: number) {
  const log: string[] = [];
  const open = async () => {
    const feed = new Subject<Tick>();
    const broker = new PaperBroker({
      ticks: feed,
      instruments: FUTURES,
      capital: 3_000_000,
      ...(store ? { store } : {}),
    });
    await broker.whenReady();
    return { feed, broker };
  };
  let { feed, broker } = await open();
  for (let i = 0; i < ticks.length; i++) {
    if (i === splitAt) {
      await broker.flush();
      // The old process is gone: no close(), a new broker reads the store.
      ({ feed, broker } = await open());
    }
    feed.next(ticks[i]!);
    act(broker, i, ticks[i]!, log);
  }
  await broker.flush();
  // Let every acknowledgement settle, then order the log by tick index.
  await new Promise((resolve) => setTimeout(resolve, 0));
  log.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  return { broker, log, account: await account(broker) };
}

describe('PaperBroker restarted from its store', () => {
  const ticks = futuresTicks();

  it.each([
    ['memory', () => new InMemoryPaperStore()],
    ['json file', () => new JsonFilePaperStore(join(dir, 'restart.json'))],
  ])(
    'continues with the same orders, fills, positions and cash (%s store)',
    async (_name, store) => {
      const whole = await run(ticks, undefined);
      const restarted = await run(ticks, store(), 1500);
      // The scenario did something on both sides of the restart.
      const times = whole.account.trades.map((f) => f.time);
      expect(times.some((t) => t < ticks[1500]!.time)).toBe(true);
      expect(times.some((t) => t > ticks[1500]!.time)).toBe(true);
      expect(whole.account.orders.length).toBe(7);
      // Orders resting across the restart filled after it: the modified limit and the stop.
      const split = ticks[1500]!.time;
      const statuses = whole.account.orders.map((o) => [o.tag, o.status, o.updatedAt > split]);
      expect(statuses).toContainEqual(['a2', 'FILLED', true]);
      expect(statuses).toContainEqual(['a3', 'FILLED', true]);
      expect(statuses).toContainEqual(['a3b', 'CANCELLED', true]);
      expect(whole.account.orders.find((o) => o.tag === 'a2')?.averagePrice).toBeLessThanOrEqual(
        3108.4,
      );
      expect(restarted.log).toEqual(whole.log);
      for (const key of Object.keys(whole.account) as (keyof typeof whole.account)[]) {
        expect([key, restarted.account[key]]).toEqual([key, whole.account[key]]);
      }
    },
    60_000,
  );

  it('JSON store writes atomically (no temp file left) and reads its own snapshot back', async () => {
    const path = join(dir, 'atomic.json');
    const store = new JsonFilePaperStore(path);
    expect(await store.load()).toBeUndefined();
    const { broker } = await run(ticks.slice(0, 400), store);
    const saved = await store.load();
    expect(saved?.orders.map((o) => o.orderId)).toEqual([
      'PAPER1',
      'PAPER2',
      'PAPER3',
      'PAPER4',
      'PAPER5',
    ]);
    expect(saved?.fills.length).toBe((await broker.trades()).length);
    expect(saved?.fills[0]?.charges?.total.toString()).toBe(
      (await broker.trades())[0]?.charges?.total.toString(),
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('atomic'))).toEqual(['atomic.json']);
  });

  it('refuses a corrupt store file with a typed error, and the broker reports it on use', async () => {
    const path = join(dir, 'corrupt.json');
    writeFileSync(path, '{"version":1,"capital":');
    const store = new JsonFilePaperStore(path);
    await expect(store.load()).rejects.toBeInstanceOf(PaperStoreCorruptError);
    writeFileSync(path, JSON.stringify({ version: 1, capital: -1 }));
    await expect(store.load()).rejects.toThrow(/capital/);
    const broker = new PaperBroker({
      ticks: new Subject<Tick>(),
      instruments: FUTURES,
      capital: 1e6,
      store,
    });
    await expect(broker.orders()).rejects.toBeInstanceOf(PaperStoreCorruptError);
  });
});
