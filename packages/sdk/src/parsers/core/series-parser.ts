import type { InstrumentId } from '../../model/instrument.js';
import { CsvParseError } from '../csv-parse-error.js';
import {
  BETWEEN_SESSIONS,
  IN_SESSION,
  NO_SESSION,
  POST_CLOSE,
  PRE_OPEN,
  SessionClassifier,
  type DayWindows,
} from '../sessions/session-classifier.js';
import type { SessionFilter } from '../sessions/trading-window.js';
import type {
  FormatId,
  OutOfOrderPolicy,
  ParseResult,
  RowPolicies,
  StreamingParser,
} from '../types.js';
import { DAY_MS, IST_OFFSET_MS, formatIst, formatMinuteOfDay, isoDateOfDay } from './ist.js';
import { RowReader } from './row-reader.js';

const ORDER_ADVICE = "Sort the file by time, or parse with { onOutOfOrder: 'sort' }.";
const DUPLICATE_ADVICE =
  "Remove one of the rows, or parse with { onDuplicate: 'keep-first' } or { onDuplicate: 'keep-last' }.";
const NORMAL_OPEN_MS = 555 * 60_000;
const NORMAL_CLOSE_MS = 930 * 60_000;
const DROP_CODES = [
  '',
  'pre-open-dropped',
  'post-close-dropped',
  'between-sessions-dropped',
  'no-session-dropped',
];
const DROP_WORDING = ['', 'pre-open', 'post-close', 'between-sessions', 'no-session'];

/** Settings shared by every time-series parser. */
export interface SeriesSettings extends RowPolicies {
  readonly session?: SessionFilter;
}

/**
 * The machinery of every time-series parser: row bookkeeping (the row objects plus their time,
 * line and instrument in typed arrays), session filtering, out-of-order and duplicate
 * policies, stable sorting, the streaming `take()` and the report. Subclasses read lines and
 * build the rows. A file that is in order and free of duplicates costs no copy at the end.
 */
