/** One best-five level in rupees. */
export interface FakeSmartApiLevel {
  readonly price: number;
  readonly quantity: number;
  readonly orders: number;
}

/**
 * A market data update the fake publishes, in rupees and epoch ms. Fields beyond `ltp` are
 * written only in the modes that carry them (BROKERS.md §3.5); missing ones go out as 0.
 */
export interface FakeSmartApiTick {
  /** 1 nse_cm, 2 nse_fo, 3 bse_cm, 4 bse_fo, 5 mcx_fo, 7 ncx_fo, 13 cde_fo. */
  readonly exchangeType: number;
  readonly token: string;
  readonly sequence?: number;
  readonly exchangeTime: number;
  readonly ltp: number;
  readonly lastTradedQuantity?: number;
  readonly averagePrice?: number;
  readonly volume?: number;
  readonly totalBuyQuantity?: number;
  readonly totalSellQuantity?: number;
  readonly open?: number;
  readonly high?: number;
  readonly low?: number;
  readonly close?: number;
  readonly lastTradedTime?: number;
  readonly openInterest?: number;
  /** Five levels each; fewer are padded with zeros. */
  readonly buy?: readonly FakeSmartApiLevel[];
  readonly sell?: readonly FakeSmartApiLevel[];
  readonly upperCircuit?: number;
  readonly lowerCircuit?: number;
  readonly high52Week?: number;
  readonly low52Week?: number;
}

/** Frame length per subscription mode: LTP 51, Quote 123, SnapQuote 379 bytes. */
const FRAME_BYTES: Readonly<Record<1 | 2 | 3, number>> = { 1: 51, 2: 123, 3: 379 };

/**
 * Encodes a tick as SmartWebSocket V2 sends it, written from the field table in BROKERS.md
 * §3.5 (not derived from the adapter's decoder): little-endian, prices as int64 paise (10^-7
 * rupees for currency), quantities int64, total buy/sell quantity float64, best-five entries of
 * 20 bytes (int16 flag, int64 quantity, int64 price, int16 orders).
 *
 * @example
 * ```ts
 * const frame = encodeSmartApiTick({ exchangeType: 1, token: '3045', exchangeTime: Date.now(),
 *   ltp: 812.35 }, 1); // 51 bytes
 * ```
 */
export function encodeSmartApiTick(tick: FakeSmartApiTick, mode: 1 | 2 | 3): Buffer {
  const frame = Buffer.alloc(FRAME_BYTES[mode]);
  const unitsPerRupee = tick.exchangeType === 13 ? 10_000_000 : 100;
  const money = (rupees: number | undefined): bigint =>
    BigInt(Math.round((rupees ?? 0) * unitsPerRupee));
  const whole = (value: number | undefined): bigint => BigInt(Math.round(value ?? 0));

  frame.writeUInt8(mode, 0);
  frame.writeUInt8(tick.exchangeType, 1);
  const token = Buffer.from(tick.token, 'ascii');
  if (token.length > 25) throw new RangeError(`token ${tick.token} is longer than 25 bytes`);
  token.copy(frame, 2); // the rest of the 25-byte field stays NUL
  frame.writeBigInt64LE(whole(tick.sequence), 27);
  frame.writeBigInt64LE(whole(tick.exchangeTime), 35);
  frame.writeBigInt64LE(money(tick.ltp), 43);
  if (mode === 1) return frame;

  frame.writeBigInt64LE(whole(tick.lastTradedQuantity), 51);
  frame.writeBigInt64LE(money(tick.averagePrice), 59);
  frame.writeBigInt64LE(whole(tick.volume), 67);
  frame.writeDoubleLE(tick.totalBuyQuantity ?? 0, 75);
  frame.writeDoubleLE(tick.totalSellQuantity ?? 0, 83);
  frame.writeBigInt64LE(money(tick.open), 91);
  frame.writeBigInt64LE(money(tick.high), 99);
  frame.writeBigInt64LE(money(tick.low), 107);
  frame.writeBigInt64LE(money(tick.close), 115);
  if (mode === 2) return frame;

  frame.writeBigInt64LE(whole(tick.lastTradedTime), 123);
  frame.writeBigInt64LE(whole(tick.openInterest), 131);
  frame.writeDoubleLE(0, 139); // OI change %: "dummy field" per ADOC
  const writeSide = (
    levels: readonly FakeSmartApiLevel[] | undefined,
    first: number,
    flag: number,
  ) => {
    for (let i = 0; i < 5; i++) {
      const at = first + i * 20;
      const level = levels?.[i];
      frame.writeInt16LE(flag, at);
      frame.writeBigInt64LE(whole(level?.quantity), at + 2);
      frame.writeBigInt64LE(money(level?.price), at + 10);
      frame.writeInt16LE(level?.orders ?? 0, at + 18);
    }
  };
  writeSide(tick.buy, 147, 1);
  writeSide(tick.sell, 247, 0);
  frame.writeBigInt64LE(money(tick.upperCircuit), 347);
  frame.writeBigInt64LE(money(tick.lowerCircuit), 355);
  frame.writeBigInt64LE(money(tick.high52Week), 363);
  frame.writeBigInt64LE(money(tick.low52Week), 371);
  return frame;
}
