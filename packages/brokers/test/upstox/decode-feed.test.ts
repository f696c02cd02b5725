import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BrokerPayloadError } from '../../src/errors/index.js';
import { encodeUpstoxFeed, fakeFeedEntry } from '../../src/testing/upstox/index.js';
import { UpstoxTickMapper, decodeUpstoxFeed } from '../../src/upstox/index.js';

// Protobuf wire format written by hand (protobuf.dev/programming-guides/encoding), so an error
// in the project's .proto cannot cancel out between the fake's encoder and the decoder.
function varint(value: number): number[] {
  const out: number[] = [];
  let v = BigInt(value);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}
function double(value: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return [...new Uint8Array(view.buffer)];
}
const tag = (field: number, wireType: number): number[] => varint((field << 3) | wireType);
const bytes = (field: number, payload: number[]): number[] => [
  ...tag(field, 2),
  ...varint(payload.length),
  ...payload,
];
const text = (field: number, s: string): number[] => bytes(field, [...new TextEncoder().encode(s)]);

describe('decodeUpstoxFeed on hand-built bytes', () => {
  it('decodes a live_feed with one LTPC entry', () => {
    // prettier-ignore
    const ltpc = [
      ...tag(1, 1), ...double(2500.5),
      ...tag(2, 0), ...varint(1_700_000_000_000),
      ...tag(3, 0), ...varint(7),
      ...tag(4, 1), ...double(2490.25),
    ];
    const feed = bytes(1, ltpc); // Feed.ltpc = 1
    const entry = [...text(1, 'NSE_EQ|INE002A01018'), ...bytes(2, feed)];
    // prettier-ignore
    const message = new Uint8Array([
      ...tag(1, 0), ...varint(1), // type = live_feed
      ...bytes(2, entry), // feeds map entry
      ...tag(3, 0), ...varint(1_700_000_000_123), // currentTs
    ]);
    expect(decodeUpstoxFeed(message)).toEqual({
      type: 'live_feed',
      currentTs: 1_700_000_000_123,
      feeds: [
        {
          instrumentKey: 'NSE_EQ|INE002A01018',
          variant: 'ltpc',
          mode: 'ltpc',
          ltpc: { ltp: 2500.5, ltt: 1_700_000_000_000, ltq: 7, cp: 2490.25 },
        },
      ],
    });
  });

  it('decodes a full market feed with depth, volume and OI, and a market_info', () => {
    // prettier-ignore
    const quote = [
      ...tag(1, 0), ...varint(40),
      ...tag(2, 1), ...double(101.5),
      ...tag(3, 0), ...varint(25),
      ...tag(4, 1), ...double(101.55),
    ];
    // prettier-ignore
    const marketFF = [
      ...bytes(1, [...tag(1, 1), ...double(101.5)]), // ltpc.ltp only
      ...bytes(2, bytes(1, quote)), // marketLevel.bidAskQuote[0]
      ...tag(6, 0), ...varint(987_654_321), // vtt
      ...tag(7, 1), ...double(12_000), // oi
    ];
    const feed = [...bytes(2, bytes(1, marketFF)), ...tag(4, 0), ...varint(1)]; // full_d5
    const entry = [...text(1, 'NSE_FO|53001'), ...bytes(2, feed)];
    const live = new Uint8Array([...tag(1, 0), ...varint(1), ...bytes(2, entry)]);
    const decoded = decodeUpstoxFeed(live);
    expect(decoded.feeds[0]).toMatchObject({
      instrumentKey: 'NSE_FO|53001',
      variant: 'market',
      mode: 'full_d5',
      volume: 987_654_321,
      oi: 12_000,
      ltpc: { ltp: 101.5, ltt: 0, ltq: 0, cp: 0 },
      depth: [{ bidQ: 40, bidP: 101.5, askQ: 25, askP: 101.55 }],
    });

    const status = [...text(1, 'NSE_FO'), ...tag(2, 0), ...varint(2)];
    const info = new Uint8Array([...tag(1, 0), ...varint(2), ...bytes(4, bytes(1, status))]);
    expect(decodeUpstoxFeed(info)).toEqual({
      type: 'market_info',
      currentTs: 0,
      feeds: [],
      marketStatus: { NSE_FO: 'NORMAL_OPEN' },
    });
  });

  it('throws BrokerPayloadError on truncated bytes, a bad wire type and an unknown enum value', () => {
    for (const bad of [
      [0x12, 0x40, 0x0a],
      [0x0f, 0x01],
      [0x08, 0x09],
    ]) {
      expect(() => decodeUpstoxFeed(new Uint8Array(bad))).toThrow(BrokerPayloadError);
    }
  });
});

