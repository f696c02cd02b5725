// Encoder of the fake Kite ticker, written from the byte tables of BROKERS.md §1.5 on its own
// (not derived from the client's decoder), so that round-trip tests check one against the other.
import { PravahError } from '@pravah/sdk';
import type { KiteTick } from '../../kite/ticker/kite-tick.js';
import type { SubscriptionMode } from '../../port/account.js';

/**
 * A tick the fake cannot put on the wire (a value out of range, or too little data for the mode).
 *
 * @example
 * ```ts
 * try {
 *   encodeKiteTicks([ltpTick], 'full');
 * } catch (error) {
 *   if (error instanceof KiteTickEncodeError) console.error(error.field); // 'mode'
 * }
 * ```
 */
export class KiteTickEncodeError extends PravahError {
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, value: unknown, reason: string) {
    super(
      'KITE_TICK_ENCODE',
      `Cannot encode Kite tick field ${field} = ${String(value)}: ${reason}`,
    );
    this.field = field;
    this.value = value;
  }
}

/**
 * Encodes ticks as one binary frame of Kite's WebSocket ticker: uint16 packet count, then per
 * tick a uint16 length and a packet of 8 (ltp), 28/32 (index quote/full) or 44/184 (quote/full)
 * bytes, all big-endian. Each tick goes out in `mode` (one mode for all, or per instrument token;
 * default: the tick's own mode); a tick can be sent in a lower mode than it carries, never a
 * higher one. Ticks with `volume` use the tradable layout, the others with `ohlc` the index one.
 * Prices are multiplied by the token's segment divisor and rounded; `change` is not sent for
 * tradable ticks (receivers derive it), and for index ticks only the raw value when close is 0.
 *
 * @example
 * ```ts
 * const frame = encodeKiteTicks([{ mode: 'ltp', tradable: true, instrumentToken: 884737, lastPrice: 392.95 }]);
 * // Uint8Array [0, 1, 0, 8, 0, 13, 128, 1, 0, 0, 153, 127]
 * ```
 */
export function encodeKiteTicks(
  ticks: readonly KiteTick[],
  mode?: SubscriptionMode | ReadonlyMap<number, SubscriptionMode>,
): Uint8Array {
  if (ticks.length > 0xffff) {
    throw new KiteTickEncodeError('ticks.length', ticks.length, 'a frame holds at most 65535');
  }
  const packets = ticks.map((tick) => {
    const wanted = typeof mode === 'string' ? mode : (mode?.get(tick.instrumentToken) ?? tick.mode);
    return encodePacket(tick, wanted);
  });
  const size = packets.reduce((sum, packet) => sum + 2 + packet.length, 2);
  const frame = new Uint8Array(size);
  writeU16(frame, 0, packets.length, 'packet count');
  let at = 2;
  for (const packet of packets) {
    writeU16(frame, at, packet.length, 'packet length');
    frame.set(packet, at + 2);
    at += 2 + packet.length;
  }
  return frame;
}

/** Divisor of a token's segment (its low byte): CDS 3 -> 1e7, BCD 6 -> 1e4, else 100. */
function divisorOf(token: number): number {
  switch (token % 256) {
    case 3:
      return 10_000_000;
    case 6:
      return 10_000;
    default:
      return 100;
  }
}

const RANK: Record<SubscriptionMode, number> = { ltp: 0, quote: 1, full: 2 };

