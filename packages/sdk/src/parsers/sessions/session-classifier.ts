import { ValidationError } from '../../errors/validation-error.js';
import { DAY_MS, IST_OFFSET_MS, isoDateOfDay } from '../core/ist.js';
import { nseTradingWindows } from './nse-trading-windows.js';
import type { TradingWindowCalendar, SessionFilter, TradingWindow } from './trading-window.js';

/** Where a time falls relative to its day's trading windows. */
export const IN_SESSION = 0;
export const PRE_OPEN = 1;
export const POST_CLOSE = 2;
export const BETWEEN_SESSIONS = 3;
export const NO_SESSION = 4;

/** One day's windows as ms after IST midnight, open inclusive, close exclusive. */
export interface DayWindows {
  readonly opens: readonly number[];
  readonly closes: readonly number[];
  readonly windows: readonly TradingWindow[];
  /** Total trading time of the day in ms. */
  readonly length: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(text: string, field: string): number {
  const m = HH_MM.exec(text);
  if (!m) {
    throw new ValidationError('session window', [
      { field, value: text, message: 'must be HH:MM (24-hour IST), e.g. 09:15' },
    ]);
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Classifies times against the trading windows of their IST day, asking the calendar once per
 * day and caching the answer (files are mostly sorted, so the last day is checked first).
 */
export class SessionClassifier {
  readonly filtering: boolean;
  private readonly calendar: TradingWindowCalendar | undefined;
  private readonly cache = new Map<number, DayWindows>();
  private day = Number.NaN;
  private dayStart = 0;
  private current: DayWindows | undefined;

  constructor(filter: SessionFilter) {
    this.filtering = filter !== 'all';
    this.calendar =
      filter === 'all' ? undefined : filter === 'regular' ? nseTradingWindows : filter;
  }

  /** Windows of an IST day number, or undefined when not filtering. */
  windowsOf(day: number): DayWindows | undefined {
    if (!this.calendar) return undefined;
    let found = this.cache.get(day);
    if (!found) {
      const windows = this.calendar(isoDateOfDay(day));
      const opens: number[] = [];
      const closes: number[] = [];
      let length = 0;
      for (const w of windows) {
        const open = minutesOf(w.open, 'open') * 60_000;
        const close = minutesOf(w.close, 'close') * 60_000;
        if (close <= open || (closes.length > 0 && open < closes[closes.length - 1]!)) {
          throw new ValidationError('session window', [
            {
              field: 'close',
              value: w.close,
              message: 'windows must be in time order and not empty',
            },
          ]);
        }
        opens.push(open);
        closes.push(close);
        length += close - open;
      }
      found = { opens, closes, windows, length };
      this.cache.set(day, found);
    }
    return found;
  }

  /** IN_SESSION, PRE_OPEN, POST_CLOSE, BETWEEN_SESSIONS or NO_SESSION. */
  classify(epochMs: number): number {
    if (!this.filtering) return IN_SESSION;
    let msOfDay = epochMs + IST_OFFSET_MS - this.dayStart;
    if (msOfDay < 0 || msOfDay >= DAY_MS || this.current === undefined) {
      this.day = Math.floor((epochMs + IST_OFFSET_MS) / DAY_MS);
      this.dayStart = this.day * DAY_MS;
      this.current = this.windowsOf(this.day);
      msOfDay = epochMs + IST_OFFSET_MS - this.dayStart;
    }
    const { opens, closes } = this.current!;
    const n = opens.length;
    if (n === 0) return NO_SESSION;
    if (msOfDay < opens[0]!) return PRE_OPEN;
    for (let i = 0; i < n; i++) {
      if (msOfDay < closes[i]!) return msOfDay >= opens[i]! ? IN_SESSION : BETWEEN_SESSIONS;
    }
    return POST_CLOSE;
  }
}
