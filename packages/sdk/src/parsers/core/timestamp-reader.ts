import { DAY_MS, IST_OFFSET_MS, daysFromCivil, isValidDate } from './ist.js';
import { FIELD_BAD_TIME, FieldScanner } from './field-scanner.js';

const DASH = 45;
const SLASH = 47;
const COLON = 58;
const DOT = 46;
const SPACE = 32;
const T_UPPER = 84;
const Z_UPPER = 90;
const PLUS = 43;
const QUOTE = 34;
const COMMA = 44;

/**
 * Reads ISO-like timestamps: `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD`, optionally followed by
 * `T` or a space and `HH:MM[:SS[.fraction]]`, optionally followed by `Z` or an offset
 * (`+05:30`, `+0530`, `+05`). Times without an offset are IST. Fractions below a millisecond
 * are kept as a fraction of the epoch ms (tick files carry microseconds).
 */
export class TimestampReader {
  /** The last timestamp read had no time of day. */
  dateOnly = false;
  /** The last timestamp read carried an explicit offset. */
  zoned = false;
  /** Epoch ms of the last timestamp read (a field, so that no boxed double is returned). */
  time = 0.5;
  private lastYmd = -1;
  private lastDay = 0;

  /** IST day number of a date, cached for runs of rows on the same day; NaN when invalid. */
  day(year: number, month: number, dayOfMonth: number): number {
    const ymd = year * 10_000 + month * 100 + dayOfMonth;
    if (ymd === this.lastYmd) return this.lastDay;
    if (!isValidDate(year, month, dayOfMonth)) return Number.NaN;
    this.lastYmd = ymd;
    this.lastDay = daysFromCivil(year, month, dayOfMonth);
    return this.lastDay;
  }

  /** Reads the timestamp field at the cursor into `time`; false with `problem` set when it is not one. */
  read(sc: FieldScanner): boolean {
    if (sc.done) return sc.number(); // false: records the missing column
    if (this.readCommon(sc)) return true;
    sc.skipSpaces();
    const start = sc.pos;
    if (start < sc.end && sc.text.charCodeAt(start) === QUOTE) return this.readQuoted(sc, start);
    const value = this.readAt(sc);
    if (value !== value || !sc.endField()) {
      sc.fail(FIELD_BAD_TIME, start);
      return false;
    }
    sc.fieldStart = start;
    sc.fieldEnd = sc.done ? trimEnd(sc.text, start, sc.end) : trimEnd(sc.text, start, sc.pos - 1);
    this.time = value;
    return true;
  }

  /**
   * The common shape, naive `YYYY-MM-DD HH:MM:SS` followed by a comma or the line's end, read
   * in place with the day cached; anything else is left to the general reader.
   */
  private readCommon(sc: FieldScanner): boolean {
    const s = sc.text;
    const p = sc.pos;
    const stop = p + 19;
    if (stop > sc.end) return false;
    const next = stop === sc.end ? COMMA : s.charCodeAt(stop);
    if (
      next !== COMMA ||
      s.charCodeAt(p + 4) !== DASH ||
      s.charCodeAt(p + 7) !== DASH ||
      s.charCodeAt(p + 10) !== SPACE ||
      s.charCodeAt(p + 13) !== COLON ||
      s.charCodeAt(p + 16) !== COLON
    ) {
      return false;
    }
    const ymd = digitsAt(s, p, 4) * 10_000 + digitsAt(s, p + 5, 2) * 100 + digitsAt(s, p + 8, 2);
    const hour = digitsAt(s, p + 11, 2);
    const minute = digitsAt(s, p + 14, 2);
    const second = digitsAt(s, p + 17, 2);
    if (
      ymd < 0 ||
      hour < 0 ||
      hour > 23 ||
      minute < 0 ||
      minute > 59 ||
      second < 0 ||
      second > 59
    ) {
      return false;
    }
    let day = this.lastDay;
    if (ymd !== this.lastYmd) {
      day = this.day((ymd / 10_000) | 0, ((ymd / 100) | 0) % 100, ymd % 100);
      if (day !== day) return false;
    }
    sc.fieldStart = p;
    sc.fieldEnd = stop;
    if (stop === sc.end) {
      sc.pos = stop;
      sc.done = true;
    } else sc.pos = stop + 1;
    this.dateOnly = false;
    this.zoned = false;
    this.time = day * DAY_MS - IST_OFFSET_MS + ((hour * 60 + minute) * 60 + second) * 1000;
    return true;
  }

