// Kite binary ticker decoding (DESIGN.md §10: at least 5,000,000 ticks/s), on frames of 100
// packets in full, quote and LTP mode, with kiteconnect's own parser as the peer.
//
// Imported from the brokers sources, not `@pravah/brokers`: the ticker is exported through
// `@pravah/brokers/kite`, whose index (owned by the REST adapter's author) does not re-export
// `kite/ticker` yet, so the built dist has no decoder to measure.
import { createRequire } from 'node:module';
import {
  decodeKiteTicks,
  KiteFrameReader,
  type KiteTick,
} from '../../packages/brokers/src/kite/ticker/index.js';
import { encodeKiteTicks } from '../../packages/brokers/src/testing/kite/kite-tick-encoder.js';
import { median } from '../measure.js';
import type { BenchResult } from '../types.js';

const PACKETS_PER_FRAME = 100;
const FRAMES = 2000;
const BUDGET = { min: 5_000_000 };

/** Full ticks of NSE (and some NFO and CDS) tokens around plausible prices, on the wire grid. */
function sampleTicks(count: number): KiteTick[] {
  const ticks: KiteTick[] = [];
  for (let i = 0; i < count; i++) {
    const segment = i % 10 === 0 ? 3 : i % 3 === 0 ? 2 : 1;
    const divisor = segment === 3 ? 10_000_000 : 100;
    const raw = 100_000 + ((i * 7919) % 400_000);
    const price = (k: number) => (raw + k) / divisor;
    ticks.push({
      mode: 'full',
      tradable: true,
      instrumentToken: (1000 + i) * 256 + segment,
      lastPrice: price(0),
      lastQuantity: 1 + (i % 50),
      averagePrice: price(-3),
      volume: 1_000_000 + i * 13,
      buyQuantity: 200_000 + i,
      sellQuantity: 300_000 + i,
      ohlc: { open: price(-40), high: price(55), low: price(-70), close: price(-20) },
      change: ((price(0) - price(-20)) * 100) / price(-20),
      lastTradeTime: 1_718_176_560_000 + i * 1000,
      oi: i * 75,
      oiDayHigh: i * 80,
      oiDayLow: i * 70,
      timestamp: 1_718_176_561_000 + i * 1000,
      depth: {
        buy: [1, 2, 3, 4, 5].map((k) => ({ price: price(-5 * k), quantity: 10 * k, orders: k })),
        sell: [1, 2, 3, 4, 5].map((k) => ({ price: price(5 * k), quantity: 12 * k, orders: k })),
      },
    });
  }
  return ticks;
}

function framesIn(mode: 'full' | 'quote' | 'ltp'): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (let f = 0; f < FRAMES; f++) {
    frames.push(encodeKiteTicks(sampleTicks(PACKETS_PER_FRAME), mode));
  }
  return frames;
}

/**
 * Median items per CPU-second of `fn` (process user + system time, so GC threads count against
 * it). On this shared 2-core machine, with other workers running, wall-clock rates mostly
 * measure the other workers; CPU time measures the code.
 */
function cpuThroughput(fn: () => unknown, items: number, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    rates.push(items / ((used.user + used.system) / 1e6));
  }
  return median(rates);
}

interface KiteConnectParser {
  parseBinary(frame: ArrayBuffer): unknown[];
}

export default function kiteDecoderSuite(): BenchResult[] {
  const results: BenchResult[] = [];
  const ticks = FRAMES * PACKETS_PER_FRAME;
  let sink = 0;
  for (const mode of ['full', 'quote', 'ltp'] as const) {
    const frames = framesIn(mode);
    const rate = cpuThroughput(
      () => {
        for (const frame of frames) sink += decodeKiteTicks(frame).length;
      },
      ticks,
      9,
      3,
    );
    results.push({
      name: `decodeKiteTicks, ${mode} mode`,
      value: rate,
      unit: 'ticks/CPU-s',
      budget: BUDGET,
      note: `${FRAMES} frames of ${PACKETS_PER_FRAME} ${mode} packets (${frames[0]!.length} bytes each), decoded to tick objects; median of 9 passes, per CPU-second of the process (the shared 2-core machine was at load ~15)`,
    });
  }

  // The allocation-free reader on the same full frames: check, then read token, last price,
  // volume and best bid/ask of every packet (what a tick-to-order path needs).
  const fullFrames = framesIn('full');
  const reader = new KiteFrameReader();
  const readerRate = cpuThroughput(
    () => {
      for (const frame of fullFrames) {
        const count = reader.load(frame);
        for (let i = 0; i < count; i++) {
          sink +=
            reader.instrumentToken(i) +
            reader.lastPrice(i) +
            reader.volume(i) +
            reader.depthPrice(i, 'buy', 0) +
            reader.depthPrice(i, 'sell', 0);
        }
      }
    },
    ticks,
    9,
    3,
  );
  results.push({
    name: 'KiteFrameReader, full mode (5 fields per tick)',
    value: readerRate,
    unit: 'ticks/CPU-s',
    budget: BUDGET,
    note: `same ${FRAMES} full frames; frame checked, then token, last price, volume, best bid and ask read in place, no objects`,
  });

  // Peer: kiteconnect's parser (slices an ArrayBuffer per field) on the same full-mode frames.
  const require = createRequire(import.meta.url);
  const { KiteTicker } = require('kiteconnect') as {
    KiteTicker: new (params: { api_key: string; access_token: string }) => KiteConnectParser;
  };
  const peer = new KiteTicker({ api_key: 'bench', access_token: 'bench' });
  // It creates an ArrayBuffer per field read, so it gets a tenth of the frames.
  const peerFrames = fullFrames.slice(0, FRAMES / 10).map((f) => f.slice().buffer);
  const peerRate = cpuThroughput(
    () => {
      for (const frame of peerFrames) sink += peer.parseBinary(frame).length;
    },
    ticks / 10,
    5,
    1,
  );
  results.push({
    name: 'peer: kiteconnect 5.3 parseBinary, full mode',
    value: peerRate,
    unit: 'ticks/CPU-s',
    note: `${FRAMES / 10} of the same frames; decodeKiteTicks is ${(results[0]!.value / peerRate).toFixed(1)}x this`,
  });
  if (sink === 0) throw new Error('nothing decoded');
  return results;
}
