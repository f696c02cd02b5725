import type { SubscriptionMode } from '../../port/account.js';
import { KiteFrameError } from './kite-frame-error.js';
import { kitePriceDivisor, KITE_SEGMENT } from './kite-segment.js';

/** Byte offsets inside tradable (44/184) and index (28/32) packets, from BROKERS.md §1.5. */
const AT = {
  lastPrice: 4,
  lastQuantity: 8,
  averagePrice: 12,
  volume: 16,
  buyQuantity: 20,
  sellQuantity: 24,
  open: 28,
  high: 32,
  low: 36,
  close: 40,
  lastTradeTime: 44,
  oi: 48,
  oiDayHigh: 52,
  oiDayLow: 56,
  timestamp: 60,
  depth: 64,
  indexHigh: 8,
  indexLow: 12,
  indexOpen: 16,
  indexClose: 20,
  indexChange: 24,
  indexTimestamp: 28,
} as const;

/**
 * A field asked of a packet that does not carry it (e.g. `volume` of an LTP packet).
 *
 * @example
 * ```ts
 * try {
 *   reader.volume(i);
 * } catch (error) {
 *   if (error instanceof KiteFieldMissingError) console.warn(error.field, reader.mode(i));
 * }
 * ```
 */
export class KiteFieldMissingError extends KiteFrameError {
  readonly field: string;

  constructor(
    field: string,
    packet: number,
    packetLength: number,
    offset: number,
    frameLength: number,
  ) {
    super(`packet ${packet} (${packetLength} bytes) has no ${field}`, offset, frameLength);
    this.field = field;
  }
}

/**
 * Reads the packets of a Kite binary frame in place, without creating an object per tick: for
 * hot paths that need a few fields of many ticks (last price, volume, best bid). `load` checks
 * the whole frame first (same rules and errors as `decodeKiteTicks`); accessors then take
 * the packet index. Asking for a field the packet's mode does not carry throws
 * {@link KiteFieldMissingError}. One reader can be reused for every frame; it keeps a reference
 * to the last loaded frame, so do not change the bytes while reading.
 *
 * @example
 * ```ts
 * const reader = new KiteFrameReader();
 * const count = reader.load(frame);
 * for (let i = 0; i < count; i++) onPrice(reader.instrumentToken(i), reader.lastPrice(i));
 * ```
 */
export class KiteFrameReader {
  private view: DataView = new DataView(new ArrayBuffer(0));
  private frameLength = 0;
  private starts = new Int32Array(16);
  private lengths = new Int32Array(16);
  private divisors = new Float64Array(16);
  private packets = 0;

  /** Number of packets in the loaded frame. */
  get count(): number {
    return this.packets;
  }

  /** Checks and loads a frame; returns its packet count (0 for a heartbeat). Throws KiteFrameError. */
  load(frame: Uint8Array): number {
    const length = frame.byteLength;
    this.packets = 0;
    if (length === 1) return 0;
    if (length === 0) throw new KiteFrameError('the frame is empty', 0, 0);
    const view = new DataView(frame.buffer, frame.byteOffset, length);
    const count = view.getUint16(0);
    if (count > this.starts.length) this.grow(count);
    let offset = 2;
    for (let i = 0; i < count; i++) {
      if (offset + 2 > length) {
        throw new KiteFrameError(`packet ${i + 1} of ${count} is missing`, offset, length);
      }
      const size = view.getUint16(offset);
      const start = offset + 2;
      if (start + size > length) {
        throw new KiteFrameError(
          `packet ${i + 1} of ${count} claims ${size} bytes but only ${length - start} remain`,
          offset,
          length,
        );
      }
      if (size !== 8 && size !== 28 && size !== 32 && size !== 44 && size !== 184) {
        throw new KiteFrameError(
          `packet ${i + 1} has length ${size}, not one of 8, 28, 32, 44 or 184`,
          offset,
          length,
        );
      }
      this.starts[i] = start;
      this.lengths[i] = size;
      this.divisors[i] = kitePriceDivisor(view.getUint32(start));
      offset = start + size;
    }
    if (offset !== length) {
      throw new KiteFrameError(
        `${length - offset} bytes follow the ${count} packet(s) the frame announces`,
        offset,
        length,
      );
    }
    this.view = view;
    this.frameLength = length;
    this.packets = count;
    return count;
  }

  /** `ltp` (8 bytes), `quote` (28 or 44) or `full` (32 or 184). */
  mode(i: number): SubscriptionMode {
    const size = this.lengthOf(i);
    return size === 8 ? 'ltp' : size === 28 || size === 44 ? 'quote' : 'full';
  }

  /** True for tradable packets (44/184 bytes) and LTP packets of non-index segments. */
  tradable(i: number): boolean {
    return (this.instrumentToken(i) & 0xff) !== KITE_SEGMENT.INDICES;
  }

  instrumentToken(i: number): number {
    return this.view.getUint32(this.startOf(i));
  }

  lastPrice(i: number): number {
    return this.view.getUint32(this.startOf(i) + AT.lastPrice) / this.divisors[i]!;
  }