  /** Reads a time-of-day field `HH:MM[:SS[.fraction]]` into `time` as ms after midnight. */
  readTimeOfDay(sc: FieldScanner): boolean {
    if (sc.done) return sc.number();
    sc.skipSpaces();
    const start = sc.pos;
    const value = this.timeOfDayAt(sc);
    if (value !== value || !sc.endField()) {
      sc.fail(FIELD_BAD_TIME, start);
      return false;
    }
    this.time = value;
    return true;
  }

  private readQuoted(sc: FieldScanner, start: number): boolean {
    const inner = sc.string();
    const sub = new FieldScanner();
    sub.setLine(inner, 0, inner.length);
    const value = this.readAt(sub);
    if (value !== value || sub.pos !== inner.length) {
      sc.problem = FIELD_BAD_TIME;
      sc.fieldStart = start;
      return false;
    }
    this.time = value;
    return true;
  }

  private readAt(sc: FieldScanner): number {
    const s = sc.text;
    const year = sc.digits(4);
    if (year < 0) return Number.NaN;
    let month: number;
    let dayOfMonth: number;
    const sep = s.charCodeAt(sc.pos);
    if (sep === DASH || sep === SLASH) {
      sc.pos++;
      month = sc.digits(2);
      if (month < 0 || !sc.accept(sep)) return Number.NaN;
      dayOfMonth = sc.digits(2);
    } else {
      month = sc.digits(2);
      dayOfMonth = month < 0 ? -1 : sc.digits(2);
    }
    if (dayOfMonth < 0) return Number.NaN;
    const day = this.day(year, month, dayOfMonth);
    if (day !== day) return Number.NaN;

    this.dateOnly = true;
    this.zoned = false;
    let msOfDay = 0;
    const next = sc.pos < sc.end ? s.charCodeAt(sc.pos) : -1;
    const nextDigit = sc.pos + 1 < sc.end ? s.charCodeAt(sc.pos + 1) : -1;
    if ((next === T_UPPER || next === SPACE) && nextDigit >= 48 && nextDigit <= 57) {
      sc.pos++;
      msOfDay = this.timeOfDayAt(sc);
      if (msOfDay !== msOfDay) return Number.NaN;
      this.dateOnly = false;
    }
    let offset = IST_OFFSET_MS;
    const zone = sc.pos < sc.end ? s.charCodeAt(sc.pos) : -1;
    if (zone === Z_UPPER) {
      sc.pos++;
      offset = 0;
      this.zoned = true;
    } else if ((zone === PLUS || zone === DASH) && !this.dateOnly) {
      sc.pos++;
      const hours = sc.digits(2);
      if (hours < 0 || hours > 14) return Number.NaN;
      let minutes = 0;
      if (sc.accept(COLON)) minutes = sc.digits(2);
      else if (sc.pos + 1 < sc.end && isDigit(s.charCodeAt(sc.pos))) minutes = sc.digits(2);
      if (minutes < 0 || minutes > 59) return Number.NaN;
      offset = (zone === PLUS ? 1 : -1) * (hours * 60 + minutes) * 60_000;
      this.zoned = true;
    }
    return day * DAY_MS + msOfDay - offset;
  }

  /** `HH:MM[:SS[.fraction]]` at the cursor as ms after midnight, or NaN. */
  private timeOfDayAt(sc: FieldScanner): number {
    const s = sc.text;
    const hour = sc.digits(2);
    if (hour < 0 || hour > 23 || !sc.accept(COLON)) return Number.NaN;
    const minute = sc.digits(2);
    if (minute < 0 || minute > 59) return Number.NaN;
    let second = 0;
    let fraction = 0;
    if (sc.accept(COLON)) {
      second = sc.digits(2);
      if (second < 0 || second > 59) return Number.NaN;
      if (sc.accept(DOT)) {
        let digits = 0;
        let value = 0;
        let c = s.charCodeAt(sc.pos);
        while (sc.pos < sc.end && c >= 48 && c <= 57) {
          if (digits < 9) {
            value = value * 10 + (c - 48);
            digits++;
          }
          c = s.charCodeAt(++sc.pos);
        }
        if (digits === 0) return Number.NaN;
        fraction = (value * 1000) / 10 ** digits;
      }
    }
    return ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
  }
}

/** `count` digits at `at` as an integer, or a negative number when one is not a digit. */
function digitsAt(s: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1e9;
    value = value * 10 + d;
  }
  return value;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function trimEnd(s: string, start: number, stop: number): number {
  let p = stop;
  while (p > start && s.charCodeAt(p - 1) === SPACE) p--;
  return p;
}
