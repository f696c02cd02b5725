import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstox, type FakeUpstox } from '../../src/testing/upstox/index.js';
import type { UpstoxBroker } from '../../src/upstox/index.js';
import { brokerFor } from './helpers.js';

// Fake clock: Wednesday 2024-03-20 11:00 IST, so "today" has intraday candles up to 11:00.
const NOW = Date.parse('2024-03-20T11:00:00+05:30');

describe('Upstox portfolio, quotes, candles and instruments over real sockets', () => {
  let fake: FakeUpstox;
  let broker: UpstoxBroker;
  beforeAll(async () => {
    fake = await startFakeUpstox({
      now: () => NOW,
      funds: { available: 75_000.5, used: 24_999.5 },
    });
    broker = brokerFor(fake, { now: () => NOW });
  });
  afterAll(async () => {
    await broker.close();
    await fake.close();
  });

  it('reports net and day positions after fills, with realised P&L', async () => {
    fake.setPrice('NFO:NIFTY FUT 30 DEC 25', 22_000);
    const order = {
      instrument: 'NFO:NIFTY FUT 30 DEC 25' as const,
      quantity: 150,
      orderType: 'MARKET' as const,
      product: 'NRML' as const,
      validity: 'DAY' as const,
    };
    await broker.placeOrder({ ...order, side: 'BUY', tag: 'pos1' });
    fake.setPrice('NFO:NIFTY FUT 30 DEC 25', 22_010);
    await broker.placeOrder({ ...order, side: 'SELL', quantity: 75, tag: 'pos2' });
    const { net, day } = await broker.positions();
    expect(net).toHaveLength(1);
    expect(net[0]).toMatchObject({
      instrument: 'NFO:NIFTY FUT 30 DEC 25',
      product: 'NRML',
      quantity: 75,
      averagePrice: 22_000,
      lastPrice: 22_010,
    });
    expect(net[0]?.realisedPnl.toNumber()).toBe(750);
    expect(day[0]).toMatchObject({ quantity: 75, averagePrice: 22_000 });
    expect(day[0]?.realisedPnl.toNumber()).toBe(750);
  });

  it('reads equity funds and (empty) holdings', async () => {
    expect(await broker.funds()).toEqual({ available: 75_000.5, used: 24_999.5, net: 100_000 });
    expect(await broker.holdings()).toEqual([]);
  });

  it('maps the gzipped JSON master: keys, expiry from epoch ms, skipped segments', async () => {
    const all = await broker.instruments();
    expect(all.map((i) => i.id)).toEqual([
      'NSE:RELIANCE',
      'NSE:INFY',
      'BSE:RELIANCE',
      'NSE:NIFTY',
      'NFO:NIFTY FUT 30 DEC 25',
      'NFO:NIFTY 26000 CE 30 DEC 25',
    ]);
    const call = all.find((i) => i.type === 'CE');
    expect(call).toMatchObject({
      exchange: 'NFO',
      symbol: 'NIFTY 26000 CE 30 DEC 25',
      lotSize: 75,
      tickSize: 0.05,
      freezeQuantity: 1800,
      expiry: '2025-12-30',
      strike: 26000,
      optionType: 'CE',
      underlying: 'NIFTY',
      brokerTokens: { upstox: 'NSE_FO|53002' },
    });
    expect(all.find((i) => i.id === 'NSE:NIFTY')).toMatchObject({ type: 'IDX', lotSize: 1 });
    expect(all.find((i) => i.id === 'BSE:RELIANCE')).toMatchObject({
      type: 'EQ',
      isin: 'INE002A01018',
      brokerTokens: { upstox: 'BSE_EQ|INE002A01018' },
    });
    expect((await broker.instruments('NFO')).map((i) => i.type)).toEqual(['FUT', 'CE']);
  });

  it('matches quotes keyed by SEGMENT:SYMBOL back to instruments through instrument_token', async () => {
    fake.feed.publish('NSE_EQ|INE009A01021', {
      ltp: 1512.35,
      ltt: NOW - 1_000,
      volume: 123_456,
      depth: [{ bidQ: 40, bidP: 1512.3, askQ: 25, askP: 1512.4 }],
    });
    fake.setPrice('NSE:RELIANCE', 2901.1);
    const quotes = await broker.quotes(['NSE:INFY', 'NSE:RELIANCE']);
    expect([...quotes.keys()].sort()).toEqual(['NSE:INFY', 'NSE:RELIANCE']);
    expect(quotes.get('NSE:INFY')).toMatchObject({
      kind: 'tick',
      instrument: 'NSE:INFY',
      price: 1512.35,
      time: NOW - 1_000,
      volume: 123_456,
      bid: 1512.3,
      ask: 1512.4,
      depth: {
        buy: [{ price: 1512.3, quantity: 40, orders: 1 }],
        sell: [{ price: 1512.4, quantity: 25, orders: 1 }],
      },
    });
    expect(quotes.get('NSE:RELIANCE')?.price).toBe(2901.1);
  });

  it('chunks 1-minute candles across the one-month limit (URL-encoded key), oldest first, no duplicates', async () => {
    const from = Date.parse('2024-01-01T09:15:00+05:30');
    const to = Date.parse('2024-02-15T15:29:00+05:30');
    const before = fake.requests.length;
    const bars = await broker.historicalCandles('NSE:INFY', '1m', from, to);
    const calls = fake.requests.slice(before).filter((r) => r.path.startsWith('/v3/historical'));
    expect(calls.map((r) => r.path)).toEqual([
      '/v3/historical-candle/NSE_EQ%7CINE009A01021/minutes/1/2024-01-28/2024-01-01',
      '/v3/historical-candle/NSE_EQ%7CINE009A01021/minutes/1/2024-02-15/2024-01-29',
    ]);
    // 34 weekdays from 1 Jan to 15 Feb 2024, 375 one-minute bars each.
    expect(bars).toHaveLength(34 * 375);
    expect(bars[0]?.time).toBe(from);
    expect(bars.at(-1)?.time).toBe(to);
    for (let i = 1; i < bars.length; i++) {
      expect((bars[i]?.time ?? 0) > (bars[i - 1]?.time ?? 0)).toBe(true);
    }
    // The boundary: Friday 26 Jan 15:29 then Monday 29 Jan 09:15, each exactly once.
    const boundary = bars.findIndex((b) => b.time === Date.parse('2024-01-29T09:15:00+05:30'));
    expect(bars[boundary - 1]?.time).toBe(Date.parse('2024-01-26T15:29:00+05:30'));
    expect(bars[0]).toMatchObject({ kind: 'bar', instrument: 'NSE:INFY', timeframe: '1m', oi: 0 });
  });

  it('adds today from the intraday endpoint and normalises newest-first to oldest-first', async () => {
    const from = Date.parse('2024-03-19T09:15:00+05:30');
    const before = fake.requests.length;
    const bars = await broker.historicalCandles('NSE:RELIANCE', '30m', from, NOW);
    const calls = fake.requests.slice(before).map((r) => r.path);
    expect(calls).toEqual([
      '/v3/historical-candle/NSE_EQ%7CINE002A01018/minutes/30/2024-03-20/2024-03-19',
      '/v3/historical-candle/intraday/NSE_EQ%7CINE002A01018/minutes/30',
    ]);
    const times = bars.map((b) => new Date(b.time + 19_800_000).toISOString().slice(5, 16));
    // 13 half-hour bars on the 19th (09:15 ... 15:15), then today's finished ones up to 11:00.
    expect(times.slice(0, 2)).toEqual(['03-19T09:15', '03-19T09:45']);
    expect(times.slice(-4)).toEqual(['03-19T15:15', '03-20T09:15', '03-20T09:45', '03-20T10:15']);
    expect(bars).toHaveLength(13 + 3);
  });

  it('uses hours for 60m and days for 1d with their own spans', async () => {
    const from = Date.parse('2023-01-02T00:00:00+05:30');
    const to = Date.parse('2023-12-29T00:00:00+05:30');
    const before = fake.requests.length;
    const hourly = await broker.historicalCandles('NSE:INFY', '60m', from, to);
    const daily = await broker.historicalCandles('NSE:INFY', '1d', from, to);
    const calls = fake.requests.slice(before).map((r) => r.path.split('/').slice(4).join('/'));
    expect(calls.filter((c) => c.startsWith('hours')).length).toBe(5); // 362 days / 89
    expect(calls.filter((c) => c.startsWith('days'))).toEqual(['days/1/2023-12-29/2023-01-02']);
    expect(daily).toHaveLength(260);
    // Hourly bars of 29 Dec start after `to` (00:00), so 259 sessions of 7 bars.
    expect(hourly).toHaveLength(259 * 7);
    expect(hourly[0]?.time).toBe(Date.parse('2023-01-02T09:15:00+05:30'));
  });
});
