import { BrokerPayloadError } from '../errors/broker-errors.js';
import { KNOWN_EXCHANGE_TYPES, priceDivisorOf } from './smartapi-enums.js';

/** One best-five level, price in rupees. */
export interface SmartApiDepthLevel {
  readonly price: number;
  readonly quantity: number;
  readonly orders: number;
}

/** Mode 1 packet (51 bytes). Prices in rupees, times epoch ms. */
export interface SmartApiLtpTick {
  readonly mode: 1;
  readonly exchangeType: number;
  readonly token: string;
  readonly sequence: number;
  readonly exchangeTime: number;
  readonly ltp: number;
}

/** Fields of the Quote packet, shared by SnapQuote. */
interface QuoteFields extends Omit<SmartApiLtpTick, 'mode'> {
  readonly lastTradedQuantity: number;
  readonly averagePrice: number;
  readonly volume: number;
  readonly totalBuyQuantity: number;
  readonly totalSellQuantity: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** Mode 2 packet (123 bytes). */
export interface SmartApiQuoteTick extends QuoteFields {
  readonly mode: 2;
}

/** Mode 3 packet (379 bytes) with best five each side. */
export interface SmartApiSnapQuoteTick extends QuoteFields {
  readonly mode: 3;
  readonly lastTradedTime: number;
  readonly openInterest: number;
  readonly buy: readonly SmartApiDepthLevel[];
  readonly sell: readonly SmartApiDepthLevel[];
  readonly upperCircuit: number;
  readonly lowerCircuit: number;
  readonly high52Week: number;
  readonly low52Week: number;
}

/** A decoded SmartWebSocket V2 tick. */
export type SmartApiTick = SmartApiLtpTick | SmartApiQuoteTick | SmartApiSnapQuoteTick;

/** Packet sizes by mode (BROKERS.md §3.5). */
export const SMARTAPI_PACKET_SIZE = { 1: 51, 2: 123, 3: 379 } as const;

const TWO_32 = 4_294_967_296;

function malformed(reason: string): never {
  throw new BrokerPayloadError('smartapi', 'tick frame', [reason]);
}

// Hot path: bytes are read directly (no DataView per frame); float64 goes through one shared
// scratch buffer, whose byte order is checked once.
const scratchBytes = new Uint8Array(8);
const scratchDouble = new Float64Array(scratchBytes.buffer);
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Little-endian int64 as a number (exact below 2^53, which every price and volume is). */
function int64(b: Uint8Array, o: number): number {
  const lo = (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
  const hi = b[o + 4]! | (b[o + 5]! << 8) | (b[o + 6]! << 16) | (b[o + 7]! << 24);
  return hi * TWO_32 + lo;
}

function int16(b: Uint8Array, o: number): number {
  return ((b[o]! | (b[o + 1]! << 8)) << 16) >> 16;
}

function float64(b: Uint8Array, o: number): number {
  if (HOST_LITTLE_ENDIAN) for (let i = 0; i < 8; i++) scratchBytes[i] = b[o + i]!;
  else for (let i = 0; i < 8; i++) scratchBytes[i] = b[o + 7 - i]!;
  return scratchDouble[0]!;
}

// Tokens repeat on every tick of an instrument: numeric tokens (nearly all) are interned by
// value and length, so the string is built once per instrument, not once per frame.
const numericTokens = new Map<number, string>();
const MAX_INTERNED = 100_000;

function readToken(b: Uint8Array): string {
  let numeric = 0;
  let end = 2;
  let digits = true;
  for (; end < 27; end++) {
    const c = b[end]!;
    if (c === 0) break;
    if (c < 0x21 || c > 0x7e) malformed(`token byte ${end} is 0x${c.toString(16)}, not ASCII`);
    if (c >= 0x30 && c <= 0x39) numeric = numeric * 10 + (c - 0x30);
    else digits = false;
  }
  const length = end - 2;
  if (length === 0) malformed('token is empty');
  if (digits && length <= 15) {
    const key = numeric * 16 + length;
    const known = numericTokens.get(key);
    if (known !== undefined) return known;
    const token = String.fromCharCode(...b.subarray(2, end));
    if (numericTokens.size < MAX_INTERNED) numericTokens.set(key, token);
    return token;
  }
  return String.fromCharCode(...b.subarray(2, end));
}

function level(b: Uint8Array, at: number, divisor: number): SmartApiDepthLevel {
  return {
    price: int64(b, at + 10) / divisor,
    quantity: int64(b, at + 2),
    orders: int16(b, at + 18),
  };
}

function readLevels(b: Uint8Array, at: number, divisor: number): SmartApiDepthLevel[] {
  return [
    level(b, at, divisor),
    level(b, at + 20, divisor),
    level(b, at + 40, divisor),
    level(b, at + 60, divisor),
    level(b, at + 80, divisor),
  ];
}

/**
 * Decodes one binary SmartWebSocket V2 packet (little-endian, one packet per frame): mode 1
 * LTP (51 bytes), 2 Quote (123), 3 SnapQuote (379, with best five). Prices come out in rupees
 * (paise / 100; currency / 10^7). Throws {@link BrokerPayloadError} for a frame that is too
 * short for its mode, an unknown mode or exchange type, or a bad token; the market feed counts
 * and skips those.
 *
 * @example
 * ```ts
 * const tick = decodeSmartApiTick(frame);
 * if (tick.mode === 3) console.log(tick.token, tick.ltp, tick.buy[0]?.price);
 * ```
 */
export function decodeSmartApiTick(bytes: Uint8Array): SmartApiTick {
  if (bytes.length < SMARTAPI_PACKET_SIZE[1])
    malformed(`frame of ${bytes.length} bytes is too short`);
  const mode = bytes[0];
  if (mode !== 1 && mode !== 2 && mode !== 3)
    malformed(`subscription mode ${mode} is not 1, 2 or 3`);
  if (bytes.length < SMARTAPI_PACKET_SIZE[mode]) {
    malformed(`mode ${mode} needs ${SMARTAPI_PACKET_SIZE[mode]} bytes, got ${bytes.length}`);
  }
  const exchangeType = bytes[1] ?? 0;
  if (!KNOWN_EXCHANGE_TYPES.has(exchangeType))
    malformed(`exchange type ${exchangeType} is unknown`);
  const token = readToken(bytes);
  const b = bytes;
  const divisor = priceDivisorOf(exchangeType);
  const sequence = int64(b, 27);
  const exchangeTime = int64(b, 35);
  const ltp = int64(b, 43) / divisor;
  if (mode === 1) return { mode, exchangeType, token, sequence, exchangeTime, ltp };
  const lastTradedQuantity = int64(b, 51);
  const averagePrice = int64(b, 59) / divisor;
  const volume = int64(b, 67);
  const totalBuyQuantity = float64(b, 75);
  const totalSellQuantity = float64(b, 83);
  const open = int64(b, 91) / divisor;
  const high = int64(b, 99) / divisor;
  const low = int64(b, 107) / divisor;
  const close = int64(b, 115) / divisor;
  if (mode === 2) {
    return {
      mode,
      exchangeType,
      token,
      sequence,
      exchangeTime,
      ltp,
      lastTradedQuantity,
      averagePrice,
      volume,
      totalBuyQuantity,
      totalSellQuantity,
      open,
      high,
      low,
      close,
    };
  }
  return {
    mode,
    exchangeType,
    token,
    sequence,
    exchangeTime,
    ltp,
    lastTradedQuantity,
    averagePrice,
    volume,
    totalBuyQuantity,
    totalSellQuantity,
    open,
    high,
    low,
    close,
    lastTradedTime: int64(b, 123),
    openInterest: int64(b, 131),
    // 139: OI change %, a documented garbage field: not read.
    buy: readLevels(b, 147, divisor),
    sell: readLevels(b, 247, divisor),
    upperCircuit: int64(b, 347) / divisor,
    lowerCircuit: int64(b, 355) / divisor,
    high52Week: int64(b, 363) / divisor,
    low52Week: int64(b, 371) / divisor,
  };
}
