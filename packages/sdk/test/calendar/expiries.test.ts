import { describe, expect, it } from 'vitest';
import {
  CalendarInputError,
  CalendarRangeError,
  createCalendar,
  expiries,
  nextExpiry,
  nseCalendar,
  UnknownUnderlyingError,
} from '../../src/calendar/index.js';

const dates = (underlying: string, from: string, to: string): string[] =>
  expiries(underlying, from, to).map((e) => `${e.kind === 'monthly' ? 'M' : 'W'} ${e.date}`);

describe('NIFTY expiries', () => {
  it('are Thursdays for expiries before 2025-09-01, the last one of the month monthly', () => {
    expect(dates('NIFTY', '2025-08-01', '2025-08-31')).toEqual([
      'W 2025-08-07',
      'W 2025-08-14',
      'W 2025-08-21',
      'M 2025-08-28',
    ]);
  });

  it('are Tuesdays from 2025-09-01 on (first 2025-09-02)', () => {
    expect(dates('NIFTY', '2025-09-01', '2025-09-30')).toEqual([
      'W 2025-09-02',
      'W 2025-09-09',
      'W 2025-09-16',
      'W 2025-09-23',
      'M 2025-09-30',
    ]);
    expect(nextExpiry('NIFTY', '2025-08-29').date).toBe('2025-09-02');
  });

  it('move to the previous trading day on a holiday, keeping the scheduled day', () => {
    const april = expiries('NIFTY', '2024-04-01', '2024-04-30');
    expect(april.map((e) => e.date)).toEqual([
      '2024-04-04',
      '2024-04-10',
      '2024-04-18',
      '2024-04-25',
    ]);
    expect(april[1]).toEqual({
      underlying: 'NIFTY',
      exchange: 'NFO',
      kind: 'weekly',
      date: '2024-04-10',
      scheduledDate: '2024-04-11',
    });
    expect(dates('NIFTY', '2024-08-12', '2024-08-16')).toEqual(['W 2024-08-14']);
    // Holi on Tuesday 2026-03-03; Mahavir Jayanti on the last Tuesday, 2026-03-31.
    expect(dates('NIFTY', '2026-03-01', '2026-03-31')).toEqual([
      'W 2026-03-02',
      'W 2026-03-10',
      'W 2026-03-17',
      'W 2026-03-24',
      'M 2026-03-30',
    ]);
  });

  it('treat a muhurat day as a holiday (2025-10-21 moves to 2025-10-20)', () => {
    expect(dates('NIFTY', '2025-10-01', '2025-10-31')).toEqual([
      'W 2025-10-07',
      'W 2025-10-14',
      'W 2025-10-20',
      'M 2025-10-28',
    ]);
  });

  it('include an expiry scheduled after the range that moves back into it', () => {
    expect(dates('NIFTY', '2024-04-01', '2024-04-10')).toEqual(['W 2024-04-04', 'W 2024-04-10']);
    expect(dates('NIFTY', '2024-04-11', '2024-04-12')).toEqual([]);
  });

  it('work up to the end of the holiday tables', () => {
    expect(dates('NIFTY', '2026-12-20', '2026-12-31')).toEqual(['W 2026-12-22', 'M 2026-12-29']);
  });
});

describe('other underlyings', () => {
  it('SENSEX weeklies: Friday in 2024, Tuesday from 2025 (the 2025-01-03 one kept Friday), Thursday from 2025-09', () => {
    expect(dates('SENSEX', '2024-12-20', '2025-01-31')).toEqual([
      'W 2024-12-20',
      'M 2024-12-27',
      'W 2025-01-03',
      'W 2025-01-07',
      'W 2025-01-14',
      'W 2025-01-21',
      'M 2025-01-28',
    ]);
    expect(dates('SENSEX', '2025-09-26', '2025-10-31')).toEqual([
      'W 2025-10-01',
      'W 2025-10-09',
      'W 2025-10-16',
      'W 2025-10-23',
      'M 2025-10-30',
    ]);
    expect(dates('SENSEX', '2025-12-20', '2025-12-31')).toEqual(['M 2025-12-24']);
  });

  it('BANKNIFTY: Wednesday weeklies until 2024-11-19, monthlies only after; last-Wednesday monthlies in 2024', () => {
    expect(dates('BANKNIFTY', '2024-11-01', '2024-11-30')).toEqual([
      'W 2024-11-06',
      'W 2024-11-13',
      'M 2024-11-27',
    ]);
    expect(dates('BANKNIFTY', '2025-01-01', '2025-03-31')).toEqual([
      'M 2025-01-30',
      'M 2025-02-27',
      'M 2025-03-27',
    ]);
    // NSE moved the March 2024 monthly from the 28th to the 27th, and Dec 2024 to the 24th.
    expect(dates('BANKNIFTY', '2024-02-26', '2024-03-31').filter((d) => d.startsWith('M'))).toEqual(
      ['M 2024-02-29', 'M 2024-03-27'],
    );
    expect(dates('BANKNIFTY', '2024-12-20', '2024-12-31')).toEqual(['M 2024-12-24']);
  });

  it('gives single-stock monthlies on the last Thursday, then the last Tuesday', () => {
    expect(dates('STOCKS', '2025-07-01', '2025-10-31')).toEqual([
      'M 2025-07-31',
      'M 2025-08-28',
      'M 2025-09-30',
      'M 2025-10-28',
    ]);
  });

  it('finds the next expiry of a kind', () => {
    expect(nextExpiry('NIFTY', '2025-10-21', 'monthly').date).toBe('2025-10-28');
    expect(nextExpiry('NIFTY', '2025-10-21', 'weekly').date).toBe('2025-11-04');
    expect(nextExpiry('BANKNIFTY', '2025-06-01').kind).toBe('monthly');
  });
});

describe('expiry errors', () => {
  it('rejects unknown underlyings, reversed ranges and dates before the rules', () => {
    expect(() => expiries('NIFTYIT', '2025-01-01', '2025-02-01')).toThrow(UnknownUnderlyingError);
    try {
      expiries('NIFTYIT', '2025-01-01', '2025-02-01');
    } catch (e) {
      expect((e as UnknownUnderlyingError).known).toContain('NIFTY');
    }
    expect(() => expiries('NIFTY', '2025-02-01', '2025-01-01')).toThrow(CalendarInputError);
    expect(() => expiries('BANKNIFTY', '2023-01-01', '2023-02-01')).toThrow(CalendarRangeError);
    // NIFTY rules go back to 2019 but the holidays do not: strict throws, the fallback answers.
    expect(() => expiries('NIFTY', '2021-01-01', '2021-01-31')).toThrow(CalendarRangeError);
    const fallback = createCalendar({ fallback: 'weekdaysOnly' });
    expect(fallback.expiries('NIFTY', '2021-01-01', '2021-01-31').map((e) => e.date)).toEqual([
      '2021-01-07',
      '2021-01-14',
      '2021-01-21',
      '2021-01-28',
    ]);
    // 35 Thursdays to 2025-08-28 and 18 Tuesdays from 2025-09-02.
    expect(nseCalendar.expiries('NIFTY', '2025-01-01', '2025-12-31').length).toBe(53);
  });
});
