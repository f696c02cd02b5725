import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeKiteTicks,
  KiteFieldMissingError,
  KiteFrameError,
  KiteFrameReader,
  type KiteTick,
} from '../../../src/kite/ticker/index.js';
import { encodeKiteTicks } from '../../../src/testing/kite/kite-tick-encoder.js';
import { anyTick } from './kite-tick-arbitraries.js';

/** Reads packet `i` field by field into the shape decodeKiteTicks returns. */
function readTick(reader: KiteFrameReader, i: number): KiteTick {
  const base = {
    tradable: reader.tradable(i),
    instrumentToken: reader.instrumentToken(i),
    lastPrice: reader.lastPrice(i),
  };
  const mode = reader.mode(i);
  if (mode === 'ltp') return { mode, ...base };
  const ohlc = {
    open: reader.open(i),
    high: reader.high(i),
    low: reader.low(i),
    close: reader.close(i),
  };
  let volume: number;
  try {
    volume = reader.volume(i);
  } catch (error) {
    expect(error).toBeInstanceOf(KiteFieldMissingError);
    const timestamp = mode === 'full' ? reader.timestamp(i) : null;
    return { mode, ...base, ohlc, change: reader.change(i), timestamp };
  }
  const quote = {
    ...base,
    lastQuantity: reader.lastQuantity(i),
    averagePrice: reader.averagePrice(i),
    volume,
    buyQuantity: reader.buyQuantity(i),
    sellQuantity: reader.sellQuantity(i),
    ohlc,
    change: reader.change(i),
  };
  if (mode === 'quote') return { mode, ...quote };
  const side = (s: 'buy' | 'sell') =>
    [0, 1, 2, 3, 4].map((level) => ({
      price: reader.depthPrice(i, s, level),
      quantity: reader.depthQuantity(i, s, level),
      orders: reader.depthOrders(i, s, level),
    }));
  return {
    mode,
    ...quote,
    lastTradeTime: reader.lastTradeTime(i),
    oi: reader.oi(i),
    oiDayHigh: reader.oiDayHigh(i),
    oiDayLow: reader.oiDayLow(i),
    timestamp: reader.timestamp(i),
    depth: { buy: side('buy'), sell: side('sell') },
  };
}

describe('KiteFrameReader', () => {
  it('reads every field of random frames exactly as decodeKiteTicks decodes them', () => {
    const reader = new KiteFrameReader();
    fc.assert(
      fc.property(fc.array(anyTick, { maxLength: 10 }), (ticks) => {
        const frame = encodeKiteTicks(ticks);
        const count = reader.load(frame);
        expect(count).toBe(ticks.length);
        const read = Array.from({ length: count }, (_, i) => readTick(reader, i));
        expect(read).toEqual(decodeKiteTicks(frame));
        expect(read).toEqual(ticks);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the LTP test vector and treats a 1-byte frame as a heartbeat', () => {
    const reader = new KiteFrameReader();
    expect(reader.load(new Uint8Array([0, 1, 0, 8, 0, 0x0d, 0x80, 1, 0, 0, 0x99, 0x7f]))).toBe(1);
    expect(reader.instrumentToken(0)).toBe(884737);
    expect(reader.lastPrice(0)).toBe(392.95);
    expect(reader.mode(0)).toBe('ltp');
    expect(reader.load(new Uint8Array([0]))).toBe(0);
    expect(reader.count).toBe(0);
  });

  it('throws typed errors for missing fields, bad indexes and malformed frames', () => {
    const reader = new KiteFrameReader();
    reader.load(new Uint8Array([0, 1, 0, 8, 0, 0x0d, 0x80, 1, 0, 0, 0x99, 0x7f]));
    const missing = (() => {
      try {
        reader.volume(0);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(missing).toBeInstanceOf(KiteFieldMissingError);
    expect((missing as KiteFieldMissingError).field).toBe('volume');
    expect((missing as KiteFieldMissingError).offset).toBe(2);
    expect(() => reader.open(0)).toThrow(KiteFieldMissingError);
    expect(() => reader.timestamp(0)).toThrow(KiteFieldMissingError);
    expect(() => reader.lastPrice(1)).toThrow(KiteFrameError);
    expect(() => reader.lastPrice(-1)).toThrow(KiteFrameError);
    expect(() => reader.load(new Uint8Array([0, 1, 0, 8, 0]))).toThrow(KiteFrameError);
    expect(reader.count).toBe(0); // a failed load leaves nothing readable
    expect(() => reader.lastPrice(0)).toThrow(KiteFrameError);
  });

  it('rejects what decodeKiteTicks rejects, on random bytes', () => {
    const reader = new KiteFrameReader();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        let decoded: number;
        try {
          decoded = decodeKiteTicks(bytes).length;
        } catch (error) {
          expect(() => reader.load(bytes)).toThrow(
            expect.objectContaining({ offset: (error as KiteFrameError).offset }),
          );
          expect(() => reader.load(bytes)).toThrow(KiteFrameError);
          return;
        }
        expect(reader.load(bytes)).toBe(decoded);
      }),
      { numRuns: 300 },
    );
  });
});
