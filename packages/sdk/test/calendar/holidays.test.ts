import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CalendarInputError,
  CalendarRangeError,
  createCalendar,
  isTradingDay,
  nextTradingDay,
  nseCalendar,
  previousTradingDay,
  tradingDaysBetween,
} from '../../src/calendar/index.js';
import { TimeInputError, istDateTime, parseIstNaive } from '../../src/time/index.js';

const DAILY_DIR = new URL('../../../../../shared/data/nse/daily_nifty50/', import.meta.url);

describe('trading days and holidays (NSE/BSE equity and F&O)', () => {
  it.each([
    ['2024-01-22', 'special holiday, Maharashtra public holiday'],
    ['2024-01-26', 'Republic Day'],
    ['2024-05-20', 'general elections'],
    ['2024-11-20', 'Maharashtra assembly elections'],
    ['2025-03-14', 'Holi'],
    ['2025-10-22', 'Diwali Balipratipada'],
    ['2026-01-15', 'municipal elections, added 2026-01-12'],
    ['2026-03-03', 'Holi'],
  ])('%s is not a trading day (%s)', (date) => {
    expect(isTradingDay(date)).toBe(false);
    expect(nseCalendar.isTradingDay(date, 'NFO')).toBe(false);
    expect(nseCalendar.isTradingDay(date, 'BSE')).toBe(false);
  });

  it('trades on ordinary weekdays and on announced weekend sessions only', () => {
    expect(isTradingDay('2025-03-13')).toBe(true);
    expect(isTradingDay('2025-03-15')).toBe(false); // Saturday
    expect(isTradingDay('2025-03-16')).toBe(false); // Sunday
    for (const d of ['2024-01-20', '2024-03-02', '2024-05-18', '2025-02-01', '2026-02-01']) {
      expect(isTradingDay(d), d).toBe(true);
    }
  });

  it('counts a muhurat day as a trading day but not as a regular one', () => {
    expect(isTradingDay('2024-11-01')).toBe(true);
    expect(nseCalendar.isRegularTradingDay('2024-11-01')).toBe(false);
    expect(nseCalendar.isRegularTradingDay('2024-10-31')).toBe(true);
  });

  it('lists each year of holidays exactly', () => {
    const count = (y: number): number => nseCalendar.holidays(`${y}-01-01`, `${y}-12-31`).length;
    expect(count(2024)).toBe(17);
    expect(count(2025)).toBe(14);
    expect(count(2026)).toBe(16);
    expect(nseCalendar.holidays('2025-03-01', '2025-03-31').map((h) => h.date)).toEqual([
      '2025-03-14',
      '2025-03-31',
    ]);
  });

  it('counts trading days per year, both ends inclusive', () => {
    // 262 weekdays - 17 holidays + 3 Saturday sessions + the muhurat day.
    expect(tradingDaysBetween('2024-01-01', '2024-12-31')).toBe(249);
    // 261 weekdays - 14 holidays + Budget Saturday + the muhurat day.
    expect(tradingDaysBetween('2025-01-01', '2025-12-31')).toBe(249);
    expect(tradingDaysBetween('2025-03-13', '2025-03-13')).toBe(1);
    expect(tradingDaysBetween('2025-03-14', '2025-03-16')).toBe(0);
    expect(nseCalendar.tradingDays('2025-03-13', '2025-03-17')).toEqual([
      '2025-03-13',
      '2025-03-17',
    ]);
  });

  it('steps to the next and previous trading day over holidays and weekend sessions', () => {
    expect(nextTradingDay('2025-03-13')).toBe('2025-03-17');
    expect(previousTradingDay('2025-03-17')).toBe('2025-03-13');
    expect(nextTradingDay('2024-01-19')).toBe('2024-01-20');
    expect(previousTradingDay('2024-01-23')).toBe('2024-01-20');
    expect(nextTradingDay('2025-10-20')).toBe('2025-10-21'); // muhurat
    expect(nextTradingDay('2025-10-21')).toBe('2025-10-23');
  });

  it('accepts an epoch-ms instant as the IST date it falls on', () => {
    // 2024-01-25T19:00Z is 00:30 IST on Republic Day.
    expect(isTradingDay(Date.UTC(2024, 0, 25, 19, 0))).toBe(false);
    expect(isTradingDay(istDateTime('2024-01-25', '23:59'))).toBe(true);
  });

  it('matches every session in the real daily NIFTY 50 files, 2024-01-01 to 2025-09-30', () => {
    const dates = new Set<string>();
    for (const file of readdirSync(DAILY_DIR)) {
      const rows = readFileSync(new URL(file, DAILY_DIR), 'utf8').trim().split('\n').slice(1);
      for (const row of rows) {
        const date = row.slice(0, 10);
        if (date >= '2024-01-01' && date <= '2025-09-30') dates.add(date);
      }
    }
    const calendarDays = nseCalendar.tradingDays('2024-01-01', '2025-09-30');
    expect(calendarDays.length).toBe(436);
    expect([...dates].sort()).toEqual(calendarDays);
  });
});

