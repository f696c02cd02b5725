import { Observable } from 'rxjs';
import {
  IST_OFFSET_MS,
  MS_PER_DAY,
  istMinuteOfDay,
  knownAt,
  type Bar,
  type Direction,
  type InstrumentId,
  type Signal,
  type SignalEvent,
  type StrategyContext,
} from '@pravah/sdk';
import { engleGranger, type EngleGrangerResult } from '../statistics/engle-granger.js';
import type { SignificanceLevel } from '../statistics/mackinnon.js';
import { StatisticsInputError } from '../statistics/statistics-error.js';
import { StrategyDataError } from './strategy-data-error.js';

/** What a pair leg's signal carries beyond a plain signal: the hedge it belongs to. */
export interface PairLeg {
  /** `first` is y, bought when the spread is long; `second` is x, sold then. */
  readonly role: 'first' | 'second';
  readonly first: InstrumentId;
  readonly second: InstrumentId;
  /** β of `y = α + β·x`: units of the second per unit of the first. */
  readonly hedgeRatio: number;
  /** Closes of both legs on the bar the decision was made. */
  readonly firstPrice: number;
  readonly secondPrice: number;
}

/** A signal event for one leg of a pair (a SignalEvent with its {@link PairLeg}). */
export interface PairLegSignal extends SignalEvent {
  readonly pair: PairLeg;
}

/**
 * Narrows a signal to a pair leg.
 *
 * @example
 * ```ts
 * if (isPairLeg(signal)) console.log(signal.pair.hedgeRatio);
 * ```
 */
export function isPairLeg(signal: SignalEvent): signal is PairLegSignal {
  const pair = (signal as Partial<PairLegSignal>).pair;
  return typeof pair === 'object' && pair !== null && typeof pair.hedgeRatio === 'number';
}

/** Options of {@link pairSpreadSignal}. */
export interface PairSpreadOptions {
  /** y: the instrument bought when the spread is long. */
  readonly first: InstrumentId;
  /** x: the hedge, sold when the spread is long. */
  readonly second: InstrumentId;
  /** Aligned bars (both legs' bars at the same time) in the formation window. */
  readonly lookback: number;
  readonly adfLags: number;
  readonly significance: SignificanceLevel;
  /** Enter when |z| exceeds this. */
  readonly entryZ: number;
  /** Leave when z is back inside ±exitZ. */
  readonly exitZ: number;
  /** Leave, and take no new entry that session, when |z| exceeds this. */
  readonly stopZ: number;
  /** IST minute of the day (e.g. 885 = 14:45) from which no entry is taken. */
  readonly lastEntryMinute: number;
  /** IST minute of the day from which the pair is flat. */
  readonly flatMinute: number;
  /** Strategy name for reasons and errors. */
  readonly name: string;
}

type SpreadSide = 'long' | 'short' | 'flat';

/** One run's pair state: the formation window, the session's fit, and the open side. */
class PairState {
  private readonly ys: Float64Array;
  private readonly xs: Float64Array;
  private stored = 0;
  private next = 0;
  private firstBar: Bar | undefined;
  private secondBar: Bar | undefined;
  private day = Number.NaN;
  private fit: EngleGrangerResult | undefined;
  /** Why the current session does not trade, when it does not. */
  private idle: string | undefined = 'no session yet';
  private side: SpreadSide = 'flat';

  constructor(private readonly o: PairSpreadOptions) {
    this.ys = new Float64Array(o.lookback);
    this.xs = new Float64Array(o.lookback);
  }

  /** Takes one bar of either leg; returns the two leg signals when the side changes. */
  update(ctx: StrategyContext, bar: Bar): PairLegSignal[] | undefined {
    if (bar.instrument === this.o.first) this.firstBar = bar;
    else this.secondBar = bar;
    const y = this.firstBar;
    const x = this.secondBar;
    if (y === undefined || x === undefined || y.time !== x.time) return undefined;
    const day = Math.floor((bar.time + IST_OFFSET_MS) / MS_PER_DAY);
    let out: PairLegSignal[] | undefined;
    if (day !== this.day) {
      this.day = day;
      out = this.move(ctx, y, x, 'flat', 'new session');
      this.startSession();
    }
    this.remember(y.close, x.close);
    return out ?? this.decide(ctx, y, x);
  }