function encodePacket(tick: KiteTick, mode: SubscriptionMode): Uint8Array {
  if (RANK[mode] > RANK[tick.mode]) {
    throw new KiteTickEncodeError('mode', mode, `the tick only carries ${tick.mode} data`);
  }
  const token = tick.instrumentToken;
  const divisor = divisorOf(token);
  const price = (field: string, value: number): number => {
    const scaled = Math.round(value * divisor);
    return checkU32(field, scaled, value);
  };
  if (mode === 'ltp') {
    const out = new Uint8Array(8);
    writeU32(out, 0, token, 'instrumentToken');
    writeU32(out, 4, price('lastPrice', tick.lastPrice), 'lastPrice');
    return out;
  }
  if (!('ohlc' in tick)) throw new KiteTickEncodeError('ohlc', undefined, 'missing');
  if (!('volume' in tick)) {
    // Index layout: token, ltp, high, low, open, close, raw change, [exchange time].
    const out = new Uint8Array(mode === 'full' ? 32 : 28);
    writeU32(out, 0, token, 'instrumentToken');
    writeU32(out, 4, price('lastPrice', tick.lastPrice), 'lastPrice');
    writeU32(out, 8, price('ohlc.high', tick.ohlc.high), 'ohlc.high');
    writeU32(out, 12, price('ohlc.low', tick.ohlc.low), 'ohlc.low');
    writeU32(out, 16, price('ohlc.open', tick.ohlc.open), 'ohlc.open');
    writeU32(out, 20, price('ohlc.close', tick.ohlc.close), 'ohlc.close');
    writeU32(out, 24, tick.ohlc.close === 0 ? tick.change : 0, 'change');
    if (mode === 'full') writeU32(out, 28, seconds(tick.timestamp, 'timestamp'), 'timestamp');
    return out;
  }
  const out = new Uint8Array(mode === 'full' ? 184 : 44);
  writeU32(out, 0, token, 'instrumentToken');
  writeU32(out, 4, price('lastPrice', tick.lastPrice), 'lastPrice');
  writeU32(out, 8, tick.lastQuantity, 'lastQuantity');
  writeU32(out, 12, price('averagePrice', tick.averagePrice), 'averagePrice');
  writeU32(out, 16, tick.volume, 'volume');
  writeU32(out, 20, tick.buyQuantity, 'buyQuantity');
  writeU32(out, 24, tick.sellQuantity, 'sellQuantity');
  writeU32(out, 28, price('ohlc.open', tick.ohlc.open), 'ohlc.open');
  writeU32(out, 32, price('ohlc.high', tick.ohlc.high), 'ohlc.high');
  writeU32(out, 36, price('ohlc.low', tick.ohlc.low), 'ohlc.low');
  writeU32(out, 40, price('ohlc.close', tick.ohlc.close), 'ohlc.close');
  if (mode === 'quote') return out;
  if (!('depth' in tick)) throw new KiteTickEncodeError('depth', undefined, 'missing');
  writeU32(out, 44, seconds(tick.lastTradeTime, 'lastTradeTime'), 'lastTradeTime');
  writeU32(out, 48, tick.oi, 'oi');
  writeU32(out, 52, tick.oiDayHigh, 'oiDayHigh');
  writeU32(out, 56, tick.oiDayLow, 'oiDayLow');
  writeU32(out, 60, seconds(tick.timestamp, 'timestamp'), 'timestamp');
  const sides = [
    ['buy', tick.depth.buy],
    ['sell', tick.depth.sell],
  ] as const;
  let at = 64;
  for (const [side, levels] of sides) {
    if (levels.length !== 5) {
      throw new KiteTickEncodeError(`depth.${side}`, levels.length, 'Kite sends exactly 5 levels');
    }
    levels.forEach((level, i) => {
      writeU32(out, at, level.quantity, `depth.${side}.${i}.quantity`);
      writeU32(out, at + 4, price(`depth.${side}.${i}.price`, level.price), 'price');
      writeU16(out, at + 8, level.orders, `depth.${side}.${i}.orders`);
      at += 12; // the last 2 bytes of each entry are padding, left zero
    });
  }
  return out;
}

function seconds(epochMs: number | null, field: string): number {
  if (epochMs === null) return 0;
  if (epochMs % 1000 !== 0)
    throw new KiteTickEncodeError(field, epochMs, 'Kite sends whole seconds');
  return epochMs / 1000;
}

function checkU32(field: string, scaled: number, value: unknown): number {
  if (!Number.isInteger(scaled) || scaled < 0 || scaled > 0xffffffff) {
    throw new KiteTickEncodeError(field, value, 'does not fit an unsigned 32-bit wire integer');
  }
  return scaled;
}

function writeU32(out: Uint8Array, at: number, value: number, field: string): void {
  checkU32(field, value, value);
  out[at] = Math.floor(value / 0x1000000) % 256;
  out[at + 1] = Math.floor(value / 0x10000) % 256;
  out[at + 2] = Math.floor(value / 0x100) % 256;
  out[at + 3] = value % 256;
}

function writeU16(out: Uint8Array, at: number, value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) {
    throw new KiteTickEncodeError(field, value, 'does not fit an unsigned 16-bit wire integer');
  }
  out[at] = Math.floor(value / 256);
  out[at + 1] = value % 256;
}
