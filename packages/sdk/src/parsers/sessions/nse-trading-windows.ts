import { NSE_NORMAL_WINDOW, type TradingWindow } from './trading-window.js';

/**
 * Days on which NSE traded outside 09:15-15:30 and that occur in market files Pravah reads.
 * Data, not branches: add a date here (or pass your own calendar) when a file shows another.
 */
const SPECIAL_DAYS: Readonly<Record<string, readonly TradingWindow[]>> = Object.freeze({
  // Outage: trading halted at 11:40 (the index feed froze near 10:08) and resumed 15:45-17:00.
  '2021-02-24': Object.freeze([
    NSE_NORMAL_WINDOW,
    Object.freeze({ open: '15:45', close: '17:00', name: 'special' }),
  ]),
  // Diwali muhurat trading.
  '2021-11-04': Object.freeze([Object.freeze({ open: '18:15', close: '19:15', name: 'muhurat' })]),
  '2022-10-24': Object.freeze([Object.freeze({ open: '18:15', close: '19:15', name: 'muhurat' })]),
});

const NORMAL_DAY: readonly TradingWindow[] = Object.freeze([NSE_NORMAL_WINDOW]);

/**
 * NSE trading windows of a date: 09:15-15:30, except the special and muhurat sessions found in
 * the data (2021-02-24's extended session after the outage, Diwali muhurat 2021 and 2022). It
 * does not know holidays: it is a filter for rows that exist, not a calendar.
 *
 * @example
 * ```ts
 * nseTradingWindows('2021-02-24'); // [{ open: '09:15', close: '15:30', ... }, { open: '15:45', close: '17:00', ... }]
 * ```
 */
export function nseTradingWindows(isoDate: string): readonly TradingWindow[] {
  return SPECIAL_DAYS[isoDate] ?? NORMAL_DAY;
}
