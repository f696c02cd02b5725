import type { Bar } from '../model/bar.js';
import type { InstrumentId } from '../model/instrument.js';
import { TIMEFRAMES, timeframeMs, type Timeframe } from '../model/timeframe.js';
import { OutOfOrderBarError, ResampleConfigError } from './errors.js';
import { NSE_NORMAL_SESSION, sessionOffsets, type SessionWindow } from './session-window.js';

/** Options of {@link resample}, {@link resampleBars} and {@link BarResampler}. */
export interface ResampleOptions {
  /**
   * What a source bar's `time` means. `'start'` (default, Pravah's own convention): the open
   * time. `'end'`: the close time, as in files that label 09:15-09:16 as `09:16` (the NIFTY
   * 1-minute files); such bars are shifted back by one source period before bucketing, so
   * output bars are always labelled by their open time.
   */
  readonly sourceLabel?: 'start' | 'end';
  /** The session buckets align to (IST). Default {@link NSE_NORMAL_SESSION}, 09:15-15:30. */
  readonly session?: SessionWindow;
  /**
   * Source bars whose (open) time lies outside the session: `'drop'` (default) ignores them,
   * so pre-open (09:08) and post-close (15:30, 15:31) minutes never leak into session bars
   * and a daily bar is exactly the session's OHLCV. `'keep'` buckets them too, on the same
   * grid extended backwards from the open and forwards from the close (so the truncated last
   * session bucket stays truncated), and daily bars then cover the whole IST date.
   */
  readonly outsideSession?: 'drop' | 'keep';
  /** Also report the forming bar after every source bar (see {@link ResampleUpdate}). */
  readonly emitForming?: boolean;
}

/** Receives resampled bars: `complete` false for a forming snapshot, true for a final bar. */
export type ResampleSink = (bar: Bar, complete: boolean) => void;

const IST_OFFSET_MS = 19_800_000;
const DAY_MS = 86_400_000;

/** One instrument's bucket under construction. Mutable internal state. */
class Bucket {
  open = false;
  lastTime = -Infinity;
  start = 0;
  end = 0;
  first = 0;
  high = 0;
  low = 0;
  last = 0;
  volume = 0;
  oi: number | undefined = undefined;
  constructor(readonly instrument: InstrumentId) {}
}

/**
 * The resampling engine as a plain incremental object (the {@link resample} operator and
 * {@link resampleBars} both run on it): push source bars in time order, get aggregated bars
 * through the sink.
 *
 * Buckets: intraday buckets start at the session open (09:15 IST) and every `timeframe` after
 * it, so a 60-minute bar is 09:15-10:15 and the last one of the session, 15:15-15:30, is
 * shorter; a bar's `time` is its bucket's start. Daily buckets are IST dates, and a daily bar's
 * `time` is **IST midnight** of its date (the convention of broker day candles and of the
 * daily files in the shared data), whatever time its first minute had.
 *
 * Completion: a bucket is final, and sent with `complete: true`, as soon as a source bar
 * reaching its end arrives (the 09:29 minute completes 09:15-09:30, without waiting for
 * 09:30), or when any later bar of the same instrument arrives (a missing last minute, a
 * post-close minute, the next session), or on {@link flush}. Instruments are bucketed independently. Output bars keep
 * the source's instrument, sum volumes, and carry the last `oi` seen in the bucket, if any.
 *
 * @example
 * ```ts
 * const fifteen: Bar[] = [];
 * const resampler = new BarResampler('15m', { sourceLabel: 'end' }, (bar, complete) => {
 *   if (complete) fifteen.push(bar);
 * });
 * for (const minute of niftyMinutes) resampler.push(minute);
 * resampler.flush();
 * ```
 */
export class BarResampler {
  readonly timeframe: Timeframe;
  private readonly targetMs: number;
  private readonly daily: boolean;
  private readonly endLabelled: boolean;
  private readonly keepOutside: boolean;
  private readonly emitForming: boolean;
  private readonly openMs: number;
  private readonly closeMs: number;
  private readonly sink: ResampleSink;
  private readonly buckets = new Map<string, Bucket>();
  private checkedTimeframe: string | undefined;
  private sourceMs = 0;
  // Scratch result of locate(): no allocation per bar.
  private bucketStart = 0;
  private bucketEnd = 0;

  constructor(timeframe: Timeframe, options: ResampleOptions, sink: ResampleSink) {
    if (!(TIMEFRAMES as readonly unknown[]).includes(timeframe)) {
      throw new ResampleConfigError(
        'timeframe',
        timeframe,
        `is not one of ${TIMEFRAMES.join(', ')}`,
      );
    }
    this.timeframe = timeframe;
    this.targetMs = timeframeMs(timeframe);
    this.daily = timeframe === '1d';
    const label = options.sourceLabel ?? 'start';
    if (label !== 'start' && label !== 'end') {
      throw new ResampleConfigError('sourceLabel', label, "is not 'start' or 'end'");
    }
    this.endLabelled = label === 'end';
    const outside = options.outsideSession ?? 'drop';
    if (outside !== 'drop' && outside !== 'keep') {
      throw new ResampleConfigError('outsideSession', outside, "is not 'drop' or 'keep'");
    }
    this.keepOutside = outside === 'keep';
    this.emitForming = options.emitForming ?? false;
    const { openMs, closeMs } = sessionOffsets(options.session ?? NSE_NORMAL_SESSION);
    this.openMs = openMs;
    this.closeMs = closeMs;
    this.sink = sink;
  }

