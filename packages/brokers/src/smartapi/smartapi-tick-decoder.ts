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

/** Little-endian int64 as a number (exact below 2^53, which every price and volume is). */
function int64(view: DataView, offset: number): number {
  return view.getInt32(offset + 4, true) * TWO_32 + view.getUint32(offset, true);
}

function readToken(bytes: Uint8Array): string {
  let token = '';
  for (let i = 2; i < 27; i++) {
    const c = bytes[i] ?? 0;
    if (c === 0) break;
    if (c < 0x21 || c > 0x7e) malformed(`token byte ${i} is 0x${c.toString(16)}, not ASCII`);
    token += String.fromCharCode(c);
  }
  if (token === '') malformed('token is empty');
  return token;
}

function readLevels(view: DataView, start: number, divisor: number): SmartApiDepthLevel[] {
  const levels: SmartApiDepthLevel[] = [];
  for (let i = 0; i < 5; i++) {
    const at = start + i * 20;
    levels.push({
      price: int64(view, at + 10) / divisor,
      quantity: int64(view, at + 2),
      orders: view.getInt16(at + 18, true),
    });
  }
  return levels;
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
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const divisor = priceDivisorOf(exchangeType);
  const sequence = int64(view, 27);
  const exchangeTime = int64(view, 35);
  const ltp = int64(view, 43) / divisor;
  if (mode === 1) return { mode, exchangeType, token, sequence, exchangeTime, ltp };
  const lastTradedQuantity = int64(view, 51);
  const averagePrice = int64(view, 59) / divisor;
  const volume = int64(view, 67);
  const totalBuyQuantity = view.getFloat64(75, true);
  const totalSellQuantity = view.getFloat64(83, true);
  const open = int64(view, 91) / divisor;
  const high = int64(view, 99) / divisor;
  const low = int64(view, 107) / divisor;
  const close = int64(view, 115) / divisor;
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
    lastTradedTime: int64(view, 123),
    openInterest: int64(view, 131),
    // 139: OI change %, a documented garbage field: not read.
    buy: readLevels(view, 147, divisor),
    sell: readLevels(view, 247, divisor),
    upperCircuit: int64(view, 347) / divisor,
    lowerCircuit: int64(view, 355) / divisor,
    high52Week: int64(view, 363) / divisor,
    low52Week: int64(view, 371) / divisor,
  };
}
