import { describe, expect, it } from 'vitest';
import {
  CalendarDataMissingError,
  CalendarInputError,
  CalendarRangeError,
  misSquareOffTime,
  nseCalendar,
  UnknownUnderlyingError,
} from '../../src/calendar/index.js';
import { formatIst } from '../../src/time/index.js';

const clock = (ms: number): string => formatIst(ms, 'yyyy-MM-dd HH:mm');

describe('lot sizes and freeze quantities (dated data)', () => {
  it('follows the index lot-size revisions by contract introduction date', () => {
    expect(nseCalendar.lotSize('NIFTY', '2024-04-25')).toBe(50);
    expect(nseCalendar.lotSize('NIFTY', '2024-04-26')).toBe(25);
    expect(nseCalendar.lotSize('NIFTY', '2024-11-19')).toBe(25);
    expect(nseCalendar.lotSize('NIFTY', '2024-11-20')).toBe(75);
    expect(nseCalendar.lotSize('NIFTY', '2025-10-27')).toBe(75);
    expect(nseCalendar.lotSize('NIFTY', '2025-10-28')).toBe(65);
    expect(nseCalendar.lotSize('BANKNIFTY', '2025-05-01')).toBe(35);
    expect(nseCalendar.lotSize('MIDCPNIFTY', '2025-05-01')).toBe(140);
    expect(nseCalendar.lotSize('SENSEX', '2025-01-01')).toBe(20);
    expect(nseCalendar.lotSize('FINNIFTY', '2024-05-01')).toBe(25);
  });

  it('keeps an existing contract on its lot until the exchange moves existing contracts', () => {
    // Dec-2025 monthly, listed before the 2025-10-28 step: 75 until its 2025-12-30 expiry.
    expect(nseCalendar.lotSize('NIFTY', '2025-12-30', { listedOn: '2025-10-01' })).toBe(75);
    expect(nseCalendar.lotSize('NIFTY', '2025-12-31', { listedOn: '2025-10-01' })).toBe(65);
    // April 2024: NIFTY contracts already listed moved to 25 on 2024-04-26 as well.
    expect(nseCalendar.lotSize('NIFTY', '2024-05-02', { listedOn: '2024-02-01' })).toBe(25);
    expect(nseCalendar.lotSize('NIFTY', '2024-04-25', { listedOn: '2024-02-01' })).toBe(50);
    expect(() => nseCalendar.lotSize('NIFTY', '2025-01-01', { listedOn: '2025-02-01' })).toThrow(
      CalendarInputError,
    );
  });

  it('follows the monthly freeze-quantity circulars', () => {
    expect(nseCalendar.freezeQuantity('BANKNIFTY', '2025-08-15')).toBe(600);
    expect(nseCalendar.freezeQuantity('BANKNIFTY', '2025-09-15')).toBe(900);
    expect(nseCalendar.freezeQuantity('FINNIFTY', '2026-01-15')).toBe(1200);
    expect(nseCalendar.freezeQuantity('NIFTY', '2026-08-03')).toBe(1800);
  });

  it('refuses unknown underlyings and dates before the data', () => {
    expect(() => nseCalendar.lotSize('NIFTYIT', '2025-01-01')).toThrow(UnknownUnderlyingError);
    expect(() => nseCalendar.lotSize('NIFTY', '2023-12-29')).toThrow(CalendarRangeError);
    expect(() => nseCalendar.freezeQuantity('NIFTY', '2025-07-31')).toThrow(CalendarRangeError);
    expect(() => nseCalendar.freezeQuantity('SENSEX', '2025-09-01')).toThrow(
      UnknownUnderlyingError,
    );
  });
});

