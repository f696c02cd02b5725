/** One trading window of a day in IST, `open` inclusive and `close` exclusive (`HH:MM`). */
export interface TradingWindow {
  readonly open: string;
  readonly close: string;
  /** What kind of session it is, e.g. `normal`, `muhurat`, `special`. */
  readonly name: string;
}

/**
 * The trading windows of an IST date (`YYYY-MM-DD`), in time order; an empty list for a day
 * without trading. A parser asks once per date it meets.
 */
export type TradingWindowCalendar = (isoDate: string) => readonly TradingWindow[];

/**
 * Which rows a parser keeps: `'regular'` keeps rows inside NSE's trading windows
 * ({@link nseTradingWindows}), `'all'` keeps every row, a function supplies the windows per
 * date (for example from the calendar module).
 */
export type SessionFilter = 'regular' | 'all' | TradingWindowCalendar;

/** NSE's normal market for cash and F&O: 09:15 to 15:30 IST. */
export const NSE_NORMAL_WINDOW: TradingWindow = Object.freeze({
  open: '09:15',
  close: '15:30',
  name: 'normal',
});