describe('dates outside the holiday tables', () => {
  it('throws CalendarRangeError instead of guessing', () => {
    const attempt = (): boolean => isTradingDay('2023-12-29');
    expect(attempt).toThrow(CalendarRangeError);
    try {
      attempt();
    } catch (e) {
      const err = e as CalendarRangeError;
      expect(err.segment).toBe('cash');
      expect(err.date).toBe('2023-12-29');
      expect(err.covered).toBe('2024-01-01..2026-12-31');
      expect(err.message).toMatch(/weekdaysOnly/);
    }
    expect(() => isTradingDay('2027-01-04')).toThrow(CalendarRangeError);
    expect(() => nextTradingDay('2026-12-31')).toThrow(CalendarRangeError);
    expect(() => tradingDaysBetween('2023-12-30', '2024-01-05')).toThrow(CalendarRangeError);
    expect(() => isTradingDay('2025-03-13', 'CDS')).toThrow(/covered: none/);
    expect(() => isTradingDay('2025-03-13', 'MCX')).toThrow(/2026-01-01\.\.2026-12-31/);
  });

  it('uses Monday-Friday only with the explicit weekdaysOnly fallback, tables still win inside', () => {
    const cal = createCalendar({ fallback: 'weekdaysOnly' });
    expect(cal.isTradingDay('2016-08-16')).toBe(true);
    expect(cal.isTradingDay('2016-08-20')).toBe(false); // Saturday
    expect(cal.isTradingDay('2024-01-26')).toBe(false);
    expect(cal.session('2016-08-16')?.basis).toBe('weekday-fallback');
    expect(cal.session('2024-01-25')?.basis).toBe('exchange-data');
    expect(nseCalendar.withFallback('weekdaysOnly').isTradingDay('2027-01-04')).toBe(true);
    expect(cal.tradingDaysBetween('2023-12-29', '2024-01-02')).toBe(3);
  });

  it('accepts every session date of the real 2016 and 2021-2023 minute files under the fallback', () => {
    const cal = createCalendar({ fallback: 'weekdaysOnly' });
    const stock = readFileSync(
      new URL(
        '../../../../../shared/data/nse/stocks_1min_2016/RELIANCE_minute29.csv',
        import.meta.url,
      ),
      'utf8',
    );
    const stockDates = new Set(
      stock
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]!.trim().slice(0, 10)),
    );
    expect(stockDates.size).toBe(18);
    for (const d of stockDates) {
      expect(cal.isTradingDay(d), d).toBe(true);
      expect(() => nseCalendar.isTradingDay(d)).toThrow(CalendarRangeError);
    }
    // Start-labelled minute bars 09:15..15:29 all lie inside the session [open, close).
    for (const line of stock.trim().split('\n').slice(1)) {
      const t = parseIstNaive(line.split(',')[1]!.trim());
      const s = cal.session(t)!;
      expect(t >= s.open && t < s.close, line).toBe(true);
    }
    const dir = new URL('../../../../../shared/data/nse/nifty_index_1min/', import.meta.url);
    const niftyDates = new Set<string>();
    for (const file of readdirSync(dir)) {
      for (const line of readFileSync(new URL(file, dir), 'utf8').trim().split('\n')) {
        const ymd = line.split(',')[1]!;
        niftyDates.add(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`);
      }
    }
    expect(niftyDates.size).toBe(517);
    for (const d of niftyDates) expect(cal.isTradingDay(d), d).toBe(true);
  });
});

describe('bad input', () => {
  it('rejects unknown segments, reversed ranges and impossible dates with typed errors', () => {
    expect(() => isTradingDay('2025-03-13', 'XYZ' as 'cash')).toThrow(CalendarInputError);
    expect(() => tradingDaysBetween('2025-02-01', '2025-01-01')).toThrow(CalendarInputError);
    expect(() => isTradingDay('2025-02-30')).toThrow(TimeInputError);
    expect(() => isTradingDay(Number.NaN)).toThrow(TimeInputError);
    expect(() => createCalendar({ fallback: 'weekends' as 'none' })).toThrow(CalendarInputError);
  });
});
