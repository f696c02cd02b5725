import { KiteFrameError } from './kite-frame-error.js';
import { kitePriceDivisor, KITE_SEGMENT } from './kite-segment.js';
import type {
  KiteDepthLevel,
  KiteFullTick,
  KiteIndexTick,
  KiteLtpTick,
  KiteQuoteTick,
  KiteTick,
} from './kite-tick.js';

/** Packet lengths of Kite's binary ticker; the length alone selects the layout. */
export const KITE_PACKET_LENGTH = {
  LTP: 8,
  INDEX_QUOTE: 28,
  INDEX_FULL: 32,
  QUOTE: 44,
  FULL: 184,
} as const;

/**
 * Decodes one binary frame of Kite's WebSocket ticker: a big-endian uint16 packet count, then
 * per packet a uint16 length and the packet. Returns the ticks in wire order; a 1-byte frame is
 * a heartbeat and gives `[]`. Prices are divided by the segment's divisor, times are epoch ms.
 *
 * Fails fast: a frame that is empty, truncated, has an unknown packet length or trailing bytes
 * throws {@link KiteFrameError} (with the byte offset) and yields no ticks at all.
 *
 * @example
 * ```ts
 * const frame = new Uint8Array([0, 1, 0, 8, 0x00, 0x0d, 0x80, 0x01, 0x00, 0x00, 0x99, 0x7f]);
 * decodeKiteTicks(frame);
 * // [{ mode: 'ltp', tradable: true, instrumentToken: 884737, lastPrice: 392.95 }]
 * ```
 */
export function decodeKiteTicks(frame: Uint8Array): KiteTick[] {
  const length = frame.byteLength;
  if (length === 1) return [];
  if (length === 0) throw new KiteFrameError('the frame is empty', 0, 0);
  const view = new DataView(frame.buffer, frame.byteOffset, length);
  const count = view.getUint16(0);
  const ticks: KiteTick[] = [];
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
    switch (size) {
      case KITE_PACKET_LENGTH.FULL:
        ticks.push(decodeFull(view, start));
        break;
      case KITE_PACKET_LENGTH.QUOTE:
        ticks.push(decodeQuote(view, start));
        break;
      case KITE_PACKET_LENGTH.LTP:
        ticks.push(decodeLtp(view, start));
        break;
      case KITE_PACKET_LENGTH.INDEX_QUOTE:
      case KITE_PACKET_LENGTH.INDEX_FULL:
        ticks.push(decodeIndex(view, start, size === KITE_PACKET_LENGTH.INDEX_FULL));
        break;
      default:
        throw new KiteFrameError(
          `packet ${i + 1} has length ${size}, not one of 8, 28, 32, 44 or 184`,
          offset,
          length,
        );
    }
    offset = start + size;
  }
  if (offset !== length) {
    throw new KiteFrameError(
      `${length - offset} bytes follow the ${count} packet(s) the frame announces`,
      offset,
      length,
    );
  }
  return ticks;
}

function decodeLtp(view: DataView, p: number): KiteLtpTick {
  const token = view.getUint32(p);
  return {
    mode: 'ltp',
    tradable: (token & 0xff) !== KITE_SEGMENT.INDICES,
    instrumentToken: token,
    lastPrice: view.getUint32(p + 4) / kitePriceDivisor(token),
  };
}

function decodeIndex(view: DataView, p: number, full: boolean): KiteIndexTick {
  const token = view.getUint32(p);
  const divisor = kitePriceDivisor(token);
  const lastPrice = view.getUint32(p + 4) / divisor;
  const close = view.getUint32(p + 20) / divisor;
  return {
    mode: full ? 'full' : 'quote',
    tradable: (token & 0xff) !== KITE_SEGMENT.INDICES,
    instrumentToken: token,
    lastPrice,
    // Index packets put high and low before open, unlike tradable packets.
    ohlc: {
      open: view.getUint32(p + 16) / divisor,
      high: view.getUint32(p + 8) / divisor,
      low: view.getUint32(p + 12) / divisor,
      close,
    },
    change: close !== 0 ? ((lastPrice - close) * 100) / close : view.getUint32(p + 24),
    timestamp: full ? epochMs(view.getUint32(p + 28)) : null,
  };
}

function decodeQuote(view: DataView, p: number): KiteQuoteTick {
  const token = view.getUint32(p);
  const divisor = kitePriceDivisor(token);
  const lastPrice = view.getUint32(p + 4) / divisor;
  const close = view.getUint32(p + 40) / divisor;
  return {
    mode: 'quote',
    tradable: (token & 0xff) !== KITE_SEGMENT.INDICES,
    instrumentToken: token,
    lastPrice,
    lastQuantity: view.getUint32(p + 8),
    averagePrice: view.getUint32(p + 12) / divisor,
    volume: view.getUint32(p + 16),
    buyQuantity: view.getUint32(p + 20),
    sellQuantity: view.getUint32(p + 24),
    ohlc: {
      open: view.getUint32(p + 28) / divisor,
      high: view.getUint32(p + 32) / divisor,
      low: view.getUint32(p + 36) / divisor,
      close,
    },
    change: close !== 0 ? ((lastPrice - close) * 100) / close : 0,
  };
}

function decodeFull(view: DataView, p: number): KiteFullTick {
  const token = view.getUint32(p);
  const divisor = kitePriceDivisor(token);
  const lastPrice = view.getUint32(p + 4) / divisor;
  const close = view.getUint32(p + 40) / divisor;
  // Depth: 5 bids then 5 asks from byte 64, 12 bytes each.
  return {
    mode: 'full',
    tradable: (token & 0xff) !== KITE_SEGMENT.INDICES,
    instrumentToken: token,
    lastPrice,
    lastQuantity: view.getUint32(p + 8),
    averagePrice: view.getUint32(p + 12) / divisor,
    volume: view.getUint32(p + 16),
    buyQuantity: view.getUint32(p + 20),
    sellQuantity: view.getUint32(p + 24),
    ohlc: {
      open: view.getUint32(p + 28) / divisor,
      high: view.getUint32(p + 32) / divisor,
      low: view.getUint32(p + 36) / divisor,
      close,
    },
    change: close !== 0 ? ((lastPrice - close) * 100) / close : 0,
    lastTradeTime: epochMs(view.getUint32(p + 44)),
    oi: view.getUint32(p + 48),
    oiDayHigh: view.getUint32(p + 52),
    oiDayLow: view.getUint32(p + 56),
    timestamp: epochMs(view.getUint32(p + 60)),
    depth: {
      buy: [
        depthLevel(view, p + 64, divisor),
        depthLevel(view, p + 76, divisor),
        depthLevel(view, p + 88, divisor),
        depthLevel(view, p + 100, divisor),
        depthLevel(view, p + 112, divisor),
      ],
      sell: [
        depthLevel(view, p + 124, divisor),
        depthLevel(view, p + 136, divisor),
        depthLevel(view, p + 148, divisor),
        depthLevel(view, p + 160, divisor),
        depthLevel(view, p + 172, divisor),
      ],
    },
  };
}

/** One depth entry on the wire: u32 quantity, u32 price, u16 orders, 2 bytes padding. */
function depthLevel(view: DataView, p: number, divisor: number): KiteDepthLevel {
  return {
    price: view.getUint32(p + 4) / divisor,
    quantity: view.getUint32(p),
    orders: view.getUint16(p + 8),
  };
}

function epochMs(seconds: number): number | null {
  return seconds === 0 ? null : seconds * 1000;
}