  /** Adds one source bar; may send the previous bucket and/or this bar's bucket to the sink. */
  push(bar: Bar): void {
    if (bar.timeframe !== this.checkedTimeframe) this.checkSource(bar.timeframe);
    const sourceMs = this.sourceMs;
    const time = this.endLabelled ? bar.time - sourceMs : bar.time;
    let bucket = this.buckets.get(bar.instrument);
    if (bucket === undefined) {
      bucket = new Bucket(bar.instrument);
      this.buckets.set(bar.instrument, bucket);
    }
    if (time <= bucket.lastTime) {
      throw new OutOfOrderBarError(
        bar.instrument,
        bar.time,
        this.endLabelled ? bucket.lastTime + sourceMs : bucket.lastTime,
      );
    }
    bucket.lastTime = time;
    // Any bar at or after the bucket's end proves it final, even one that is then dropped.
    if (bucket.open && time >= bucket.end) this.complete(bucket);
    if (!this.locate(time)) return;
    const start = this.bucketStart;
    if (bucket.open && bucket.start !== start) this.complete(bucket);
    if (!bucket.open) {
      bucket.open = true;
      bucket.start = start;
      bucket.end = this.bucketEnd;
      bucket.first = bar.open;
      bucket.high = bar.high;
      bucket.low = bar.low;
      bucket.volume = bar.volume;
      bucket.oi = bar.oi;
    } else {
      if (bar.high > bucket.high) bucket.high = bar.high;
      if (bar.low < bucket.low) bucket.low = bar.low;
      bucket.volume += bar.volume;
      if (bar.oi !== undefined) bucket.oi = bar.oi;
    }
    bucket.last = bar.close;
    if (time + sourceMs >= bucket.end) this.complete(bucket);
    else if (this.emitForming) this.sink(this.snapshot(bucket), false);
  }

  /** Sends every bucket still forming as complete (end of the source), in first-seen order. */
  flush(): void {
    for (const bucket of this.buckets.values()) if (bucket.open) this.complete(bucket);
  }

  /** Forgets all state, as if newly constructed. */
  reset(): void {
    this.buckets.clear();
    this.checkedTimeframe = undefined;
  }

  private complete(bucket: Bucket): void {
    bucket.open = false;
    this.sink(this.snapshot(bucket), true);
  }

  private snapshot(bucket: Bucket): Bar {
    const base = {
      kind: 'bar' as const,
      instrument: bucket.instrument,
      timeframe: this.timeframe,
      time: bucket.start,
      open: bucket.first,
      high: bucket.high,
      low: bucket.low,
      close: bucket.last,
      volume: bucket.volume,
    };
    return bucket.oi === undefined ? base : { ...base, oi: bucket.oi };
  }

  /** Sets bucketStart / bucketEnd for a source bar opening at `time`; false if it is dropped. */
  private locate(time: number): boolean {
    const local = time + IST_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const dayStart = day * DAY_MS - IST_OFFSET_MS;
    const offset = local - day * DAY_MS;
    const { openMs, closeMs } = this;
    const inSession = offset >= openMs && offset < closeMs;
    if (!inSession && !this.keepOutside) return false;
    if (this.daily) {
      this.bucketStart = dayStart;
      this.bucketEnd = dayStart + (this.keepOutside ? DAY_MS : closeMs);
      return true;
    }
    const size = this.targetMs;
    if (inSession) {
      const start = dayStart + openMs + Math.floor((offset - openMs) / size) * size;
      this.bucketStart = start;
      this.bucketEnd = Math.min(start + size, dayStart + closeMs);
    } else if (offset < openMs) {
      const k = Math.floor((offset - openMs) / size);
      this.bucketStart = Math.max(dayStart, dayStart + openMs + k * size);
      this.bucketEnd = dayStart + openMs + (k + 1) * size;
    } else {
      const start = dayStart + closeMs + Math.floor((offset - closeMs) / size) * size;
      this.bucketStart = start;
      this.bucketEnd = Math.min(start + size, dayStart + DAY_MS);
    }
    return true;
  }

  private checkSource(timeframe: Timeframe): void {
    const known = (TIMEFRAMES as readonly unknown[]).includes(timeframe);
    const sourceMs = known ? timeframeMs(timeframe) : Number.NaN;
    if (!known || timeframe === '1d') {
      throw new ResampleConfigError('timeframe', timeframe, 'is not an intraday source timeframe');
    }
    if (!this.daily && !(sourceMs < this.targetMs && this.targetMs % sourceMs === 0)) {
      throw new ResampleConfigError(
        'timeframe',
        timeframe,
        `of a source bar does not divide the target ${this.timeframe} into whole bars`,
      );
    }
    this.checkedTimeframe = timeframe;
    this.sourceMs = sourceMs;
  }
}