const price = fc.double({ min: 0.05, max: 1e6, noNaN: true });
const quoteArb = fc.record({
  ltp: price,
  ltt: fc.integer({ min: 1, max: 4_102_444_800_000 }),
  ltq: fc.integer({ min: 0, max: 1_000_000 }),
  cp: price,
  volume: fc.integer({ min: 0, max: 2 ** 40 }),
  oi: fc.integer({ min: 0, max: 1e9 }),
  atp: price,
  depth: fc.array(
    fc.record({
      bidQ: fc.integer({ min: 0, max: 1e7 }),
      bidP: price,
      askQ: fc.integer({ min: 0, max: 1e7 }),
      askP: price,
    }),
    { minLength: 1, maxLength: 5 },
  ),
});

describe('fake encoder -> adapter decoder round trip', () => {
  it('returns the same values for random ticks in every mode', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 99_999 }), { minLength: 1, maxLength: 5 }),
        fc.array(quoteArb, { minLength: 5, maxLength: 5 }),
        fc.constantFrom('ltpc', 'full', 'option_greeks', 'full_d30'),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (tokens, quotes, mode, currentTs) => {
          const feeds: Record<string, Record<string, unknown>> = {};
          const expected = new Map<string, (typeof quotes)[number]>();
          tokens.forEach((token, i) => {
            const key = `NSE_FO|${token}`;
            const quote = quotes[i] ?? quotes[0]!;
            feeds[key] = fakeFeedEntry(key, mode, quote);
            expected.set(key, quote);
          });
          const decoded = decodeUpstoxFeed(encodeUpstoxFeed('live_feed', currentTs, feeds));
          expect(decoded.currentTs).toBe(currentTs);
          expect(decoded.feeds.map((f) => f.instrumentKey).sort()).toEqual(
            [...expected.keys()].sort(),
          );
          const ids = new Map([...expected.keys()].map((k) => [k, `NFO:T${k.slice(7)}` as const]));
          const ticks = new UpstoxTickMapper((k) => ids.get(k)).map(decoded);
          for (const tick of ticks) {
            const key = [...ids].find(([, id]) => id === tick.instrument)?.[0] ?? '';
            const q = expected.get(key)!;
            expect(tick.price).toBe(q.ltp);
            expect(tick.time).toBe(q.ltt);
            expect(tick.quantity).toBe(q.ltq);
            if (mode !== 'ltpc') {
              expect(tick.volume).toBe(q.volume);
              expect(tick.oi).toBe(q.oi);
              expect(tick.bid).toBe(q.depth[0]?.bidP);
              expect(tick.ask).toBe(q.depth[0]?.askP);
            }
            if (mode === 'full' || mode === 'full_d30') {
              expect(tick.depth?.buy.map((l) => l.quantity)).toEqual(q.depth.map((d) => d.bidQ));
              expect(tick.depth?.sell.map((l) => l.price)).toEqual(q.depth.map((d) => d.askP));
            }
          }
          expect(ticks).toHaveLength(tokens.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('random bytes either decode or raise BrokerPayloadError, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (random) => {
        try {
          decodeUpstoxFeed(random);
        } catch (error) {
          expect(error).toBeInstanceOf(BrokerPayloadError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
