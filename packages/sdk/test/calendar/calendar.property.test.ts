import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarDataMissingError,
  createCalendar,
  nseCalendar,
  type MarketSegment,
} from '../../src/calendar/index.js';
import { addIstDays, istDateTime, toIst } from '../../src/time/index.js';

// Days inside the 2024-2026 tables, kept 20 days from the edges so that next/previous lookups
// stay inside too (2024-01-21 .. 2026-12-11).
const FIRST = '2024-01-21';
const SPAN = 1055;
const day = fc.integer({ min: 0, max: SPAN }).map((n) => addIstDays(FIRST, n));
/** A start day and a length such that the whole range stays inside the tables. */
const range = (maxLen: number) =>
  fc.integer({ min: 0, max: maxLen }).chain((len) =>
    fc.tuple(
      fc.integer({ min: 0, max: SPAN - len }).map((n) => addIstDays(FIRST, n)),
      fc.constant(len),
    ),
  );
const segment = fc.constantFrom<MarketSegment>('cash', 'fno');
const weekdayOf = (d: string): number => toIst(istDateTime(d, '12:00')).weekday;

describe('calendar functions agree with each other', () => {
  it('tradingDaysBetween counts exactly the days isTradingDay accepts, and is additive', () => {
    fc.assert(
      fc.property(range(60), fc.integer({ min: 0, max: 60 }), segment, ([from, len], cut, seg) => {
        const to = addIstDays(from, len);
        let expected = 0;
        for (let i = 0; i <= len; i++)
          if (nseCalendar.isTradingDay(addIstDays(from, i), seg)) expected++;
        expect(nseCalendar.tradingDaysBetween(from, to, seg)).toBe(expected);
        expect(nseCalendar.tradingDays(from, to, seg).length).toBe(expected);
        const mid = addIstDays(from, Math.min(cut, len));
        if (mid < to) {
          expect(
            nseCalendar.tradingDaysBetween(from, mid, seg) +
              nseCalendar.tradingDaysBetween(addIstDays(mid, 1), to, seg),
          ).toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('nextTradingDay and previousTradingDay skip exactly the non-trading days and invert each other', () => {
    fc.assert(
      fc.property(day, segment, (d, seg) => {
        const next = nseCalendar.nextTradingDay(d, seg);
        const prev = nseCalendar.previousTradingDay(d, seg);
        expect(next > d && prev < d).toBe(true);
        expect(nseCalendar.isTradingDay(next, seg) && nseCalendar.isTradingDay(prev, seg)).toBe(
          true,
        );
        expect(nseCalendar.tradingDaysBetween(addIstDays(prev, 1), addIstDays(next, -1), seg)).toBe(
          nseCalendar.isTradingDay(d, seg) ? 1 : 0,
        );
        expect(nseCalendar.previousTradingDay(next, seg) <= d).toBe(true);
        expect(nseCalendar.nextTradingDay(prev, seg) >= d).toBe(true);
        if (nseCalendar.isTradingDay(d, seg)) {
          expect(nseCalendar.nextTradingDay(nseCalendar.previousTradingDay(d, seg), seg)).toBe(d);
          expect(nseCalendar.previousTradingDay(nseCalendar.nextTradingDay(d, seg), seg)).toBe(d);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('has a well-formed session exactly on trading days', () => {
    fc.assert(
      fc.property(day, segment, (d, seg) => {
        if (!nseCalendar.isTradingDay(d, seg)) {
          expect(nseCalendar.session(d, seg)).toBeUndefined();
          return;
        }
        if (d === '2026-11-08') {
          expect(() => nseCalendar.session(d, seg)).toThrow(CalendarDataMissingError);
          return;
        }
        const s = nseCalendar.session(d, seg);
        if (s === undefined) throw new Error(`no session on trading day ${d}`);
        expect(s.date).toBe(d);
        expect(s.open).toBeLessThan(s.close);
        expect(s.open).toBe(s.continuous[0]!.start);
        expect(s.close).toBe(s.continuous.at(-1)!.end);
        if (s.preOpen) expect(s.preOpen.end).toBeLessThanOrEqual(s.open);
        if (s.closingSession) expect(s.closingSession.start).toBeGreaterThanOrEqual(s.close);
        expect(s.kind === 'normal').toBe(nseCalendar.isRegularTradingDay(d, seg));
        if (s.kind === 'normal') expect(weekdayOf(d)).toBeLessThanOrEqual(5);
      }),
      { numRuns: 300 },
    );
  });

  it('puts every expiry on a regular trading day, at or before its scheduled rule weekday', () => {
    const underlying = fc.constantFrom(
      'NIFTY',
      'BANKNIFTY',
      'FINNIFTY',
      'MIDCPNIFTY',
      'SENSEX',
      'BANKEX',
      'STOCKS',
    );
    fc.assert(
      fc.property(underlying, range(90), (u, [from, len]) => {
        const to = addIstDays(from, len);
        const list = nseCalendar.expiries(u, from, to);
        for (const e of list) {
          expect(e.date >= from && e.date <= to).toBe(true);
          expect(nseCalendar.isTradingDay(e.date, 'fno')).toBe(true);
          expect(nseCalendar.isRegularTradingDay(e.date, 'fno')).toBe(true);
          expect(e.date <= e.scheduledDate).toBe(true);
          // Every day after the actual expiry up to the scheduled one is not a regular day.
          for (let d = addIstDays(e.date, 1); d <= e.scheduledDate; d = addIstDays(d, 1)) {
            expect(nseCalendar.isRegularTradingDay(d, 'fno')).toBe(false);
          }
        }
        const sorted = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        expect(list).toEqual(sorted);
        // Splitting the range changes nothing.
        if (len > 0) {
          const mid = addIstDays(from, Math.floor(len / 2));
          const joined = [
            ...nseCalendar.expiries(u, from, mid),
            ...nseCalendar.expiries(u, addIstDays(mid, 1), to),
          ];
          expect(joined).toEqual(list);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('weekday fallback agrees with the tables on weekends and outside them trades Monday-Friday', () => {
    const cal = createCalendar({ fallback: 'weekdaysOnly' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (n) => {
        const d = addIstDays('1990-01-01', n);
        const inside = d >= '2024-01-01' && d <= '2026-12-31';
        const expected = inside ? nseCalendar.isTradingDay(d) : weekdayOf(d) <= 5;
        expect(cal.isTradingDay(d)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
