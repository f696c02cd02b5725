import { BrokerError } from '../../errors/broker-error.js';

/**
 * A binary ticker frame that does not follow Kite's layout (truncated, an unknown packet length,
 * a packet count that does not match the bytes). `offset` is the byte where decoding stopped.
 * The ticker counts and skips such frames; a steady stream of them means the wire changed.
 *
 * @example
 * ```ts
 * try {
 *   decodeKiteTicks(frame);
 * } catch (error) {
 *   if (error instanceof KiteFrameError) console.warn(error.offset, error.frameLength);
 * }
 * ```
 */
export class KiteFrameError extends BrokerError {
  /** Byte offset in the frame where the problem was found. */
  readonly offset: number;
  readonly frameLength: number;

  constructor(reason: string, offset: number, frameLength: number) {
    super(
      'KITE_FRAME_MALFORMED',
      `Kite ticker frame of ${frameLength} bytes is malformed at byte ${offset}: ${reason}; the frame was dropped (report it with the bytes if it repeats)`,
      { broker: 'kite' },
    );
    this.offset = offset;
    this.frameLength = frameLength;
  }
}
