import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { istDateTime, istWeekKey, istWeekStart, toIst } from '../../src/time/index.js';

const instant = fc.integer({ min: 0, max: Date.UTC(2100, 11, 31) });
const WEEK_MS = 7 * 86_400_000;

describe('IST week key', () => {
  it('groups Monday 00:00 to Sunday 23:59:59.999 IST under the Monday', () => {
    expect(istWeekKey(istDateTime('2024-01-22', '00:00'))).toBe('2024-01-22');
    expect(istWeekKey(istDateTime('2024-01-26', '15:29'))).toBe('2024-01-22');
    expect(istWeekKey(istDateTime('2024-01-28', '23:59:59') + 999)).toBe('2024-01-22');
    expect(istWeekKey(istDateTime('2024-01-29', '00:00'))).toBe('2024-01-29');
    // Sunday 20:00 UTC is already Monday 01:30 IST: a UTC week key would get this wrong.
    expect(istWeekKey(Date.UTC(2024, 0, 28, 20, 0))).toBe('2024-01-29');
    // Across a year end.
    expect(istWeekKey(istDateTime('2025-01-01', '09:15'))).toBe('2024-12-30');
    expect(istWeekStart(istDateTime('2024-01-26', '10:00'))).toBe(
      istDateTime('2024-01-22', '00:00'),
    );
  });

  it('is always a Monday and never after the instant, less than a week before it', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const start = istWeekStart(ms);
        const p = toIst(start);
        expect(p.weekday).toBe(1);
        expect(p.hour + p.minute + p.second + p.millisecond).toBe(0);
        expect(start).toBeLessThanOrEqual(ms);
        expect(ms - start).toBeLessThan(WEEK_MS);
        expect(istWeekKey(ms)).toBe(
          `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is constant within a week and changes across week boundaries', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: WEEK_MS - 1 }), (ms, offset) => {
        const start = istWeekStart(ms);
        expect(istWeekKey(start + offset)).toBe(istWeekKey(ms));
        expect(istWeekKey(start - 1)).not.toBe(istWeekKey(ms));
        expect(istWeekKey(start + WEEK_MS)).not.toBe(istWeekKey(ms));
      }),
      { numRuns: 300 },
    );
  });
});
