// The official kiteconnect client (devDependency, a test oracle only) pointed at the fake's REST
// root must place an order and read positions, orders, margins and candles to the same values
// as our adapter: the fake speaks Kite's wire format, not just our client's reading of it.
import { KiteConnect, type Connect } from 'kiteconnect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KiteBroker } from '../../src/kite/index.js';
import { startFakeKite, type FakeKite } from '../../src/testing/kite/index.js';

let fake: FakeKite;
let broker: KiteBroker;
let official: Connect;

beforeAll(async () => {
  // Two clients share one API key here, so the fake's per-key limit is relaxed.
  fake = await startFakeKite({ rateLimits: { other: 100 } });
  broker = new KiteBroker({ apiKey: fake.apiKey, accessToken: fake.accessToken, root: fake.url });
  official = new KiteConnect({
    api_key: fake.apiKey,
    access_token: fake.accessToken,
    root: fake.url,
  });
});

afterAll(async () => {
  await broker.close();
  await fake.close();
});

describe('kiteconnect against the fake Kite REST server', () => {
  it('exchanges the request token with its own checksum', async () => {
    const session = await official.generateSession(fake.requestToken, fake.apiSecret);
    expect(session.access_token).toBe(fake.accessToken);
  });

  it('places an order and reads positions; the adapter reads the same values', async () => {
    fake.setPrice('NSE:SBIN', 801.25);
    const placed = await official.placeOrder('regular', {
      exchange: 'NSE',
      tradingsymbol: 'SBIN',
      transaction_type: 'BUY',
      quantity: 7,
      product: 'MIS',
      order_type: 'MARKET',
      validity: 'DAY',
      tag: 'kc1',
    });
    expect(placed.order_id).toBe(fake.book.orderByTag('kc1')?.orderId);

    const theirs = await official.getPositions();
    const ours = await broker.positions();
    const theirSbin = theirs.net.find((p) => p.tradingsymbol === 'SBIN');
    const ourSbin = ours.net.find((p) => p.instrument === 'NSE:SBIN');
    expect(theirSbin).toMatchObject({ quantity: 7, average_price: 801.25, product: 'MIS' });
    expect(ourSbin).toMatchObject({
      quantity: theirSbin?.quantity,
      averagePrice: theirSbin?.average_price,
      lastPrice: theirSbin?.last_price,
      product: 'MIS',
    });
    expect(ourSbin?.realisedPnl.toNumber()).toBe(theirSbin?.realised);

    const theirOrder = (await official.getOrders()).find((o) => o.order_id === placed.order_id);
    const ourOrder = await broker.orderByTag('kc1');
    expect(theirOrder).toMatchObject({ status: 'COMPLETE', filled_quantity: 7 });
    expect(ourOrder).toMatchObject({
      orderId: theirOrder?.order_id,
      status: 'FILLED',
      filledQuantity: theirOrder?.filled_quantity,
      averagePrice: theirOrder?.average_price,
    });
  });

  it('reads margins and holdings from the fixture bodies like the adapter', async () => {
    const margins = await official.getMargins();
    const funds = await broker.funds();
    expect(funds.net).toBe(margins.equity?.net);
    expect(funds.available).toBe(margins.equity?.available.live_balance);
    const holdings = await official.getHoldings();
    expect((await broker.holdings()).map((h) => h.quantity)).toEqual(
      holdings.map((h) => h.quantity),
    );
  });

  it('reads the instruments CSV (exact text/csv) to the same tokens', async () => {
    const theirs = await official.getInstruments('NSE');
    const ours = await broker.instruments('NSE');
    const token = (symbol: string): unknown =>
      theirs.find((i) => i.tradingsymbol === symbol)?.instrument_token;
    // kiteconnect's CSV reader leaves every field a string.
    expect(String(token('INFY'))).toBe('408065');
    expect(ours.find((i) => i.id === 'NSE:INFY')?.brokerTokens?.kite).toBe(String(token('INFY')));
    // papaparse turns the CSV's final newline into one empty row.
    expect(theirs.filter((i) => String(i.instrument_token) !== '')).toHaveLength(ours.length);
  });
});
