import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BrokerPayloadError } from '../../src/errors/index.js';
import { decodeSmartApiTick, type SmartApiTick } from '../../src/smartapi/index.js';
import { encodeSmartApiTick, type FakeSmartApiTick } from '../../src/testing/smartapi/index.js';

describe('decodeSmartApiTick', () => {
  it('reads a hand-built LTP packet: little-endian int64 paise, NUL-padded token', () => {
    const bytes = new Uint8Array(51);
    const view = new DataView(bytes.buffer);
    bytes[0] = 1;
    bytes[1] = 1;
    bytes.set([0x33, 0x30, 0x34, 0x35], 2); // "3045"
    view.setBigInt64(27, 77n, true);
    view.setBigInt64(35, 1_763_361_420_123n, true);
    view.setBigInt64(43, 81_235n, true);
    expect(decodeSmartApiTick(bytes)).toEqual({
      mode: 1,
      exchangeType: 1,
      token: '3045',
      sequence: 77,
      exchangeTime: 1_763_361_420_123,
      ltp: 812.35,
    });
  });

  it('reads SnapQuote best five (buy then sell) and divides currency prices by 10^7', () => {
    const tick: FakeSmartApiTick = {
      exchangeType: 13,
      token: '1165',
      exchangeTime: 1_700_000_000_000,
      ltp: 83.1225,
      buy: [{ price: 83.12, quantity: 1000, orders: 3 }],
      sell: [{ price: 83.125, quantity: 2000, orders: 4 }],
      openInterest: 123456,
    };
    const decoded = decodeSmartApiTick(encodeSmartApiTick(tick, 3));
    if (decoded.mode !== 3) throw new Error('expected SnapQuote');
    expect(decoded.ltp).toBe(83.1225);
    expect(decoded.buy[0]).toEqual({ price: 83.12, quantity: 1000, orders: 3 });
    expect(decoded.sell[0]).toEqual({ price: 83.125, quantity: 2000, orders: 4 });
    expect(decoded.buy[4]).toEqual({ price: 0, quantity: 0, orders: 0 });
    expect(decoded.openInterest).toBe(123456);
  });

  it('keeps tokens with leading zeros, letters and the full 25 bytes apart', () => {
    const tokenOf = (token: string) =>
      decodeSmartApiTick(encodeSmartApiTick({ exchangeType: 1, token, exchangeTime: 1, ltp: 1 }, 1))
        .token;
    for (const token of ['123', '0123', '00123', 'ABC1', '1234567890123456', '9'.repeat(25)]) {
      expect(tokenOf(token)).toBe(token);
      expect(tokenOf(token)).toBe(token); // second time from the interned copy
    }
  });

  it('rejects truncated frames, unknown modes, exchange types and bad tokens with BrokerPayloadError', () => {
    const good = encodeSmartApiTick({ exchangeType: 1, token: '3045', exchangeTime: 1, ltp: 1 }, 2);
    const cases: Uint8Array[] = [
      good.subarray(0, 100), // mode 2 needs 123 bytes
      good.subarray(0, 20),
      Uint8Array.from(good, (b, i) => (i === 0 ? 9 : b)),
      Uint8Array.from(good, (b, i) => (i === 1 ? 6 : b)),
      Uint8Array.from(good, (b, i) => (i >= 2 && i < 27 ? 0 : b)),
      Uint8Array.from(good, (b, i) => (i === 3 ? 0x07 : b)),
    ];
    for (const frame of cases) {
      expect(() => decodeSmartApiTick(frame)).toThrow(BrokerPayloadError);
    }
  });
});

const paise = fc.integer({ min: 1, max: 99_999_999_999 });
const rupees = paise.map((p) => p / 100);
const quantity = fc.integer({ min: 0, max: 2 ** 40 });
const exchangeType = fc.constantFrom(1, 2, 3, 4, 5, 7);
const token = fc.stringMatching(/^[0-9A-Z]{1,25}$/);
const level = fc.record({ price: rupees, quantity, orders: fc.integer({ min: 0, max: 32_767 }) });

const arbitraryTick = fc.record({
  exchangeType,
  token,
  sequence: fc.integer({ min: 0, max: 2 ** 50 }),
  exchangeTime: fc.integer({ min: 1_500_000_000_000, max: 2_000_000_000_000 }),
  ltp: rupees,
  lastTradedQuantity: quantity,
  averagePrice: rupees,
  volume: quantity,
  totalBuyQuantity: fc.double({ min: 0, max: 1e12, noNaN: true }),
  totalSellQuantity: fc.double({ min: 0, max: 1e12, noNaN: true }),
  open: rupees,
  high: rupees,
  low: rupees,
  close: rupees,
  lastTradedTime: fc.integer({ min: 1_500_000_000_000, max: 2_000_000_000_000 }),
  openInterest: quantity,
  buy: fc.array(level, { minLength: 5, maxLength: 5 }),
  sell: fc.array(level, { minLength: 5, maxLength: 5 }),
  upperCircuit: rupees,
  lowerCircuit: rupees,
  high52Week: rupees,
  low52Week: rupees,
});

type ArbitraryTick = typeof arbitraryTick extends fc.Arbitrary<infer U> ? U : never;

/** What the decoder must return for a tick encoded in a mode. */
function expected(t: ArbitraryTick, mode: 1 | 2 | 3): SmartApiTick {
  const base = {
    exchangeType: t.exchangeType,
    token: t.token,
    sequence: t.sequence,
    exchangeTime: t.exchangeTime,
    ltp: t.ltp,
  };
  if (mode === 1) return { mode, ...base };
  const quote = {
    ...base,
    lastTradedQuantity: t.lastTradedQuantity,
    averagePrice: t.averagePrice,
    volume: t.volume,
    totalBuyQuantity: t.totalBuyQuantity,
    totalSellQuantity: t.totalSellQuantity,
    open: t.open,
    high: t.high,
    low: t.low,
    close: t.close,
  };
  if (mode === 2) return { mode, ...quote };
  return {
    mode,
    ...quote,
    lastTradedTime: t.lastTradedTime,
    openInterest: t.openInterest,
    buy: t.buy,
    sell: t.sell,
    upperCircuit: t.upperCircuit,
    lowerCircuit: t.lowerCircuit,
    high52Week: t.high52Week,
    low52Week: t.low52Week,
  };
}

describe('fake encoder -> adapter decoder round trip', () => {
  it('returns every field of random ticks in every mode', () => {
    fc.assert(
      fc.property(
        arbitraryTick,
        fc.constantFrom(1 as const, 2 as const, 3 as const),
        (tick, mode) => {
          const decoded = decodeSmartApiTick(encodeSmartApiTick(tick, mode));
          expect(decoded).toEqual(expected(tick, mode));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws anything but BrokerPayloadError, whatever the bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc
            .tuple(
              arbitraryTick,
              fc.constantFrom(1 as const, 2 as const, 3 as const),
              fc.nat(),
              fc.nat(255),
            )
            .map(([tick, mode, at, value]) => {
              const frame = Uint8Array.from(encodeSmartApiTick(tick, mode));
              frame[at % frame.length] = value;
              return frame.subarray(0, (at * 7) % (frame.length + 1));
            }),
        ),
        (bytes) => {
          try {
            decodeSmartApiTick(bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(BrokerPayloadError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
