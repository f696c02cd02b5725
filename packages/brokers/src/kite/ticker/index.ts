export { decodeKiteTicks, KITE_PACKET_LENGTH } from './decode-kite-ticks.js';
export { KiteFrameError } from './kite-frame-error.js';
export { KiteFrameReader, KiteFieldMissingError } from './kite-frame-reader.js';
export { KITE_SEGMENT, kitePriceDivisor } from './kite-segment.js';
export type {
  KiteTick,
  KiteLtpTick,
  KiteIndexTick,
  KiteQuoteTick,
  KiteFullTick,
  KiteOhlc,
  KiteDepth,
  KiteDepthLevel,
} from './kite-tick.js';
export {
  KiteTicker,
  KITE_MAX_INSTRUMENTS_PER_CONNECTION,
  type KiteTickerOptions,
} from './kite-ticker.js';
