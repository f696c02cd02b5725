import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { GST_SCHEDULE, RATE_SCHEDULES, VENUES, type RateRow } from '../../src/index.js';
import { nextDay } from '../../src/schedules/coverage.js';

/** Rows per (component, venue, segment, variant) key, sorted by start. */
function rowsByKey(): Map<string, RateRow[]> {
  const byKey = new Map<string, RateRow[]>();
  for (const schedule of RATE_SCHEDULES) {
    for (const row of schedule.rows) {
      for (const venue of row.venue === 'ALL' ? VENUES : [row.venue]) {
        for (const segment of row.segments) {
          const key = `${schedule.component}|${venue}|${segment}|${row.variant ?? ''}`;
          byKey.set(key, [...(byKey.get(key) ?? []), row]);
        }
      }
    }
  }
  for (const rows of byKey.values()) rows.sort((a, b) => a.from.localeCompare(b.from));
  return byKey;
}

describe('rate schedule data', () => {
  it('every row has a source, a non-negative decimal rate and from <= to', () => {
    for (const schedule of RATE_SCHEDULES) {
      for (const row of schedule.rows) {
        expect(row.source.length, `${schedule.component} ${row.from}`).toBeGreaterThan(10);
        expect(row.percent).toMatch(/^\d+(\.\d+)?$/);
        expect(new Decimal(row.percent).lessThan(1)).toBe(true);
        expect(row.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (row.to !== undefined) expect(row.to >= row.from).toBe(true);
      }
    }
  });

  it('rows of one key are contiguous and never overlap, and every boundary changes the rate or side', () => {
    for (const [key, rows] of rowsByKey()) {
      for (let i = 1; i < rows.length; i++) {
        const prev = rows[i - 1]!;
        const next = rows[i]!;
        expect(prev.to, `${key}: row before ${next.from} must end`).toBeDefined();
        expect(nextDay(prev.to!), `${key}: gap or overlap at ${next.from}`).toBe(next.from);
        const same = new Decimal(prev.percent).equals(next.percent) && prev.side === next.side;
        expect(same, `${key}: boundary ${next.from} changes nothing`).toBe(false);
      }
      expect(rows[rows.length - 1]!.to, `${key}: the latest row is open-ended`).toBeUndefined();
    }
  });

  it('covers every venue × segment a trade can have (NSE and BSE cash, F&O, currency; MCX commodities)', () => {
    const keys = [...rowsByKey().keys()];
    const has = (component: string, venue: string, segment: string) =>
      keys.some((k) => k.startsWith(`${component}|${venue}|${segment}|`));
    const pairs = [
      ...['NSE', 'BSE'].flatMap((v) =>
        [
          'equity-delivery',
          'equity-intraday',
          'equity-futures',
          'equity-options',
          'currency-futures',
          'currency-options',
        ].map((s) => [v, s] as const),
      ),
      ['MCX', 'commodity-futures'] as const,
      ['MCX', 'commodity-options'] as const,
    ];
    for (const component of ['stt', 'exchangeTxn', 'ipft', 'sebi', 'stampDuty']) {
      for (const [venue, segment] of pairs)
        expect(has(component, venue, segment), `${component} ${venue} ${segment}`).toBe(true);
    }
  });

  it('the NSE 2026-03-01 re-split keeps transaction charge + IPFT unchanged per segment', () => {
    const combined = (segment: string, date: string) => {
      const rate = (component: string) =>
        RATE_SCHEDULES.find((s) => s.component === component)!.rows.find(
          (r) =>
            r.venue === 'NSE' &&
            r.segments.includes(segment as never) &&
            r.from <= date &&
            (r.to === undefined || date <= r.to),
        )!.percent;
      return new Decimal(rate('exchangeTxn')).plus(rate('ipft')).toFixed();
    };
    expect([
      combined('equity-delivery', '2026-02-28'),
      combined('equity-delivery', '2026-03-01'),
    ]).toEqual(['0.00307', '0.00307']);
    expect([
      combined('equity-futures', '2026-02-28'),
      combined('equity-futures', '2026-03-01'),
    ]).toEqual(['0.00183', '0.00183']);
    expect([
      combined('equity-options', '2026-02-28'),
      combined('equity-options', '2026-03-01'),
    ]).toEqual(['0.03553', '0.03553']);
  });

  it('GST rows are contiguous, 18%, and tax SEBI from 2022-07-18', () => {
    expect(GST_SCHEDULE.map((r) => [r.from, r.to, r.percent, r.basis.includes('sebi')])).toEqual([
      ['2017-07-01', '2022-07-17', '18', false],
      ['2022-07-18', undefined, '18', true],
    ]);
  });
});