  /** Fits the pair on the formation window (the sessions before this one). */
  private startSession(): void {
    this.fit = undefined;
    if (this.stored < this.o.lookback) {
      this.idle = `formation window has ${this.stored} of ${this.o.lookback} bars`;
      return;
    }
    const ys = new Float64Array(this.o.lookback);
    const xs = new Float64Array(this.o.lookback);
    for (let i = 0; i < this.o.lookback; i++) {
      const at = (this.next + i) % this.o.lookback; // oldest first
      ys[i] = this.ys[at]!;
      xs[i] = this.xs[at]!;
    }
    let fit: EngleGrangerResult;
    try {
      fit = engleGranger(ys, xs, { lags: this.o.adfLags, level: this.o.significance });
    } catch (error) {
      if (!(error instanceof StatisticsInputError)) throw error;
      this.idle = `no test: ${error.message}`;
      return;
    }
    this.fit = fit;
    if (!fit.cointegrated) {
      this.idle = `not cointegrated (ADF ${fit.adfStatistic.toFixed(2)} >= ${fit.criticalValue.toFixed(2)})`;
    } else if (!(fit.hedgeRatio > 0)) {
      this.idle = `hedge ratio ${fit.hedgeRatio.toFixed(4)} is not positive: not a hedge`;
    } else {
      this.idle = undefined;
    }
  }

  private remember(y: number, x: number): void {
    this.ys[this.next] = y;
    this.xs[this.next] = x;
    this.next = (this.next + 1) % this.o.lookback;
    if (this.stored < this.o.lookback) this.stored += 1;
  }

  private decide(ctx: StrategyContext, y: Bar, x: Bar): PairLegSignal[] | undefined {
    const fit = this.fit;
    if (fit === undefined || !(fit.residualStdDev > 0)) return undefined;
    const z = (y.close - fit.intercept - fit.hedgeRatio * x.close) / fit.residualStdDev;
    const minute = istMinuteOfDay(knownAt(y));
    const o = this.o;
    const zText = `z ${z.toFixed(2)}`;
    if (minute >= o.flatMinute) return this.move(ctx, y, x, 'flat', `${zText}, session end`);
    if (this.side === 'long') {
      if (z < -o.stopZ) return this.stop(ctx, y, x, `${zText} < -${o.stopZ}`);
      if (z > -o.exitZ) return this.move(ctx, y, x, 'flat', `${zText} > -${o.exitZ}: reverted`);
      return undefined;
    }
    if (this.side === 'short') {
      if (z > o.stopZ) return this.stop(ctx, y, x, `${zText} > ${o.stopZ}`);
      if (z < o.exitZ) return this.move(ctx, y, x, 'flat', `${zText} < ${o.exitZ}: reverted`);
      return undefined;
    }
    if (this.idle !== undefined || minute >= o.lastEntryMinute) return undefined;
    const test = `β ${fit.hedgeRatio.toFixed(4)}, ADF ${fit.adfStatistic.toFixed(2)} < ${fit.criticalValue.toFixed(2)}`;
    if (z < -o.entryZ) return this.move(ctx, y, x, 'long', `${zText} < -${o.entryZ} (${test})`);
    if (z > o.entryZ) return this.move(ctx, y, x, 'short', `${zText} > ${o.entryZ} (${test})`);
    return undefined;
  }

  private stop(ctx: StrategyContext, y: Bar, x: Bar, why: string): PairLegSignal[] | undefined {
    this.idle = 'stopped out this session';
    return this.move(ctx, y, x, 'flat', `${why}: stop`);
  }

