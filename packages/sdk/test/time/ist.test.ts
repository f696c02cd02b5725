import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addIstDays,
  formatIst,
  fromIstParts,
  istDate,
  istDateTime,
  istDayStart,
  istMinuteOfDay,
  istTimeOfDayMs,
  IST_TIME_ZONE,
  parseIstNaive,
  TimeInputError,
  toIsoDate,
  toIst,
} from '../../src/time/index.js';

// 1970-01-01 .. 2100-12-31: the tz database has IST at +05:30 throughout (since 1945-10-15).
const instant = fc.integer({ min: 0, max: Date.UTC(2100, 11, 31) });

describe('IST conversions: concrete values', () => {
  it('converts the NSE open on Republic Day 2024 both ways', () => {
    const open = Date.UTC(2024, 0, 26, 3, 45);
    expect(istDateTime('2024-01-26', '09:15')).toBe(open);
    expect(fromIstParts({ year: 2024, month: 1, day: 26, hour: 9, minute: 15 })).toBe(open);
    expect(toIst(open)).toEqual({
      year: 2024,
      month: 1,
      day: 26,
      hour: 9,
      minute: 15,
      second: 0,
      millisecond: 0,
      weekday: 5,
    });
    expect(istMinuteOfDay(open)).toBe(555);
    expect(formatIst(open)).toBe('2024-01-26T09:15:00.000+05:30');
  });

  it('puts 18:30 UTC on the next IST day', () => {
    expect(istDate(Date.UTC(2024, 0, 25, 18, 29, 59, 999))).toBe('2024-01-25');
    expect(istDate(Date.UTC(2024, 0, 25, 18, 30))).toBe('2024-01-26');
    expect(istDayStart(Date.UTC(2024, 0, 26, 3, 45))).toBe(Date.UTC(2024, 0, 25, 18, 30));
    expect(toIsoDate(Date.UTC(2024, 0, 25, 20, 0))).toBe('2024-01-26');
  });

  it('parses naive IST timestamps in every accepted shape', () => {
    expect(parseIstNaive('2021-01-01 09:15')).toBe(Date.UTC(2021, 0, 1, 3, 45));
    expect(parseIstNaive('2021-01-01T09:15:30')).toBe(Date.UTC(2021, 0, 1, 3, 45, 30));
    expect(parseIstNaive('2021-01-01 09:15:30.5')).toBe(Date.UTC(2021, 0, 1, 3, 45, 30, 500));
    expect(parseIstNaive('2021-01-01')).toBe(Date.UTC(2020, 11, 31, 18, 30));
    expect(parseIstNaive('2024-02-29 15:29')).toBe(istDateTime('2024-02-29', '15:29'));
  });

  it('reads times of day including 24:00 as a session end', () => {
    expect(istTimeOfDayMs('09:15')).toBe(33_300_000);
    expect(istTimeOfDayMs('23:55:30')).toBe((23 * 3600 + 55 * 60 + 30) * 1000);
    expect(istTimeOfDayMs('24:00')).toBe(86_400_000);
  });

  it('adds days across month and leap-year ends', () => {
    expect(addIstDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addIstDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addIstDays('2025-01-01', -1)).toBe('2024-12-31');
  });
});

describe('IST conversions: bad input gets a typed error naming the field', () => {
  it.each([
    ['2024-02-30 09:15'],
    ['2023-02-29'],
    ['2024-13-01'],
    ['2024-01-01 24:00'],
    ['2024-01-01 09:60'],
    ['01-01-2024 09:15'],
    ['2024-01-01 9:15'],
    ['2024-01-01 09:15:30.'],
    ['2024-01-01 09:15:30.1234'],
    ['2024-01-01 09:15x'],
    ['2024-01-01T09'],
    ['2024-1-01'],
    ['2024-01-01Z'],
    [' 2024-01-01'],
    ['+024-01-01'],
    [''],
  ])('parseIstNaive(%j) throws TimeInputError', (text) => {
    expect(() => parseIstNaive(text)).toThrow(TimeInputError);
  });

  it('names the field and value', () => {
    try {
      istDateTime('2024-02-30', '09:15');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TimeInputError);
      expect((e as TimeInputError).field).toBe('date');
      expect((e as TimeInputError).value).toBe('2024-02-30');
    }
    expect(() => istDateTime('2024-01-01', '25:00')).toThrow(/time/);
    expect(() => istDate(Number.NaN)).toThrow(TimeInputError);
    expect(() => istMinuteOfDay(Number.POSITIVE_INFINITY)).toThrow(TimeInputError);
    expect(() => fromIstParts({ year: 2024, month: 2, day: 30 })).toThrow(/day/);
    expect(() => fromIstParts({ year: 2024, month: 1, day: 1, hour: 9.5 })).toThrow(/hour/);
    expect(() => addIstDays('2024-01-01', 0.5)).toThrow(TimeInputError);
  });
});

describe('IST fast path agrees with date-fns-tz', () => {
  it('istDate, istMinuteOfDay and toIst match formatInTimeZone', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        expect(istDate(ms)).toBe(formatInTimeZone(ms, IST_TIME_ZONE, 'yyyy-MM-dd'));
        const [hh, mm] = formatInTimeZone(ms, IST_TIME_ZONE, 'HH:mm').split(':').map(Number);
        expect(istMinuteOfDay(ms)).toBe(hh! * 60 + mm!);
        const p = toIst(ms);
        expect(p.weekday).toBe(Number(formatInTimeZone(ms, IST_TIME_ZONE, 'i')));
        expect(p.second).toBe(Number(formatInTimeZone(ms, IST_TIME_ZONE, 's')));
        expect(p.millisecond).toBe(Number(formatInTimeZone(ms, IST_TIME_ZONE, 'SSS')));
      }),
      { numRuns: 300 },
    );
  });

  it('parseIstNaive and fromIstParts match fromZonedTime, and round-trip through toIst', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const wall = formatInTimeZone(ms, IST_TIME_ZONE, "yyyy-MM-dd'T'HH:mm:ss.SSS");
        expect(parseIstNaive(wall)).toBe(fromZonedTime(wall, IST_TIME_ZONE).getTime());
        expect(parseIstNaive(wall)).toBe(ms);
        expect(fromIstParts(toIst(ms))).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });
});
