import type { Bar, InstrumentId, Tick, Timeframe } from '@pravah/sdk';
import { timeframeMs } from '@pravah/sdk';

/** 09:15 IST is 03:45 UTC: buckets align to the NSE open, like the exchange's own candles. */
const SESSION_ANCHOR_MS = (3 * 60 + 45) * 60_000;

/** A bar the builder completed; `partial` when ticks before its start may be missing. */
export interface CompletedBar {
  readonly bar: Bar;
  readonly partial: boolean;
}

interface Bucket {
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  startVolume: number | undefined;
  partial: boolean;
  /** Start of the last bar already delivered (warm-up or live); ticks up to it are dropped. */
  delivered: number;
  active: boolean;
}

/**
 * Builds bars of one timeframe from live ticks, per instrument. A bucket completes when the
 * first tick of a later bucket arrives. The bucket in progress when the stream (re)started is
 * marked `partial`, so that the runtime can replace it by the broker's own candle instead of
 * feeding a bar with missing ticks. Ticks in buckets already delivered (by warm-up candles)
 * are dropped, so no bar is fed twice.
 *
 * @example
 * ```ts
 * const builder = new TickBarBuilder('1m');
 * builder.delivered('NSE:INFY', lastWarmupBar.time);
 * const done = builder.push(tick); // CompletedBar | undefined
 * ```
 */
export class TickBarBuilder {
  private readonly buckets = new Map<InstrumentId, Bucket>();
  private readonly ms: number;

  constructor(readonly timeframe: Timeframe) {
    this.ms = timeframeMs(timeframe);
  }

  /** Start (open time) of the bucket a time falls in. */
  bucketStart(time: number): number {
    return time - ((((time - SESSION_ANCHOR_MS) % this.ms) + this.ms) % this.ms);
  }

  /** Records that bars up to and including the one starting at `barTime` were delivered. */
  delivered(instrument: InstrumentId, barTime: number): void {
    const bucket = this.bucket(instrument);
    bucket.delivered = Math.max(bucket.delivered, barTime);
  }

  /** Marks every bucket in progress as partial (the stream reconnected: ticks may be lost). */
  markPartial(): void {
    for (const bucket of this.buckets.values()) bucket.partial = true;
  }

  /** Adds a tick; returns the bar it completed, if any. */
  push(tick: Tick): CompletedBar | undefined {
    const bucket = this.bucket(tick.instrument);
    const start = this.bucketStart(tick.time);
    if (start <= bucket.delivered) return undefined;
    let completed: CompletedBar | undefined;
    if (bucket.active && start > bucket.start) {
      completed = { bar: this.toBar(tick.instrument, bucket), partial: bucket.partial };
      bucket.delivered = bucket.start;
      bucket.active = false;
    } else if (bucket.active && start < bucket.start) {
      return undefined; // late tick of a bucket already closed
    }
    if (!bucket.active) {
      bucket.active = true;
      // The first bucket after a (re)start began before we were listening.
      bucket.partial = completed === undefined ? true : false;
      bucket.start = start;
      bucket.open = tick.price;
      bucket.high = tick.price;
      bucket.low = tick.price;
      bucket.volume = 0;
      bucket.startVolume = tick.volume;
    }
    bucket.close = tick.price;
    if (tick.price > bucket.high) bucket.high = tick.price;
    if (tick.price < bucket.low) bucket.low = tick.price;
    if (tick.volume !== undefined && bucket.startVolume !== undefined) {
      bucket.volume = tick.volume - bucket.startVolume;
    } else if (tick.quantity !== undefined) bucket.volume += tick.quantity;
    return completed;
  }

  private bucket(instrument: InstrumentId): Bucket {
    let bucket = this.buckets.get(instrument);
    if (bucket === undefined) {
      bucket = {
        start: 0,
        open: 0,
        high: 0,
        low: 0,
        close: 0,
        volume: 0,
        startVolume: undefined,
        partial: true,
        delivered: Number.NEGATIVE_INFINITY,
        active: false,
      };
      this.buckets.set(instrument, bucket);
    }
    return bucket;
  }

  private toBar(instrument: InstrumentId, b: Bucket): Bar {
    return Object.freeze({
      kind: 'bar',
      instrument,
      timeframe: this.timeframe,
      time: b.start,
      open: b.open,
      high: b.high,
      low: b.low,
      close: b.close,
      volume: Math.max(0, b.volume),
    });
  }
}