describe('tick sizes', () => {
  it('uses 0.01 below Rs 250 for NSE stocks from 2024-06-10 and stock futures from 2024-07-08', () => {
    const eq = { exchange: 'NSE', type: 'EQ' } as const;
    expect(nseCalendar.tickSize({ ...eq, referencePrice: 180, date: '2024-06-07' })).toBe(0.05);
    expect(nseCalendar.tickSize({ ...eq, referencePrice: 180, date: '2024-06-10' })).toBe(0.01);
    expect(nseCalendar.tickSize({ ...eq, referencePrice: 249.99, date: '2025-01-01' })).toBe(0.01);
    expect(nseCalendar.tickSize({ ...eq, referencePrice: 250, date: '2025-01-01' })).toBe(0.05);
    const stockFut = { exchange: 'NFO', type: 'FUT', underlyingKind: 'stock' } as const;
    expect(nseCalendar.tickSize({ ...stockFut, referencePrice: 100, date: '2024-07-05' })).toBe(
      0.05,
    );
    expect(nseCalendar.tickSize({ ...stockFut, referencePrice: 100, date: '2024-07-08' })).toBe(
      0.01,
    );
    const indexFut = { exchange: 'NFO', type: 'FUT', underlyingKind: 'index' } as const;
    expect(nseCalendar.tickSize({ ...indexFut, referencePrice: 24_000, date: '2025-01-01' })).toBe(
      0.05,
    );
  });

  it('refuses to guess where no confirmed rule exists, and rejects bad prices', () => {
    expect(() =>
      nseCalendar.tickSize({
        exchange: 'NFO',
        type: 'CE',
        underlyingKind: 'stock',
        referencePrice: 10,
        date: '2025-10-01',
      }),
    ).toThrow(CalendarDataMissingError);
    expect(() =>
      nseCalendar.tickSize({
        exchange: 'BSE',
        type: 'EQ',
        referencePrice: 100,
        date: '2025-01-01',
      }),
    ).toThrow(/contract master/);
    expect(() =>
      nseCalendar.tickSize({
        exchange: 'NFO',
        type: 'FUT',
        referencePrice: 100,
        date: '2025-01-01',
      }),
    ).toThrow(CalendarInputError);
    for (const referencePrice of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() =>
        nseCalendar.tickSize({ exchange: 'NSE', type: 'EQ', referencePrice, date: '2025-01-01' }),
      ).toThrow(CalendarInputError);
    }
  });
});

describe('MIS auto square-off', () => {
  it('gives each broker its published cut-off', () => {
    expect(clock(misSquareOffTime('2025-03-13', 'NSE'))).toBe('2025-03-13 15:20');
    expect(clock(misSquareOffTime('2025-03-13', 'NFO'))).toBe('2025-03-13 15:25');
    expect(clock(misSquareOffTime('2025-03-13', 'NSE', 'upstox'))).toBe('2025-03-13 15:15');
    expect(clock(misSquareOffTime('2025-03-13', 'NFO', 'angelone'))).toBe('2025-03-13 15:20');
    // Unchanged by the 15:40 F&O close (no broker notice found, COSTS.md §4.2).
    expect(clock(misSquareOffTime('2026-08-03', 'NFO'))).toBe('2026-08-03 15:25');
    expect(clock(misSquareOffTime('2024-01-20', 'NSE'))).toBe('2024-01-20 15:20');
  });

  it('counts MCX cut-offs back from the day close', () => {
    expect(clock(misSquareOffTime('2026-03-13', 'MCX'))).toBe('2026-03-13 23:05');
    expect(clock(misSquareOffTime('2026-01-05', 'MCX'))).toBe('2026-01-05 23:30');
    expect(clock(misSquareOffTime('2026-03-13', 'MCX', 'upstox'))).toBe('2026-03-13 22:50');
    expect(clock(misSquareOffTime('2026-01-05', 'MCX', 'upstox'))).toBe('2026-01-05 23:25');
    expect(clock(misSquareOffTime('2026-01-01', 'MCX'))).toBe('2026-01-01 16:35');
  });

  it('refuses sessions and segments without a published time, and non-trading days', () => {
    expect(() => misSquareOffTime('2025-10-21', 'NSE')).toThrow(CalendarDataMissingError);
    expect(() => misSquareOffTime('2024-03-02', 'NSE')).toThrow(CalendarDataMissingError);
    expect(() => misSquareOffTime('2026-01-01', 'MCX', 'upstox')).toThrow(CalendarDataMissingError);
    expect(() => misSquareOffTime('2026-03-13', 'MCX', 'angelone')).toThrow(/angelone/);
    expect(() => misSquareOffTime('2025-03-14', 'NSE')).toThrow(CalendarInputError);
    expect(() => misSquareOffTime('2025-03-13', 'NSE', 'dhan' as 'zerodha')).toThrow(
      CalendarInputError,
    );
  });
});
