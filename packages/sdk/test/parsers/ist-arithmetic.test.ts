import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldScanner } from '../../src/parsers/core/field-scanner.js';
import {
  daysFromCivil,
  formatIst,
  isoDateOfDay,
  istDayNumber,
} from '../../src/parsers/core/ist.js';

describe('the parsers’ private IST arithmetic', () => {
  it('daysFromCivil agrees with Date.UTC and isoDateOfDay inverts it', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 0, 1)),
          max: new Date(Date.UTC(2200, 0, 1)),
          noInvalidDate: true,
        }),
        (date) => {
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          const day = daysFromCivil(y, m, d);
          expect(day * 86_400_000).toBe(Date.UTC(y, m - 1, d));
          expect(isoDateOfDay(day)).toBe(date.toISOString().slice(0, 10));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('formats IST wall-clock time and finds the IST day of an instant', () => {
    expect(formatIst(Date.UTC(2021, 1, 24, 11, 29))).toBe('2021-02-24 16:59:00');
    expect(formatIst(Date.UTC(2025, 10, 17, 6, 37, 57, 22))).toBe('2025-11-17 12:07:57.022');
    // 18:30 UTC is already the next IST day.
    expect(istDayNumber(Date.UTC(2024, 0, 1, 18, 30))).toBe(daysFromCivil(2024, 1, 2));
    expect(istDayNumber(Date.UTC(2024, 0, 1, 18, 29, 59))).toBe(daysFromCivil(2024, 1, 1));
  });
});

describe('FieldScanner.number', () => {
  const read = (text: string): number | undefined => {
    const scanner = new FieldScanner();
    scanner.setLine(text, 0, text.length);
    return scanner.number() ? scanner.value : undefined;
  };

  it('reads every finite double written by String() exactly as Number() does', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(
          Object.is(read(String(x)), Number(String(x))) || (x === 0 && read(String(x)) === 0),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads prices with 0-4 decimals, padding and signs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 4 }),
        (units, decimals) => {
          const text = (units / 10 ** decimals).toFixed(decimals);
          expect(read(` ${text} `)).toBe(Number(text));
        },
      ),
      { numRuns: 300 },
    );
    expect(read('00046500.00')).toBe(46_500);
    expect(read('+1.5')).toBe(1.5);
    expect(read('.5')).toBe(0.5);
    expect(read('1.')).toBe(1);
  });

  it('rejects what is not a number', () => {
    for (const text of [
      '',
      ' ',
      '-',
      '.',
      'abc',
      '1.2.3',
      '1 2',
      '0x1F',
      'NaN',
      'Infinity',
      '1e999',
    ]) {
      expect(read(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
