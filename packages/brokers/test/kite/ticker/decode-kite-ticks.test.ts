import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BrokerError } from '../../../src/errors/index.js';
import {
  decodeKiteTicks,
  KiteFrameError,
  kitePriceDivisor,
  type KiteFullTick,
  type KiteTick,
} from '../../../src/kite/ticker/index.js';
import { encodeKiteTicks } from '../../../src/testing/kite/kite-tick-encoder.js';
import { anyTick, fullTick, SEGMENT_DIVISORS } from './kite-tick-arbitraries.js';

/** Builds a frame by hand from packets given as lists of [byteWidth, value]. */
function frameOf(...packets: (readonly (readonly [2 | 4, number])[])[]): Uint8Array {
  const sizes = packets.map((fields) => fields.reduce((sum, [width]) => sum + width, 0));
  const bytes = new Uint8Array(2 + sizes.reduce((sum, size) => sum + 2 + size, 0));
  const view = new DataView(bytes.buffer);
  view.setUint16(0, packets.length);
  let at = 2;
  packets.forEach((fields, i) => {
    view.setUint16(at, sizes[i]!);
    at += 2;
    for (const [width, value] of fields) {
      if (width === 2) view.setUint16(at, value);
      else view.setUint32(at, value);
      at += width;
    }
  });
  return bytes;
}