export abstract class SeriesParser<Row extends { readonly time: number }>
  extends RowReader
  implements StreamingParser<Row>
{
  protected readonly sessions: SessionClassifier;
  protected readonly onOutOfOrder: OutOfOrderPolicy;
  /** Bar length in ms for the short-session check; 0 for ticks or an unknown timeframe. */
  protected barMs = 0;
  /** Row time + this = the label the file used (end-labelled files: one minute), for messages. */
  protected labelShiftMs = 0;

  protected rows: Row[] = [];
  protected times = new Float64Array(1024);
  protected rowLines = new Int32Array(1024);
  protected keys = new Int32Array(1024);
  protected count = 0;
  protected readonly instruments: InstrumentId[] = [];
  private readonly keyIndex = new Map<string, number>();
  private keyMax = new Float64Array(8).fill(-Infinity);
  private keyMaxLine = new Int32Array(8);
  private globalMax = -Infinity;
  private globalMaxLine = 0;
  private needsSort = false;
  private mayHaveDuplicates = false;
  private readonly droppedAt: Map<number, number>[] = [];

  private emitted = 0;
  private firstTime: number | undefined;
  private lastTime: number | undefined;
  private sessionCount = 0;
  private day = Number.NaN;
  /** Epoch ms of the IST midnight starting the current output day. */
  private dayStart = Number.POSITIVE_INFINITY;
  private dayRows = 0;
  private dayWindows: DayWindows | undefined;
  private windowRows: number[] | undefined;
  private readonly shortSessions: string[] = [];
  private readonly specialSessions: string[] = [];

  protected constructor(format: FormatId, settings: SeriesSettings, defaultSession: SessionFilter) {
    super(format, settings);
    this.onOutOfOrder = settings.onOutOfOrder ?? 'sort';
    this.sessions = new SessionClassifier(settings.session ?? defaultSession);
    for (let i = 0; i <= NO_SESSION; i++) this.droppedAt.push(new Map());
  }

  /** Whether rows can be final before the end (e.g. the timeframe is known). */
  protected canTake(): boolean {
    return true;
  }
  /** Called once at the end, before rows are put in order (e.g. timeframe detection). */
  protected prepare(_order: Int32Array | null): void {}
  /** Called for every row returned, in output order (statistics for findings). */
  protected inspect(_row: Row): void {}
  /** Adds the format's own findings to the report. */
  protected addFindings(): void {}

  /** Index of an instrument id, registering it on first sight. */
  protected keyOf(id: InstrumentId): number {
    let key = this.keyIndex.get(id);
    if (key === undefined) {
      key = this.instruments.length;
      this.instruments.push(id);
      this.keyIndex.set(id, key);
      if (key >= this.keyMax.length) {
        const max = new Float64Array(this.keyMax.length * 2).fill(-Infinity);
        max.set(this.keyMax);
        this.keyMax = max;
        const line = new Int32Array(this.keyMaxLine.length * 2);
        line.set(this.keyMaxLine);
        this.keyMaxLine = line;
      }
    }
    return key;
  }

  /** Sizes the row arrays for about `rows` rows (an estimate from the first chunk). */
  protected override reserve(rows: number): void {
    if (rows <= this.times.length) return;
    this.resize(rows);
  }

  /** Whether a row at `time` is inside the session; counts it as dropped otherwise. */
  protected admit(time: number): boolean {
    const where = this.sessions.classify(time);
    if (where === IN_SESSION) return true;
    this.drop(where, time);
    return false;
  }

  /** Stores an admitted row of instrument `key`, checking its order by `row.time`. */
  protected append(key: number, row: Row): void {
    this.appendAt(row.time, key, row);
  }

  /**
   * Stores an admitted row ordered by `time`, which may be finer than `row.time` (tick files
   * carry microseconds; a Tick's time is whole milliseconds).
   */
  protected appendAt(time: number, key: number, row: Row): void {
    const line = this.lineNumber;
    const keyMax = this.keyMax[key]!;
    if (time < keyMax) {
      this.needsSort = true;
      this.report.outOfOrderRow({
        line,
        time: Math.floor(time),
        afterLine: this.keyMaxLine[key]!,
        afterTime: Math.floor(keyMax),
      });
      if (this.onOutOfOrder === 'fail') this.orderError(time, this.keyMaxLine[key]!, keyMax);
    } else {
      if (time === keyMax) this.mayHaveDuplicates = true;
      this.keyMax[key] = time;
      this.keyMaxLine[key] = line;
    }
    if (time < this.globalMax) {
      this.needsSort = true;
      if (this.onOutOfOrder === 'fail') this.orderError(time, this.globalMaxLine, this.globalMax);
    } else {
      this.globalMax = time;
      this.globalMaxLine = line;
    }
    if (this.count === this.times.length) this.resize(this.count * 2);
    const i = this.count++;
    this.times[i] = time;
    this.rowLines[i] = line;
    this.keys[i] = key;
    this.rows.push(row);
  }

  take(): Row[] {
    if (this.onOutOfOrder !== 'fail' || this.count === 0 || !this.canTake()) return [];
    const last = this.times[this.count - 1]!;
    let cut = this.count - 1;
    while (cut > 0 && this.times[cut - 1] === last) cut--;
    if (cut === 0) return [];
    const rows = this.emit(null, cut);
    const rest = this.count - cut;
    this.times.copyWithin(0, cut, this.count);
    this.rowLines.copyWithin(0, cut, this.count);
    this.keys.copyWithin(0, cut, this.count);
    this.rows = this.rows.slice(cut);
    this.count = rest;
    return rows;
  }

  end(): ParseResult<Row> {
    this.flushLines();
    let order: Int32Array | null = null;
    if (this.needsSort) {
      const times = this.times;
      order = new Int32Array(this.count);
      for (let i = 0; i < order.length; i++) order[i] = i;
      order.sort((a, b) => times[a]! - times[b]! || a - b);
    }
    this.prepare(order);
    const rows = this.emit(order, this.count);
    this.closeDay();
    this.rows = [];
    this.count = 0;
    this.commonFindings();
    this.addFindings();
    const report = this.report.build({
      lines: this.lineNumber,
      rows: this.emitted,
      firstTime: this.firstTime,
      lastTime: this.lastTime === undefined ? undefined : Math.floor(this.lastTime),
      sessions: this.sessionCount,
      sorted: order !== null,
    });
    return { rows, report };
  }

  /** Returns the first `size` rows (in `order` when given) with duplicates resolved. */
  private emit(order: Int32Array | null, size: number): Row[] {
    const times = this.times;
    if (order === null && !this.mayHaveDuplicates) {
      const rows = size === this.rows.length ? this.rows : this.rows.slice(0, size);
      for (let i = 0; i < size; i++) {
        this.observe(times[i]!);
        this.inspect(rows[i]!);
      }
      return rows;
    }
    const kept = this.resolveDuplicates(order, size);
    const source = this.rows;
    const rows: Row[] = [];
    for (let j = 0; j < kept.length; j++) {
      const i = kept[j]!;
      const row = source[i]!;
      rows.push(row);
      this.observe(times[i]!);
      this.inspect(row);
    }
    return rows;
  }

  /** Indices of the rows to return, in output order, after applying the duplicate policy. */
  private resolveDuplicates(order: Int32Array | null, size: number): Int32Array {
    const times = this.times;
    const keys = this.keys;
    const groupOfKey = new Int32Array(Math.max(1, this.instruments.length)).fill(-1);
    const keptAt = new Int32Array(groupOfKey.length);
    const kept = new Int32Array(size);
    let length = 0;
    let group = -1;
    let groupTime = Number.NaN;
    for (let p = 0; p < size; p++) {
      const i = order === null ? p : order[p]!;
      const t = times[i]!;
      const k = keys[i]!;
      if (t !== groupTime) {
        groupTime = t;
        group++;
      }
      if (groupOfKey[k] === group) {
        const slot = keptAt[k]!;
        this.duplicate(kept[slot]!, i);
        if (this.onDuplicate === 'keep-last') kept[slot] = i;
        continue;
      }
      groupOfKey[k] = group;
      keptAt[k] = length;
      kept[length++] = i;
    }
    return kept.subarray(0, length);
  }
  private duplicate(first: number, second: number): void {
    const line = this.rowLines[second]!;
    const duplicateOf = this.rowLines[first]!;
    const time = this.times[second]!;
    const key = this.instruments[this.keys[second]!] ?? '';
    if (this.onDuplicate === 'fail') {
      throw new CsvParseError(
        this.format,
        line,
        'time',
        formatIst(time + this.labelShiftMs),
        `duplicate of line ${duplicateOf} (same instrument ${key} and time)`,
        DUPLICATE_ADVICE,
      );
    }
    this.report.duplicate({
      line,
      duplicateOf,
      time: Math.floor(time),
      key,
      keptLine: this.onDuplicate === 'keep-last' ? line : duplicateOf,
    });
  }

  private orderError(time: number, afterLine: number, afterTime: number): never {
    throw new CsvParseError(
      this.format,
      this.lineNumber,
      'time',
      formatIst(time + this.labelShiftMs),
      `earlier than line ${afterLine} (${formatIst(afterTime + this.labelShiftMs)})`,
      ORDER_ADVICE,
    );
  }

  private resize(capacity: number): void {
    const times = new Float64Array(capacity);
    times.set(this.times.subarray(0, this.count));
    this.times = times;
    const lines = new Int32Array(capacity);
    lines.set(this.rowLines.subarray(0, this.count));
    this.rowLines = lines;
    const keys = new Int32Array(capacity);
    keys.set(this.keys.subarray(0, this.count));
    this.keys = keys;
  }

  private drop(where: number, time: number): void {
    if (where === PRE_OPEN) this.report.preOpen++;
    else if (where === POST_CLOSE) this.report.postClose++;
    else if (where === BETWEEN_SESSIONS) this.report.betweenSessions++;
    else this.report.noSession++;
    const labelled = time + this.labelShiftMs + IST_OFFSET_MS;
    const minute = Math.floor((labelled - Math.floor(labelled / DAY_MS) * DAY_MS) / 60_000);
    const counts = this.droppedAt[where]!;
    counts.set(minute, (counts.get(minute) ?? 0) + 1);
  }

  private observe(time: number): void {
    if (this.firstTime === undefined) this.firstTime = Math.floor(time);
    this.lastTime = time;
    this.emitted++;
    if (time < this.dayStart || time >= this.dayStart + DAY_MS) this.startDay(time);
    this.dayRows++;
    if (this.windowRows !== undefined) {
      const msOfDay = time - this.dayStart;
      const closes = this.dayWindows!.closes;
      for (let j = 0; j < closes.length; j++) {
        if (msOfDay < closes[j]!) {
          this.windowRows[j]!++;
          break;
        }
      }
    }
  }

  private startDay(time: number): void {
    this.closeDay();
    const day = Math.floor((time + IST_OFFSET_MS) / DAY_MS);
    this.day = day;
    this.dayStart = day * DAY_MS - IST_OFFSET_MS;
    this.sessionCount++;
    this.dayRows = 0;
    this.dayWindows = this.sessions.windowsOf(day);
    const w = this.dayWindows;
    const special =
      w !== undefined &&
      (w.opens.length !== 1 || w.opens[0] !== NORMAL_OPEN_MS || w.closes[0] !== NORMAL_CLOSE_MS);
    this.windowRows = special ? w.opens.map(() => 0) : undefined;
  }

  private closeDay(): void {
    const w = this.dayWindows;
    if (this.dayRows === 0 || w === undefined) return;
    const date = isoDateOfDay(this.day);
    if (this.barMs > 0) {
      const expected = Math.floor(w.length / this.barMs);
      if (this.dayRows < expected)
        this.shortSessions.push(`${date}: ${this.dayRows} of ${expected} ${this.rowNoun}`);
    }
    if (this.windowRows !== undefined) {
      const parts = w.windows.map(
        (s, j) => `${s.open}-${s.close} ${s.name} (${this.windowRows![j]} ${this.rowNoun})`,
      );
      this.specialSessions.push(`${date}: ${parts.join(', ')}`);
    }
    this.dayRows = 0;
  }

  private commonFindings(): void {
    const r = this.report;
    if (r.outOfOrderCount > 0) {
      r.find({
        code: this.onOutOfOrder === 'sort' ? 'out-of-order-sorted' : 'out-of-order',
        message: `${r.outOfOrderCount} ${this.rowNoun} earlier than a row above them for the same instrument${
          this.onOutOfOrder === 'sort' ? '; sorted by time (stable)' : ''
        }`,
        count: r.outOfOrderCount,
        details: r.outOfOrder
          .slice(0, 20)
          .map(
            (o) =>
              `line ${o.line} (${formatIst(o.time + this.labelShiftMs)}) after line ${o.afterLine} (${formatIst(o.afterTime + this.labelShiftMs)})`,
          ),
      });
    }
    if (r.duplicateCount > 0) {
      r.find({
        code: 'duplicates-removed',
        message: `${r.duplicateCount} duplicate ${this.rowNoun} (same instrument and time) removed, keeping the ${
          this.onDuplicate === 'keep-last' ? 'last' : 'first'
        }`,
        count: r.duplicateCount,
      });
    }
    this.skippedFinding();
    const dropped = [0, r.preOpen, r.postClose, r.betweenSessions, r.noSession];
    for (let where = PRE_OPEN; where <= NO_SESSION; where++) {
      const n = dropped[where]!;
      if (n === 0) continue;
      const at = [...this.droppedAt[where]!.entries()].sort((a, b) => a[0] - b[0]);
      const labels = at.slice(0, 12).map(([m, c]) => `${formatMinuteOfDay(m)} x${c}`);
      if (at.length > 12) labels.push(`... ${at.length - 12} more minutes`);
      r.find({
        code: DROP_CODES[where]!,
        message: `${DROP_WORDING[where]} ${this.rowNoun} dropped: ${n} (file times ${labels.join(', ')})`,
        count: n,
        details: at.map(([m, c]) => `${formatMinuteOfDay(m)} x${c}`),
      });
    }
    if (this.specialSessions.length > 0) {
      r.find({
        code: 'special-sessions',
        message: `${this.specialSessions.length} day(s) traded outside the normal 09:15-15:30 session`,
        count: this.specialSessions.length,
        details: this.specialSessions,
      });
    }
    if (this.shortSessions.length > 0) {
      r.find({
        code: 'short-sessions',
        message: `${this.shortSessions.length} session(s) have fewer ${this.rowNoun} than their trading windows hold`,
        count: this.shortSessions.length,
        details: this.shortSessions,
      });
    }
  }
}
