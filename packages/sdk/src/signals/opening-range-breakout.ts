import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { Signal } from '../graph/stages.js';
import type { Logger } from '../graph/strategy-context.js';
import { Atr } from '../indicators/atr.js';
import type { Indicator, OhlcvInput } from '../indicators/indicator.js';
import { knownAt, type MarketEvent } from '../model/market-event.js';
import type { Direction, SignalEvent } from '../model/signal-event.js';
import { IST_OFFSET_MS, MS_PER_DAY, MS_PER_MINUTE } from '../time/constants.js';
import { istDate } from '../time/ist-date.js';
import { instrumentStateSignal, type InstrumentState } from './internal/instrument-state-signal.js';
import { formatNumber, opinionOn } from './internal/opinion.js';
import {
  allowShortSchema,
  callable,
  clockTimeSchema,
  confidenceSchema,
  nameSchema,
} from './internal/schemas.js';
import { seriesReader, type SeriesReader } from './internal/series-reader.js';
import type { IndicatorFactory, SignalOptions } from './types.js';

/** Options of {@link openingRangeBreakout}. */
export interface OpeningRangeBreakoutOptions extends SignalOptions {
  /** Length of the opening range in minutes from `sessionStart` (a multiple of the bar length). */
  readonly minutes: number;
  /** Session open, IST `HH:MM`. Default `'09:15'` (NSE/BSE equity and F&O). */
  readonly sessionStart?: string;
  /** ATR period, on the bars the signal receives. Default 14. Ignored when `atr` is given. */
  readonly atrPeriod?: number;
  /** Custom ATR factory (fed every in-session bar). Default `() => new Atr(atrPeriod)`. */
  readonly atr?: IndicatorFactory<OhlcvInput, number>;
  /** Breakout buffer: the close must clear the range edge by this many ATRs. Default 0. */
  readonly atrMultiple?: number;
  /** Skip the session when the range is narrower than this many ATRs. Default 0. */
  readonly minRangeAtr?: number;
  /** Skip the session when the range is wider than this many ATRs. Default: no limit. */
  readonly maxRangeAtr?: number;
  /** Target distance as a multiple of the entry's risk (entry to stop). Default 2. */
  readonly targetMultiple?: number;
  /** Entries allowed per session (after a stop or target exit). Default 1. */
  readonly maxEntriesPerSession?: number;
  /** IST `HH:MM` from which the signal is flat and takes no entry. Default: none. */
  readonly flatAfter?: string;
}

const nonNegative = z.number().finite().min(0, 'must be 0 or more');

const OptionsSchema = z
  .object({
    minutes: z
      .number()
      .int('must be a whole number of minutes')
      .min(1, 'must be at least 1')
      .max(375, 'must be at most 375 (one NSE session)'),
    sessionStart: clockTimeSchema.default(555),
    atrPeriod: z.number().int('must be an integer').min(1, 'must be at least 1').default(14),
    atr: callable<IndicatorFactory<OhlcvInput, number>>(
      'must be a factory such as () => new Atr(14)',
    ).optional(),
    atrMultiple: nonNegative.default(0),
    minRangeAtr: nonNegative.default(0),
    maxRangeAtr: z.number().finite().gt(0, 'must be above 0').optional(),
    targetMultiple: z.number().finite().gt(0, 'must be above 0').default(2),
    maxEntriesPerSession: z
      .number()
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .default(1),
    flatAfter: clockTimeSchema.optional(),
    allowShort: allowShortSchema,
    confidence: confidenceSchema,
    name: nameSchema('ORB'),
  })
  .superRefine((o, ctx) => {
    if (o.maxRangeAtr !== undefined && o.maxRangeAtr < o.minRangeAtr) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxRangeAtr'],
        message: `must be at least minRangeAtr (${o.minRangeAtr})`,
      });
    }
    if (o.flatAfter !== undefined && o.flatAfter <= o.sessionStart + o.minutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['flatAfter'],
        message: 'must be after the end of the opening range',
      });
    }
  });

type Parsed = z.output<typeof OptionsSchema>;

const clock = (minuteOfDay: number): string =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

class OpeningRangeState implements InstrumentState {
  private readonly atr: SeriesReader;
  private readonly usesAtr: boolean;
  /** IST day number of the current session; NaN before the first event. */
  private day = Number.NaN;
  private sessionStart = 0;
  private rangeEnd = 0;
  private flatAfter = Number.POSITIVE_INFINITY;
  private high = Number.NEGATIVE_INFINITY;
  private low = Number.POSITIVE_INFINITY;
  private rangeDone = false;
  /** Why this session does not trade, or undefined when it may. */
  private skip: string | undefined;
  private rangeAtr: number | undefined;
  private lastAtr: number | undefined;
  private longTrigger = Number.POSITIVE_INFINITY;
  private shortTrigger = Number.NEGATIVE_INFINITY;
  private entries = 0;
  private direction: Direction = 'flat';
  private stop = 0;
  private target = 0;

