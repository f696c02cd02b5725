// The official kiteconnect KiteTicker (devDependency, used only as a test oracle) pointed at the
// fake ticker must read the fake's frames to the same values as decodeKiteTicks. kiteconnect keeps
// module-global state, so this file uses exactly one of its tickers.
import fc from 'fast-check';
import { KiteTicker as KiteConnectTicker, type KiteTickerParams } from 'kiteconnect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeKiteTicks, type KiteTick } from '../../../src/kite/ticker/index.js';
import type { SubscriptionMode } from '../../../src/port/index.js';
import {
  ACCESS_TOKEN,
  API_KEY,
  startFakeKite,
  until,
  type RunningFake,
} from './fake-kite-server.js';
import { fullTick, indexTick } from './kite-tick-arbitraries.js';

/** The snake_case tick kiteconnect emits (its own types are looser than its code). */
interface KiteConnectTick {
  readonly mode: SubscriptionMode;
  readonly tradable: boolean;
  readonly instrument_token: number;
  readonly last_price: number;
  readonly ohlc?: { open: number; high: number; low: number; close: number };
  readonly change?: number;
  readonly last_traded_quantity?: number;
  readonly average_traded_price?: number;
  readonly volume_traded?: number;
  readonly total_buy_quantity?: number;
  readonly total_sell_quantity?: number;
  readonly last_trade_time?: Date | null;
  readonly exchange_timestamp?: Date | null;
  readonly oi?: number;
  readonly oi_day_high?: number;
  readonly oi_day_low?: number;
  readonly depth?: {
    buy: { price: number; quantity: number; orders: number }[];
    sell: { price: number; quantity: number; orders: number }[];
  };
}

/** Maps kiteconnect's snake_case tick to Pravah's camelCase KiteTick. */
function fromKiteConnect(t: KiteConnectTick): KiteTick {
  const base = {
    tradable: t.tradable,
    instrumentToken: t.instrument_token,
    lastPrice: t.last_price,
  };
  if (t.mode === 'ltp') return { mode: 'ltp', ...base };
  const ohlc = { open: t.ohlc!.open, high: t.ohlc!.high, low: t.ohlc!.low, close: t.ohlc!.close };
  const epoch = (d: Date | null | undefined) => (d instanceof Date ? d.getTime() : null);
  if (t.volume_traded === undefined) {
    return {
      mode: t.mode,
      ...base,
      ohlc,
      change: t.change!,
      timestamp: epoch(t.exchange_timestamp),
    };
  }
  const quote = {
    ...base,
    lastQuantity: t.last_traded_quantity!,
    averagePrice: t.average_traded_price!,
    volume: t.volume_traded,
    buyQuantity: t.total_buy_quantity!,
    sellQuantity: t.total_sell_quantity!,
    ohlc,
    change: t.change!,
  };
  if (t.mode === 'quote') return { mode: 'quote', ...quote };
  const level = (l: { price: number; quantity: number; orders: number }) => ({
    price: l.price,
    quantity: l.quantity,
    orders: l.orders,
  });
  return {
    mode: 'full',
    ...quote,
    lastTradeTime: epoch(t.last_trade_time),
    oi: t.oi!,
    oiDayHigh: t.oi_day_high!,
    oiDayLow: t.oi_day_low!,
    timestamp: epoch(t.exchange_timestamp),
    depth: { buy: t.depth!.buy.map(level), sell: t.depth!.sell.map(level) },
  };
}

let server: RunningFake;

beforeAll(async () => {
  server = await startFakeKite(500);
});

afterAll(async () => {
  await server.stop();
});

describe('kiteconnect KiteTicker as an oracle for the fake and decodeKiteTicks', () => {
  it('reads random ticks of every mode and segment to the same values', async () => {
    const sampled = [
      ...fc.sample(fullTick, { numRuns: 60, seed: 42 }),
      ...fc.sample(
        indexTick.filter((t) => t.mode === 'full'),
        { numRuns: 30, seed: 43 },
      ),
    ];
    const byToken = new Map<number, KiteTick>();
    for (const tick of sampled) byToken.set(tick.instrumentToken, tick);
    const ticks = [...byToken.values()];
    const modes: SubscriptionMode[] = ['ltp', 'quote', 'full'];
    const modeOf = new Map(ticks.map((t, i) => [t.instrumentToken, modes[i % 3]!]));

    // `root` is implemented but missing from kiteconnect's published KiteTickerParams type.
    const params = {
      api_key: API_KEY,
      access_token: ACCESS_TOKEN,
      reconnect: false,
      root: server.url,
    } satisfies KiteTickerParams & { root: string };
    const oracle = new KiteConnectTicker(params);
    const frames: Uint8Array[] = [];
    const oracleTicks: KiteConnectTick[] = [];
    oracle.on('message', (data: ArrayBuffer) => {
      if (data.byteLength > 1) frames.push(new Uint8Array(data));
    });
    oracle.on('ticks', (received: KiteConnectTick[]) => oracleTicks.push(...received));
    oracle.on('connect', () => {
      oracle.subscribe(ticks.map((t) => t.instrumentToken));
      for (const mode of modes) {
        const tokens = ticks.map((t) => t.instrumentToken).filter((k) => modeOf.get(k) === mode);
        oracle.setMode(mode, tokens);
      }
    });
    oracle.connect();
    try {
      await until(() => {
        const subscribed = server.fake.subscriptions()[0];
        return subscribed !== undefined && [...modeOf].every(([k, m]) => subscribed.get(k) === m);
      }, 'kiteconnect subscriptions with modes');
      expect(server.fake.clients()[0]?.url).toMatch(
        new RegExp(`^/\\?api_key=${API_KEY}&access_token=${ACCESS_TOKEN}&uid=\\d+$`),
      );
      for (let i = 0; i < ticks.length; i += 10) server.fake.broadcast(ticks.slice(i, i + 10));
      await until(() => oracleTicks.length === ticks.length, 'every tick at kiteconnect');

      const decoded = frames.flatMap((frame) => decodeKiteTicks(frame));
      expect(decoded).toHaveLength(ticks.length);
      expect(oracleTicks.map(fromKiteConnect)).toEqual(decoded);
      expect(new Set(decoded.map((t) => t.mode))).toEqual(new Set(modes));
    } finally {
      oracle.disconnect();
    }
  });
});
