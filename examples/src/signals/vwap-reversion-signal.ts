import {
  IST_OFFSET_MS,
  MS_PER_DAY,
  SessionVwap,
  Sma,
  istMinuteOfDay,
  knownAt,
  type Bar,
  type Direction,
  type SignalEvent,
  type StrategyContext,
} from '@pravah/sdk';
import { opinion } from './opinion.js';

/** Options of {@link VwapReversionState}; times are IST minutes of the day. */
export interface VwapReversionOptions {
  /** Enter when the close is this many percent beyond the session VWAP. */
  readonly entryPercent: number;
  /** Leave when the close is back within this many percent of the VWAP (0: at the VWAP). */
  readonly exitPercent: number;
  /** The entry bar's volume must be at least this multiple of the average volume before it. */
  readonly volumeMultiple: number;
  /** Bars in that average volume. */
  readonly volumePeriod: number;
  /** Protective stop, percent beyond the entry close; a close past it exits. */
  readonly stopPercent: number;
  readonly allowShort: boolean;
  readonly maxEntriesPerSession: number;
  readonly firstEntryMinute: number;
  readonly lastEntryMinute: number;
  readonly flatMinute: number;
  readonly name: string;
}

const percent = (value: number): string => `${value.toFixed(2)}%`;

/**
 * One instrument's VWAP reversion: session VWAP, the volume filter, and the open side. See
 * {@link vwapMeanReversion} for the rule; run one per instrument with {@link stateSignal}.
 *
 * @example
 * ```ts
 * const signal: Signal = (ctx) => (events$) =>
 *   events$.pipe(barsAt('1m', 'mine'), stateSignal(() => new VwapReversionState(ctx, options)));
 * ```
 */
export class VwapReversionState {
  private readonly vwap = new SessionVwap();
  private readonly volume: Sma;
  private day = Number.NaN;
  private entries = 0;
  private direction: Direction = 'flat';
  private stop = 0;

  constructor(
    private readonly ctx: StrategyContext,
    private readonly o: VwapReversionOptions,
  ) {
    this.volume = new Sma(o.volumePeriod);
  }

  update(bar: Bar): SignalEvent | undefined {
    const day = Math.floor((bar.time + IST_OFFSET_MS) / MS_PER_DAY);
    let out: SignalEvent | undefined;
    if (day !== this.day) {
      this.day = day;
      this.entries = 0;
      out = this.exit(bar, 'new session');
    }
    const averageVolume = this.volume.value; // of the bars before this one
    this.volume.update(bar.volume);
    const vwap = this.vwap.update(bar)!;
    return out ?? this.decide(bar, vwap, averageVolume);
  }

  private decide(
    bar: Bar,
    vwap: number,
    averageVolume: number | undefined,
  ): SignalEvent | undefined {
    const o = this.o;
    const minute = istMinuteOfDay(knownAt(bar));
    const deviation = ((bar.close - vwap) / vwap) * 100;
    const where = `close ${bar.close} is ${percent(deviation)} from VWAP ${vwap.toFixed(2)}`;
    if (minute >= o.flatMinute) return this.exit(bar, 'session end');
    if (this.direction === 'long') {
      if (bar.close <= this.stop) return this.exit(bar, `close ${bar.close} <= stop ${this.stop}`);
      if (deviation >= -o.exitPercent) return this.exit(bar, `${where}: reverted`);
      return undefined;
    }
    if (this.direction === 'short') {
      if (bar.close >= this.stop) return this.exit(bar, `close ${bar.close} >= stop ${this.stop}`);
      if (deviation <= o.exitPercent) return this.exit(bar, `${where}: reverted`);
      return undefined;
    }
    if (minute < o.firstEntryMinute || minute >= o.lastEntryMinute) return undefined;
    if (this.entries >= o.maxEntriesPerSession) return undefined;
    if (
      averageVolume === undefined ||
      !(bar.volume >= o.volumeMultiple * averageVolume) ||
      !(averageVolume > 0)
    ) {
      return undefined;
    }
    const volume = `volume ${bar.volume} >= ${o.volumeMultiple} × ${averageVolume.toFixed(0)}`;
    if (deviation <= -o.entryPercent) return this.enter(bar, 'long', vwap, `${where}, ${volume}`);
    if (deviation >= o.entryPercent && o.allowShort)
      return this.enter(bar, 'short', vwap, `${where}, ${volume}`);
    return undefined;
  }

  private enter(bar: Bar, direction: 'long' | 'short', vwap: number, why: string): SignalEvent {
    const sign = direction === 'long' ? 1 : -1;
    this.direction = direction;
    this.entries += 1;
    this.stop = bar.close * (1 - (sign * this.o.stopPercent) / 100);
    return opinion(this.ctx, bar, direction, 1, `${this.o.name}: ${why}: ${direction}`, {
      stop: this.stop,
      target: vwap,
    });
  }

  private exit(bar: Bar, why: string): SignalEvent | undefined {
    if (this.direction === 'flat') return undefined;
    this.direction = 'flat';
    return opinion(this.ctx, bar, 'flat', 1, `${this.o.name}: ${why}: flat`);
  }
}