  constructor(
    private readonly options: Parsed,
    private readonly logger: Logger,
  ) {
    const factory =
      options.atr ?? ((): Indicator<OhlcvInput, number> => new Atr(options.atrPeriod));
    this.atr = seriesReader({ ohlcv: factory }, 'close', { signal: options.name, field: 'atr' });
    this.usesAtr =
      options.atrMultiple > 0 || options.minRangeAtr > 0 || options.maxRangeAtr !== undefined;
  }

  update(event: MarketEvent): SignalEvent | undefined {
    const day = Math.floor((event.time + IST_OFFSET_MS) / MS_PER_DAY);
    let sessionEnded: SignalEvent | undefined;
    if (day !== this.day) sessionEnded = this.startSession(day, event);
    if (event.time < this.sessionStart) return sessionEnded; // pre-open prints are not the session
    // An event past the window closes the range before it counts (ATR as of the last range bar).
    if (!this.rangeDone && event.time >= this.rangeEnd) this.completeRange(this.lastAtr, event);
    const atr = this.atr.update(event);
    this.lastAtr = atr;
    if (!this.rangeDone) {
      this.extendRange(event);
      if (knownAt(event) >= this.rangeEnd) this.completeRange(atr, event);
      return sessionEnded;
    }
    return sessionEnded ?? this.trade(event);
  }

  private startSession(day: number, event: MarketEvent): SignalEvent | undefined {
    this.day = day;
    const midnight = day * MS_PER_DAY - IST_OFFSET_MS;
    const { options } = this;
    this.sessionStart = midnight + options.sessionStart * MS_PER_MINUTE;
    this.rangeEnd = this.sessionStart + options.minutes * MS_PER_MINUTE;
    this.flatAfter =
      options.flatAfter === undefined
        ? Number.POSITIVE_INFINITY
        : midnight + options.flatAfter * MS_PER_MINUTE;
    this.high = Number.NEGATIVE_INFINITY;
    this.low = Number.POSITIVE_INFINITY;
    this.rangeDone = false;
    this.skip = undefined;
    this.rangeAtr = undefined;
    this.entries = 0;
    if (this.direction === 'flat') return undefined;
    this.direction = 'flat';
    return opinionOn(
      event,
      'flat',
      options.confidence,
      `${options.name}: new session ${istDate(event.time)}: flat`,
    );
  }

  private extendRange(event: MarketEvent): void {
    const high = event.kind === 'bar' ? event.high : event.price;
    const low = event.kind === 'bar' ? event.low : event.price;
    if (high > this.high) this.high = high;
    if (low < this.low) this.low = low;
  }

  private completeRange(atr: number | undefined, event: MarketEvent): void {
    this.rangeDone = true;
    this.skip = this.rangeProblem(atr);
    if (this.skip !== undefined) {
      this.logger.debug(`${this.options.name}: session not traded`, {
        instrument: event.instrument,
        date: istDate(event.time),
        reason: this.skip,
      });
    }
  }

  /** Why the completed range cannot be traded, or undefined when it can (sets the triggers). */
  private rangeProblem(atr: number | undefined): string | undefined {
    const { options } = this;
    const width = this.high - this.low;
    if (!(width > 0)) {
      return Number.isFinite(width)
        ? 'the opening range has no width'
        : 'no bar in the opening range';
    }
    this.rangeAtr = atr;
    if (this.usesAtr) {
      if (atr === undefined || !(atr > 0)) return 'ATR not ready at the end of the opening range';
      if (width < options.minRangeAtr * atr)
        return `range narrower than ${options.minRangeAtr} ATR`;
      if (options.maxRangeAtr !== undefined && width > options.maxRangeAtr * atr) {
        return `range wider than ${options.maxRangeAtr} ATR`;
      }
    }
    const buffer = atr === undefined ? 0 : options.atrMultiple * atr;
    this.longTrigger = this.high + buffer;
    this.shortTrigger = this.low - buffer;
    return undefined;
  }

