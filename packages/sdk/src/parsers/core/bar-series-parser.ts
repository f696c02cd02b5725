import type { Bar } from '../../model/bar.js';
import type { Timeframe } from '../../model/timeframe.js';
import type { FormatId } from '../types.js';
import type { SessionFilter } from '../sessions/trading-window.js';
import { SeriesParser, type SeriesSettings } from './series-parser.js';

/** A bar under construction: the timeframe may be filled in once it is detected. */
interface MutableBar {
  kind: 'bar';
  instrument: Bar['instrument'];
  timeframe: Timeframe;
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  oi?: number;
}

/** A series parser whose rows are OHLCV bars. */
export abstract class BarSeriesParser extends SeriesParser<Bar> {
  /** Known once set by the caller or detected; until then bars carry a placeholder. */
  protected timeframe: Timeframe | undefined;
  /** Whether bars carry `oi`. */
  protected hasOi = false;
  /** Whether the file has an open-interest column (carried or not). */
  protected oiColumn = false;
  /** Admitted rows whose open interest is not 0 (for the `oi-zero` finding). */
  protected nonZeroOi = 0;
  private zeroVolume = 0;
  private bars = 0;

  protected constructor(format: FormatId, settings: SeriesSettings, defaultSession: SessionFilter) {
    super(format, settings, defaultSession);
    this.rowNoun = 'bars';
  }

  /** Validates OHLCV values; rejects the row (and returns false) when they do not form a bar. */
  protected validBar(
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    oi: number,
  ): boolean {
    if (!(low > 0)) this.bad('low', `price must be positive, got ${low}`, String(low));
    else if (high < low) this.bad('high', `high ${high} is below low ${low}`, String(high));
    else if (open < low || open > high)
      this.bad('open', `open ${open} lies outside [low ${low}, high ${high}]`, String(open));
    else if (close < low || close > high)
      this.bad('close', `close ${close} lies outside [low ${low}, high ${high}]`, String(close));
    else if (volume < 0) this.bad('volume', `volume ${volume} is negative`, String(volume));
    else if (oi < 0) this.bad('oi', `open interest ${oi} is negative`, String(oi));
    else return true;
    return false;
  }

  /** Sets the timeframe of bars built before it was known. */
  protected fillTimeframe(timeframe: Timeframe): void {
    this.timeframe = timeframe;
    const rows = this.rows as unknown as MutableBar[];
    for (let i = 0; i < rows.length; i++) rows[i]!.timeframe = timeframe;
  }

  protected override canTake(): boolean {
    return this.timeframe !== undefined;
  }

  protected override inspect(bar: Bar): void {
    this.bars++;
    if (bar.volume === 0) this.zeroVolume++;
  }

  protected override addFindings(): void {
    if (this.bars === 0) return;
    if (this.zeroVolume === this.bars) {
      this.report.find({
        code: 'volume-zero',
        message: `volume is 0 on every bar (${this.bars}); expected for an index, suspicious for a traded instrument`,
        count: this.bars,
      });
    } else if (this.zeroVolume > 0) {
      this.report.find({
        code: 'zero-volume-bars',
        message: `${this.zeroVolume} bar(s) have volume 0`,
        count: this.zeroVolume,
      });
    }
    if (this.oiColumn && this.nonZeroOi === 0) {
      this.report.find({
        code: 'oi-zero',
        message: `open interest is 0 on every row; the column carries no information${
          this.hasOi ? '' : ' and is left out of the bars'
        }`,
        count: this.bars,
      });
    }
  }
}