const u32 = (value: number) => [4, value] as const;
const u16 = (value: number) => [2, value] as const;

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('decodeKiteTicks', () => {
  it("decodes kiteconnectjs' LTP test vector", () => {
    const frame = new Uint8Array([0, 1, 0, 8, 0x00, 0x0d, 0x80, 0x01, 0x00, 0x00, 0x99, 0x7f]);
    expect(decodeKiteTicks(frame)).toEqual([
      { mode: 'ltp', tradable: true, instrumentToken: 884737, lastPrice: 392.95 },
    ]);
  });

  it('decodes a full 184-byte packet field by field', () => {
    const token = 408065; // 1594 * 256 + 1: NSE
    const depth = [];
    for (let i = 0; i < 10; i++) depth.push(u32(100 + i), u32(150000 + i * 5), u16(3 + i), u16(0));
    const frame = frameOf([
      u32(token),
      u32(150_025), // last price 1500.25
      u32(7),
      u32(149_980),
      u32(1_234_567),
      u32(5000),
      u32(6000),
      u32(149_000),
      u32(151_000),
      u32(148_500),
      u32(148_000), // close 1480.00
      u32(1_700_000_000),
      u32(11),
      u32(12),
      u32(10),
      u32(1_700_000_001),
      ...depth,
    ]);
    expect(frame.length).toBe(2 + 2 + 184);
    const [tick] = decodeKiteTicks(frame);
    expect(tick).toEqual({
      mode: 'full',
      tradable: true,
      instrumentToken: token,
      lastPrice: 1500.25,
      lastQuantity: 7,
      averagePrice: 1499.8,
      volume: 1_234_567,
      buyQuantity: 5000,
      sellQuantity: 6000,
      ohlc: { open: 1490, high: 1510, low: 1485, close: 1480 },
      change: ((1500.25 - 1480) * 100) / 1480,
      lastTradeTime: 1_700_000_000_000,
      oi: 11,
      oiDayHigh: 12,
      oiDayLow: 10,
      timestamp: 1_700_000_001_000,
      depth: {
        buy: [0, 1, 2, 3, 4].map((i) => ({
          price: (150000 + i * 5) / 100,
          quantity: 100 + i,
          orders: 3 + i,
        })),
        sell: [5, 6, 7, 8, 9].map((i) => ({
          price: (150000 + i * 5) / 100,
          quantity: 100 + i,
          orders: 3 + i,
        })),
      },
    });
  });

  it('decodes a 44-byte quote packet, with change 0 when close is 0', () => {
    const frame = frameOf(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => u32(i === 0 ? 0x0300 + 3 : i * 10_000_000)),
    );
    const [tick] = decodeKiteTicks(frame);
    // Segment 3 (CDS): prices are in units of 1e-7.
    expect(tick).toEqual({
      mode: 'quote',
      tradable: true,
      instrumentToken: 0x0303,
      lastPrice: 1,
      lastQuantity: 20_000_000,
      averagePrice: 3,
      volume: 40_000_000,
      buyQuantity: 50_000_000,
      sellQuantity: 60_000_000,
      ohlc: { open: 7, high: 8, low: 9, close: 10 },
      change: -90,
    });
    const noClose = frameOf([u32(0x0106), ...Array.from({ length: 10 }, () => u32(0))]);
    expect(decodeKiteTicks(noClose)[0]).toMatchObject({ change: 0, ohlc: { close: 0 } });
  });

  it('decodes index packets (high and low before open) in quote and full mode', () => {
    const nifty = 256265; // 1001 * 256 + 9
    const fields = [u32(nifty), u32(2_340_685), u32(2_344_195), u32(2_329_595), u32(2_334_445)];
    const frame = frameOf(
      [...fields, u32(2_326_485), u32(999)],
      [...fields, u32(2_326_485), u32(999), u32(1_718_176_569)],
      [...fields, u32(0), u32(1234)],
    );
    const ohlc = { open: 23344.45, high: 23441.95, low: 23295.95, close: 23264.85 };
    const change = ((23406.85 - 23264.85) * 100) / 23264.85;
    expect(decodeKiteTicks(frame)).toEqual([
      {
        mode: 'quote',
        tradable: false,
        instrumentToken: nifty,
        lastPrice: 23406.85,
        ohlc,
        change,
        timestamp: null,
      },
      {
        mode: 'full',
        tradable: false,
        instrumentToken: nifty,
        lastPrice: 23406.85,
        ohlc,
        change,
        timestamp: 1_718_176_569_000,
      },
      {
        mode: 'quote',
        tradable: false,
        instrumentToken: nifty,
        lastPrice: 23406.85,
        ohlc: { ...ohlc, close: 0 },
        change: 1234, // the raw wire value when there is no close
        timestamp: null,
      },
    ]);
  });

  it('divides prices by each segment divisor of the spec', () => {
    for (const [segment, divisor] of Object.entries(SEGMENT_DIVISORS)) {
      const token = 77 * 256 + Number(segment);
      expect(kitePriceDivisor(token)).toBe(divisor);
      const [tick] = decodeKiteTicks(frameOf([u32(token), u32(123_456_789)]));
      expect(tick).toEqual({
        mode: 'ltp',
        tradable: segment !== '9',
        instrumentToken: token,
        lastPrice: 123_456_789 / divisor,
      });
    }
  });

  it('reads full 32-bit unsigned values', () => {
    const [tick] = decodeKiteTicks(frameOf([u32(0xffffff01), u32(0xffffffff)]));
    expect(tick).toEqual({
      mode: 'ltp',
      tradable: true,
      instrumentToken: 0xffffff01,
      lastPrice: 0xffffffff / 100,
    });
  });

  it('treats a 1-byte frame as a heartbeat and a zero count as no ticks', () => {
    expect(decodeKiteTicks(new Uint8Array([0]))).toEqual([]);
    expect(decodeKiteTicks(new Uint8Array([0, 0]))).toEqual([]);
  });

  it('decodes a frame that is a view into a larger buffer', () => {
    const frame = frameOf([u32(884737), u32(39295)]);
    const big = new Uint8Array(frame.length + 10);
    big.set(frame, 7);
    const [tick] = decodeKiteTicks(big.subarray(7, 7 + frame.length));
    expect(tick?.lastPrice).toBe(392.95);
  });

  it('throws KiteFrameError with the byte offset for malformed frames', () => {
    const cases: [string, Uint8Array, number][] = [
      ['empty', new Uint8Array(0), 0],
      ['count without packets', new Uint8Array([0, 2]), 2],
      ['half a length', new Uint8Array([0, 1, 0]), 2],
      ['truncated packet', frameOf([u32(884737), u32(1)]).subarray(0, 10), 2],
      ['unknown length', frameOf([u32(884737), u32(1), u16(0)]), 2],
      ['second packet missing', new Uint8Array([0, 2, ...frameOf([u32(1), u32(1)]).slice(2)]), 12],
      ['trailing bytes', new Uint8Array([...frameOf([u32(884737), u32(1)]), 9, 9]), 12],
    ];
    for (const [what, frame, offset] of cases) {
      const error = catchError(() => decodeKiteTicks(frame));
      expect(error, what).toBeInstanceOf(KiteFrameError);
      expect(error, what).toBeInstanceOf(BrokerError);
      expect((error as KiteFrameError).offset, what).toBe(offset);
      expect((error as KiteFrameError).frameLength, what).toBe(frame.length);
      expect((error as KiteFrameError).code, what).toBe('KITE_FRAME_MALFORMED');
      expect((error as KiteFrameError).broker, what).toBe('kite');
    }
  });

  it('round-trips random ticks of every mode and segment through the fake encoder', () => {
    fc.assert(
      fc.property(fc.array(anyTick, { maxLength: 12 }), (ticks) => {
        expect(decodeKiteTicks(encodeKiteTicks(ticks))).toEqual(ticks);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes full ticks sent in a lower mode to the fields of that mode', () => {
    fc.assert(
      fc.property(fullTick, fc.constantFrom('ltp', 'quote', 'full' as const), (tick, mode) => {
        const [decoded] = decodeKiteTicks(encodeKiteTicks([tick], mode));
        expect(decoded).toEqual(project(tick, mode));
      }),
      { numRuns: 200 },
    );
  });

  it('throws KiteFrameError for every truncation of a valid frame', () => {
    fc.assert(
      fc.property(fc.array(anyTick, { minLength: 1, maxLength: 6 }), fc.nat(), (ticks, cutSeed) => {
        const frame = encodeKiteTicks(ticks);
        const cut = 2 + (cutSeed % (frame.length - 2)); // keeps 2..length-1 bytes
        expect(() => decodeKiteTicks(frame.subarray(0, cut))).toThrow(KiteFrameError);
      }),
      { numRuns: 300 },
    );
  });

  it('throws KiteFrameError when a packet length or the count is corrupted', () => {
    fc.assert(
      fc.property(
        fc.array(anyTick, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.nat(),
        (ticks, badLength, which) => {
          fc.pre(![8, 28, 32, 44, 184].includes(badLength));
          const frame = encodeKiteTicks(ticks);
          const view = new DataView(frame.buffer);
          let offset = 2;
          for (let i = 0; i < which % ticks.length; i++) offset += 2 + view.getUint16(offset);
          const bad = frame.slice();
          new DataView(bad.buffer).setUint16(offset, badLength);
          const error = catchError(() => decodeKiteTicks(bad));
          expect(error).toBeInstanceOf(KiteFrameError);
          expect((error as KiteFrameError).offset).toBe(offset);

          const moreCount = frame.slice();
          new DataView(moreCount.buffer).setUint16(0, ticks.length + 1 + (which % 100));
          expect(() => decodeKiteTicks(moreCount)).toThrow(KiteFrameError);
          const lessCount = frame.slice();
          new DataView(lessCount.buffer).setUint16(0, which % ticks.length);
          expect(() => decodeKiteTicks(lessCount)).toThrow(KiteFrameError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws anything but KiteFrameError on random corruption or random bytes', () => {
    const corrupted = fc
      .record({
        ticks: fc.array(anyTick, { minLength: 1, maxLength: 4 }),
        flips: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
      })
      .map(({ ticks, flips }) => {
        const frame = encodeKiteTicks(ticks);
        for (const { at, byte } of flips) frame[at % frame.length] = byte;
        return frame;
      });
    fc.assert(
      fc.property(fc.oneof(corrupted, fc.uint8Array({ maxLength: 400 })), (frame) => {
        let result: KiteTick[] | undefined;
        try {
          result = decodeKiteTicks(frame);
        } catch (error) {
          expect(error).toBeInstanceOf(KiteFrameError);
          return;
        }
        for (const tick of result) expect(Number.isFinite(tick.lastPrice)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** What a receiver sees of a full tick sent in `mode`. */
function project(tick: KiteFullTick, mode: 'ltp' | 'quote' | 'full'): KiteTick {
  if (mode === 'full') return tick;
  if (mode === 'ltp') {
    return {
      mode,
      tradable: tick.tradable,
      instrumentToken: tick.instrumentToken,
      lastPrice: tick.lastPrice,
    };
  }
  const { lastTradeTime, oi, oiDayHigh, oiDayLow, timestamp, depth, ...quote } = tick;
  void [lastTradeTime, oi, oiDayHigh, oiDayLow, timestamp, depth];
  return { ...quote, mode: 'quote' };
}
