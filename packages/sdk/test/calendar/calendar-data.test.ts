import { describe, expect, it } from 'vitest';
import {
  CalendarInputError,
  createCalendar,
  NSE_CALENDAR_DATA,
  type CalendarData,
} from '../../src/calendar/index.js';
import { ValidationError } from '../../src/errors/index.js';

describe('calendar data is data', () => {
  it('takes a new holiday as a data edit', () => {
    const data: CalendarData = {
      ...NSE_CALENDAR_DATA,
      holidays: [
        ...NSE_CALENDAR_DATA.holidays,
        { date: '2026-12-31', name: 'Test closure', segments: ['cash'], source: 'test' },
      ],
    };
    const cal = createCalendar({ data });
    expect(cal.isTradingDay('2026-12-31', 'cash')).toBe(false);
    expect(cal.isTradingDay('2026-12-31', 'fno')).toBe(true);
    expect(createCalendar().isTradingDay('2026-12-31')).toBe(true);
  });

  it('takes a session change as a data edit', () => {
    const data: CalendarData = {
      ...NSE_CALENDAR_DATA,
      sessionRules: [
        ...NSE_CALENDAR_DATA.sessionRules.filter((r) => r.segment !== 'currency'),
        { segment: 'currency', to: '2025-12-31', open: '09:00', close: '17:00', source: 'test' },
        { segment: 'currency', from: '2026-01-01', open: '09:00', close: '15:30', source: 'test' },
      ],
    };
    const cal = createCalendar({ data, fallback: 'weekdaysOnly' });
    const close = cal.session('2026-01-05', 'CDS')!.close;
    expect(close).toBe(Date.UTC(2026, 0, 5, 10, 0));
  });

  it('fails fast on malformed or inconsistent data', () => {
    const withHoliday = (date: string, name = 'x'): CalendarData => ({
      ...NSE_CALENDAR_DATA,
      holidays: [...NSE_CALENDAR_DATA.holidays, { date, name, segments: ['cash'], source: 'test' }],
    });
    expect(() => createCalendar({ data: withHoliday('2027-01-01') })).toThrow(CalendarInputError);
    expect(() => createCalendar({ data: withHoliday('2025-03-14') })).toThrow(
      /one cash holiday per date/,
    );
    expect(() => createCalendar({ data: withHoliday('2025-02-30') })).toThrow(ValidationError);
    const badTime: CalendarData = {
      ...NSE_CALENDAR_DATA,
      sessionRules: [{ segment: 'cash', open: '9:15', close: '15:30', source: 'test' }],
    };
    expect(() => createCalendar({ data: badTime })).toThrow(ValidationError);
    const overlapping: CalendarData = {
      ...NSE_CALENDAR_DATA,
      sessionRules: [
        ...NSE_CALENDAR_DATA.sessionRules,
        {
          segment: 'cash',
          from: '2025-01-01',
          to: '2025-01-31',
          open: '09:15',
          close: '15:30',
          source: 'test',
        },
      ],
    };
    expect(() => createCalendar({ data: overlapping })).toThrow(/do not overlap/);
    const noSource: CalendarData = {
      ...NSE_CALENDAR_DATA,
      holidays: [{ date: '2025-03-13', name: 'x', segments: ['cash'], source: '' }],
    };
    expect(() => createCalendar({ data: noSource })).toThrow(/source/);
  });

  it('cites a source for every fact it ships', () => {
    const d = NSE_CALENDAR_DATA;
    const facts = [
      ...d.coverage,
      ...d.sessionRules,
      ...d.holidays,
      ...d.specialSessions,
      ...d.lotSizes,
      ...d.freezeQuantities,
      ...d.tickSizes,
      ...d.misSquareOff,
      ...d.expiryRules.flatMap((r) => [...r.weekly, ...r.monthly]),
    ];
    expect(facts.length).toBeGreaterThan(100);
    for (const f of facts) expect(f.source.length).toBeGreaterThan(5);
  });
});