  private move(
    ctx: StrategyContext,
    y: Bar,
    x: Bar,
    side: SpreadSide,
    why: string,
  ): PairLegSignal[] | undefined {
    if (side === this.side) return undefined;
    this.side = side;
    const hedgeRatio = this.fit?.hedgeRatio ?? 0;
    const reason = `${this.o.name}: ${why}: spread ${side}`;
    const firstDirection: Direction = side;
    const secondDirection: Direction =
      side === 'long' ? 'short' : side === 'short' ? 'long' : 'flat';
    const leg = (bar: Bar, role: PairLeg['role'], direction: Direction): PairLegSignal => {
      const now = ctx.clock.now();
      const known = knownAt(bar);
      return Object.freeze({
        kind: 'signal',
        instrument: bar.instrument,
        time: Number.isFinite(now) && now < known ? now : known,
        direction,
        confidence: 1,
        price: bar.close,
        reason,
        pair: Object.freeze({
          role,
          first: y.instrument,
          second: x.instrument,
          hedgeRatio,
          firstPrice: y.close,
          secondPrice: x.close,
        }),
      });
    };
    const first = leg(y, 'first', firstDirection);
    const second = leg(x, 'second', secondDirection);
    // The dearer leg goes first. The backtester currently values another instrument's pending
    // market order at the new order's price when it checks funds, which overstates a dear
    // pending leg and rejects its cheap hedge; in this order the check errs on the safe side.
    return y.close >= x.close ? [first, second] : [second, first];
  }
}

/**
 * Engle-Granger pairs signal on two instruments' bars. At the first aligned bar of every IST
 * session it fits `y = α + β·x` on the last `lookback` aligned bars (those of earlier sessions)
 * and tests the residuals for a unit root ({@link engleGranger}). The session is traded only when
 * the pair cointegrates at `significance` and β > 0; α, β and the residual standard deviation
 * then stay fixed for the session.
 *
 * On every aligned bar, `z = (y − α − β·x) / sd`. Below `-entryZ` the spread is bought (y long,
 * x short), above `entryZ` sold; it is closed when z comes back inside `±exitZ`, or beyond
 * `±stopZ` (a stop, after which the session takes no new entry). No entry from
 * `lastEntryMinute`; flat from `flatMinute` and at a new session. Each change emits two
 * {@link PairLegSignal}s (the dearer leg's first), carrying β for the sizer.
 *
 * Fails at the start with a {@link StrategyDataError} when either instrument is not in the run.
 *
 * @example
 * ```ts
 * const signal = pairSpreadSignal({ first: 'NSE:HDFCBANK', second: 'NSE:KOTAKBANK', lookback: 750,
 *   adfLags: 1, significance: '5%', entryZ: 2, exitZ: 0.5, stopZ: 4, lastEntryMinute: 885,
 *   flatMinute: 915, name: 'pairs' });
 * ```
 */
export function pairSpreadSignal(options: PairSpreadOptions): Signal {
  return (ctx) => {
    for (const [field, id] of [
      ['first', options.first],
      ['second', options.second],
    ] as const) {
      if (!ctx.instruments.has(id)) {
        throw new StrategyDataError(
          options.name,
          field,
          id,
          `it is not among the run's instruments; pass two instruments of the data as params, e.g. {"first":"NSE:HDFCBANK","second":"NSE:KOTAKBANK"}`,
        );
      }
    }
    return (source) =>
      new Observable<SignalEvent>((subscriber) => {
        const state = new PairState(options);
        return source.subscribe({
          next(event) {
            if (event.kind !== 'bar') return;
            if (event.instrument !== options.first && event.instrument !== options.second) return;
            let legs: PairLegSignal[] | undefined;
            try {
              legs = state.update(ctx, event);
            } catch (error) {
              subscriber.error(error);
              return;
            }
            if (legs !== undefined) for (const leg of legs) subscriber.next(leg);
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => subscriber.complete(),
        });
      });
  };
}