  lastQuantity(i: number): number {
    return this.view.getUint32(this.tradableField(i, 'lastQuantity', 44) + AT.lastQuantity);
  }

  averagePrice(i: number): number {
    return this.price(i, this.tradableField(i, 'averagePrice', 44) + AT.averagePrice);
  }

  volume(i: number): number {
    return this.view.getUint32(this.tradableField(i, 'volume', 44) + AT.volume);
  }

  buyQuantity(i: number): number {
    return this.view.getUint32(this.tradableField(i, 'buyQuantity', 44) + AT.buyQuantity);
  }

  sellQuantity(i: number): number {
    return this.view.getUint32(this.tradableField(i, 'sellQuantity', 44) + AT.sellQuantity);
  }

  open(i: number): number {
    return this.ohlcField(i, 'open', AT.open, AT.indexOpen);
  }

  high(i: number): number {
    return this.ohlcField(i, 'high', AT.high, AT.indexHigh);
  }

  low(i: number): number {
    return this.ohlcField(i, 'low', AT.low, AT.indexLow);
  }

  close(i: number): number {
    return this.ohlcField(i, 'close', AT.close, AT.indexClose);
  }

  /** Percent change from close, as decodeKiteTicks computes it. */
  change(i: number): number {
    const close = this.close(i);
    if (close !== 0) return ((this.lastPrice(i) - close) * 100) / close;
    const size = this.lengthOf(i);
    return size === 28 || size === 32 ? this.view.getUint32(this.startOf(i) + AT.indexChange) : 0;
  }

  /** Epoch ms of the last trade; null when the exchange sent 0. Full tradable packets only. */
  lastTradeTime(i: number): number | null {
    return epochMs(
      this.view.getUint32(this.tradableField(i, 'lastTradeTime', 184) + AT.lastTradeTime),
    );
  }

  oi(i: number): number {
    return this.view.getUint32(this.tradableField(i, 'oi', 184) + AT.oi);
  }

  oiDayHigh(i: number): number {
    return this.view.getUint32(this.tradableField(i, 'oiDayHigh', 184) + AT.oiDayHigh);
  }

  oiDayLow(i: number): number {
    return this.view.getUint32(this.tradableField(i, 'oiDayLow', 184) + AT.oiDayLow);
  }

  /** Exchange time in epoch ms (full packets); null when the exchange sent 0. */
  timestamp(i: number): number | null {
    const size = this.lengthOf(i);
    if (size === 184) return epochMs(this.view.getUint32(this.startOf(i) + AT.timestamp));
    if (size === 32) return epochMs(this.view.getUint32(this.startOf(i) + AT.indexTimestamp));
    throw this.missing(i, 'timestamp');
  }

  /** Price of depth level `level` (0 = best) on `side`; full tradable packets only. */
  depthPrice(i: number, side: 'buy' | 'sell', level: number): number {
    return this.price(i, this.depthAt(i, side, level) + 4);
  }

  depthQuantity(i: number, side: 'buy' | 'sell', level: number): number {
    return this.view.getUint32(this.depthAt(i, side, level));
  }

  depthOrders(i: number, side: 'buy' | 'sell', level: number): number {
    return this.view.getUint16(this.depthAt(i, side, level) + 8);
  }

  private depthAt(i: number, side: 'buy' | 'sell', level: number): number {
    if (!Number.isInteger(level) || level < 0 || level > 4) {
      throw this.missing(i, `depth.${side}.${level}`);
    }
    return this.tradableField(i, 'depth', 184) + AT.depth + (side === 'buy' ? 0 : 60) + level * 12;
  }

  private ohlcField(i: number, field: string, tradableAt: number, indexAt: number): number {
    const size = this.lengthOf(i);
    if (size >= 44) return this.price(i, this.startOf(i) + tradableAt);
    if (size >= 28) return this.price(i, this.startOf(i) + indexAt);
    throw this.missing(i, field);
  }

  /** Start of packet `i` after checking it is a tradable packet of at least `minLength` bytes. */
  private tradableField(i: number, field: string, minLength: 44 | 184): number {
    if (this.lengthOf(i) < minLength) throw this.missing(i, field);
    return this.starts[i]!;
  }

  private price(i: number, at: number): number {
    return this.view.getUint32(at) / this.divisors[i]!;
  }

  private startOf(i: number): number {
    this.lengthOf(i);
    return this.starts[i]!;
  }

  private lengthOf(i: number): number {
    if (!(i >= 0 && i < this.packets && Number.isInteger(i))) {
      throw new KiteFrameError(
        `no packet ${i}: the frame has ${this.packets}`,
        0,
        this.frameLength,
      );
    }
    return this.lengths[i]!;
  }

  private missing(i: number, field: string): KiteFieldMissingError {
    return new KiteFieldMissingError(
      field,
      i,
      this.lengths[i]!,
      this.starts[i]! - 2,
      this.frameLength,
    );
  }

  private grow(count: number): void {
    this.starts = new Int32Array(count);
    this.lengths = new Int32Array(count);
    this.divisors = new Float64Array(count);
  }
}

function epochMs(seconds: number): number | null {
  return seconds === 0 ? null : seconds * 1000;
}