  private trade(event: MarketEvent): SignalEvent | undefined {
    const { options } = this;
    const high = event.kind === 'bar' ? event.high : event.price;
    const low = event.kind === 'bar' ? event.low : event.price;
    const close = event.kind === 'bar' ? event.close : event.price;
    if (knownAt(event) >= this.flatAfter) {
      this.entries = options.maxEntriesPerSession;
      return this.exit(event, `${clock(options.flatAfter ?? 0)} reached`);
    }
    if (this.direction === 'long') {
      // Both levels inside one bar: assume the stop came first (the conservative reading).
      if (low <= this.stop)
        return this.exit(event, `low ${formatNumber(low)} <= stop ${formatNumber(this.stop)}`);
      if (high >= this.target)
        return this.exit(
          event,
          `high ${formatNumber(high)} >= target ${formatNumber(this.target)}`,
        );
      return undefined;
    }
    if (this.direction === 'short') {
      if (high >= this.stop)
        return this.exit(event, `high ${formatNumber(high)} >= stop ${formatNumber(this.stop)}`);
      if (low <= this.target)
        return this.exit(event, `low ${formatNumber(low)} <= target ${formatNumber(this.target)}`);
      return undefined;
    }
    if (this.skip !== undefined || this.entries >= options.maxEntriesPerSession) return undefined;
    if (close > this.longTrigger) return this.enter(event, 'long', close, this.low);
    if (close < this.shortTrigger && options.allowShort)
      return this.enter(event, 'short', close, this.high);
    return undefined;
  }

  private enter(
    event: MarketEvent,
    direction: 'long' | 'short',
    close: number,
    stop: number,
  ): SignalEvent {
    const { options } = this;
    this.entries += 1;
    this.direction = direction;
    this.stop = stop;
    this.target = close + options.targetMultiple * (close - stop);
    const edge =
      direction === 'long'
        ? `> range high ${formatNumber(this.high)}`
        : `< range low ${formatNumber(this.low)}`;
    const width = this.high - this.low;
    const atr = this.rangeAtr === undefined ? '' : `, ${formatNumber(width / this.rangeAtr)} ATR`;
    const window = `${clock(options.sessionStart)}-${clock(options.sessionStart + options.minutes)}`;
    const reason = `${options.name}: close ${formatNumber(close)} ${edge} (${window} range ${formatNumber(this.low)}-${formatNumber(this.high)}${atr}): ${direction}`;
    return opinionOn(event, direction, options.confidence, reason, {
      stop: this.stop,
      target: this.target,
    });
  }

  private exit(event: MarketEvent, why: string): SignalEvent | undefined {
    if (this.direction === 'flat') return undefined;
    this.direction = 'flat';
    return opinionOn(event, 'flat', this.options.confidence, `${this.options.name}: ${why}: flat`);
  }
}

/**
 * Opening range breakout, per instrument and per IST session. The range is the high and low of
 * the first `minutes` minutes after `sessionStart` (bars whose open time falls in that window;
 * ticks in it). Once the range is complete, a close above its high (plus `atrMultiple` ATRs) is
 * long, a close below its low (minus the buffer) is short with `allowShort`. The stop is the other
 * side of the range; the target is `targetMultiple` times the entry's risk beyond the entry.
 *
 * **ATR filter.** The ATR (`atrPeriod`, Wilder's, on every in-session bar, continuous across
 * sessions) as of the end of the range sets the breakout buffer and the range filter: a session
 * whose range is narrower than `minRangeAtr` ATRs or wider than `maxRangeAtr` ATRs is not traded.
 * When any ATR option is active and the ATR is not ready yet, the session is not traded. A session
 * that is not traded is reported once on `ctx.logger.debug`, with the reason.
 *
 * **Within the session** the signal follows the trade it opened: flat when a bar's low reaches the
 * stop (a long) or its high reaches the target; if both happen in one bar the stop is assumed to
 * come first. After an exit, a new breakout may be taken up to `maxEntriesPerSession`. From
 * `flatAfter` (IST, by the time the event is known) it is flat and takes no entry.
 *
 * **Sessions.** The IST date (UTC+05:30) of an event's time starts a new session: the range is
 * reset and an open opinion is closed with a `flat` on the new session's first event. Events
 * before `sessionStart` (pre-open prints such as 09:08) are ignored. A session without any bar in
 * the range window (a late start) is not traded.
 *
 * Emits only on a change of direction; `time` = `knownAt` of the deciding event, `price` = its
 * last price; entries carry `stop` and `target`.
 *
 * @example
 * ```ts
 * const orb = openingRangeBreakout({
 *   minutes: 15, atrPeriod: 14, minRangeAtr: 1, maxRangeAtr: 6,
 *   targetMultiple: 2, allowShort: true, flatAfter: '15:10',
 * });
 * minuteBars$.pipe(orb(ctx)).subscribe((s) => console.log(s.direction, s.stop, s.target, s.reason));
 * ```
 */
export function openingRangeBreakout(options: OpeningRangeBreakoutOptions): Signal {
  const parsed = parseWith(OptionsSchema, options, 'openingRangeBreakout options');
  return instrumentStateSignal((_instrument, ctx) => new OpeningRangeState(parsed, ctx.logger));
}
