import { describe, expect, it } from 'vitest';
import {
  CalendarDataMissingError,
  CalendarRangeError,
  createCalendar,
  nseCalendar,
  session,
  type TimeInterval,
  type TradingSession,
} from '../../src/calendar/index.js';
import { istDateTime } from '../../src/time/index.js';

/** A session's times as IST `HH:mm` strings, for readable assertions. */
function hhmm(ms: number): string {
  const minutes = Math.round(((ms + 19_800_000) % 86_400_000) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
function range(i: TimeInterval | undefined): string | undefined {
  return i === undefined ? undefined : `${hhmm(i.start)}-${hhmm(i.end)}`;
}
function shape(s: TradingSession | undefined) {
  if (s === undefined) return undefined;
  return {
    kind: s.kind,
    preOpen: range(s.preOpen),
    market: s.continuous.map(range).join(' '),
    closingAuction: range(s.closingAuction),
    closingSession: range(s.closingSession),
  };
}

describe('regular sessions', () => {
  it('gives the equity cash day with epoch-ms times', () => {
    const s = session('2025-03-13', 'NSE')!;
    expect(s.date).toBe('2025-03-13');
    expect(s.segment).toBe('cash');
    expect(s.open).toBe(istDateTime('2025-03-13', '09:15'));
    expect(s.close).toBe(istDateTime('2025-03-13', '15:30'));
    expect(s.basis).toBe('exchange-data');
    expect(shape(s)).toEqual({
      kind: 'normal',
      preOpen: '09:00-09:15',
      market: '09:15-15:30',
      closingAuction: undefined,
      closingSession: '15:40-16:00',
    });
    expect(session('2025-03-14')).toBeUndefined();
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('adds the F&O pre-open from 2025-12-08', () => {
    expect(shape(session('2025-12-05', 'NFO'))?.preOpen).toBeUndefined();
    expect(shape(session('2025-12-08', 'NFO'))?.preOpen).toBe('09:00-09:15');
    expect(shape(session('2025-12-08', 'BFO'))?.preOpen).toBe('09:00-09:15');
  });

  it('moves the F&O close to 15:40 and starts the closing auction on 2026-08-03', () => {
    expect(shape(session('2026-07-31', 'NFO'))?.market).toBe('09:15-15:30');
    expect(shape(session('2026-08-03', 'NFO'))?.market).toBe('09:15-15:40');
    expect(session('2026-08-03', 'fno')!.close).toBe(istDateTime('2026-08-03', '15:40'));
    expect(shape(session('2026-07-31', 'NSE'))).toMatchObject({
      closingAuction: undefined,
      closingSession: '15:40-16:00',
    });
    expect(shape(session('2026-08-03', 'NSE'))).toEqual({
      kind: 'normal',
      preOpen: '09:00-09:15',
      market: '09:15-15:30',
      closingAuction: '15:15-15:35',
      closingSession: '15:50-16:00',
    });
  });
});

describe('muhurat and special sessions', () => {
  it('holds muhurat 2024-11-01 from 18:00 to 19:00 with a 17:45 pre-open (cash)', () => {
    const s = session('2024-11-01', 'NSE')!;
    expect(s.kind).toBe('muhurat');
    expect(s.name).toMatch(/Muhurat/);
    expect(s.open).toBe(istDateTime('2024-11-01', '18:00'));
    expect(s.close).toBe(istDateTime('2024-11-01', '19:00'));
    expect(range(s.preOpen)).toBe('17:45-18:00');
    expect(shape(session('2024-11-01', 'NFO'))).toMatchObject({
      preOpen: undefined,
      market: '18:00-19:00',
    });
  });

  it('holds muhurat 2025-10-21 from 13:45 to 14:45 with a 13:30 pre-open', () => {
    expect(shape(session('2025-10-21', 'cash'))).toEqual({
      kind: 'muhurat',
      preOpen: '13:30-13:45',
      market: '13:45-14:45',
      closingAuction: undefined,
      closingSession: undefined,
    });
    expect(shape(session('2025-10-21', 'fno'))?.market).toBe('13:45-14:45');
  });

  it('knows the 2026 muhurat day but refuses to invent its times', () => {
    expect(nseCalendar.isTradingDay('2026-11-08')).toBe(true);
    expect(() => session('2026-11-08')).toThrow(CalendarDataMissingError);
    expect(() => session('2026-11-08')).toThrow(/not notified/);
  });

  it('splits the 2024 disaster-recovery Saturdays into two sittings', () => {
    for (const date of ['2024-03-02', '2024-05-18']) {
      expect(shape(session(date, 'NSE'))).toEqual({
        kind: 'special',
        preOpen: '09:00-09:15',
        market: '09:15-10:00 11:30-12:30',
        closingAuction: undefined,
        closingSession: '12:40-12:50',
      });
      const s = session(date, 'NSE')!;
      expect(s.open).toBe(istDateTime(date, '09:15'));
      expect(s.close).toBe(istDateTime(date, '12:30'));
    }
  });

  it('runs weekend Budget sessions at regular hours', () => {
    for (const date of ['2024-01-20', '2025-02-01', '2026-02-01']) {
      expect(shape(session(date, 'NSE')), date).toEqual({
        kind: 'special',
        preOpen: '09:00-09:15',
        market: '09:15-15:30',
        closingAuction: undefined,
        closingSession: '15:40-16:00',
      });
    }
  });
});

describe('MCX and currency sessions', () => {
  it('closes MCX at 23:30 during US daylight saving and 23:55 otherwise', () => {
    expect(shape(session('2026-01-05', 'MCX'))?.market).toBe('09:00-23:55');
    expect(shape(session('2026-03-06', 'MCX'))?.market).toBe('09:00-23:55');
    expect(shape(session('2026-03-09', 'MCX'))?.market).toBe('09:00-23:30');
    expect(shape(session('2026-10-30', 'MCX'))?.market).toBe('09:00-23:30');
    expect(shape(session('2026-11-02', 'MCX'))?.market).toBe('09:00-23:55');
  });

  it('keeps the MCX evening session on most equity holidays and closes on the rest', () => {
    expect(shape(session('2026-01-15', 'MCX'))).toMatchObject({
      kind: 'special',
      market: '17:00-23:55',
    });
    expect(shape(session('2026-05-01', 'MCX'))?.market).toBe('17:00-23:30');
    expect(shape(session('2026-01-01', 'MCX'))?.market).toBe('09:00-17:00');
    expect(session('2026-01-26', 'MCX')).toBeUndefined();
    expect(session('2026-12-25', 'MCX')).toBeUndefined();
  });

  it('gives currency sessions only through the weekday fallback (no CDS holiday table)', () => {
    expect(() => session('2025-03-13', 'CDS')).toThrow(CalendarRangeError);
    const s = createCalendar({ fallback: 'weekdaysOnly' }).session('2025-03-13', 'CDS')!;
    expect(shape(s)?.market).toBe('09:00-17:00');
    expect(s.basis).toBe('weekday-fallback');
  });
});
