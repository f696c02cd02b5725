import BaseDecimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charges,
  exactRounding,
  RateNotScheduledError,
  RATE_SCHEDULES,
  zerodha,
  type ChargeOrder,
  type RateRow,
  type ScheduledComponent,
  type Segment,
  type Venue,
} from '../../src/index.js';
import { previousDay } from '../../src/schedules/coverage.js';

const Decimal = BaseDecimal.clone({ precision: 40 });

const plan = zerodha();

/** An order whose charges use the given venue and segment (and BSE option variant). */
function orderFor(
  venue: Venue,
  segment: Segment,
  variant: string | undefined,
): Omit<ChargeOrder, 'side' | 'tradeDate' | 'quantity' | 'price'> {
  const exchange = {
    NSE: { equity: 'NSE', derivative: 'NFO', currency: 'CDS' },
    BSE: { equity: 'BSE', derivative: 'BFO', currency: 'BCD' },
    MCX: { equity: 'MCX', derivative: 'MCX', currency: 'MCX' },
  }[venue];
  const [family, kind] = segment.split('-') as [string, string];
  if (family === 'equity' && (kind === 'delivery' || kind === 'intraday')) {
    return {
      exchange: exchange.equity as ChargeOrder['exchange'],
      instrumentType: 'EQ',
      product: kind === 'delivery' ? 'CNC' : 'MIS',
    };
  }
  const ex = (
    family === 'currency' ? exchange.currency : exchange.derivative
  ) as ChargeOrder['exchange'];
  const symbol = variant === 'SENSEX 50/stock' ? 'SENSEX5026JUN30000CE' : 'SENSEX2661882000CE';
  return {
    exchange: ex,
    instrumentType: kind === 'futures' ? 'FUT' : 'CE',
    product: 'NRML',
    ...(ex === 'BFO' && kind === 'options' ? { symbol } : {}),
  };
}

interface Boundary {
  component: Exclude<ScheduledComponent, 'sttOnExercise'>;
  venue: Venue;
  segment: Segment;
  row: RateRow;
  previous: RateRow | undefined;
}

/** Every start date of every row, for every venue and segment it applies to. */
const boundaries: Boundary[] = RATE_SCHEDULES.filter(
  (s) => s.component !== 'sttOnExercise',
).flatMap((schedule) =>
  schedule.rows.flatMap((row) =>
    (row.venue === 'ALL' ? (['NSE', 'BSE', 'MCX'] as const) : [row.venue]).flatMap((venue) =>
      row.segments
        .filter((segment) => (venue === 'MCX') === segment.startsWith('commodity'))
        .map((segment) => ({
          component: schedule.component as Boundary['component'],
          venue,
          segment,
          row,
          previous: schedule.rows.find(
            (r) =>
              r.to === previousDay(row.from) &&
              r.segments.includes(segment) &&
              (r.venue === 'ALL' || r.venue === venue) &&
              r.variant === row.variant,
          ),
        })),
    ),
  ),
);

/** A date on which all other components of the key have rows (their latest start or later). */
function coveredDay(b: Boundary): boolean {
  const order = orderFor(b.venue, b.segment, b.row.variant);
  try {
    charges({ ...order, side: 'SELL', quantity: 1, price: 100, tradeDate: b.row.from }, { plan });
    charges(
      { ...order, side: 'SELL', quantity: 1, price: 100, tradeDate: previousDay(b.row.from) },
      { plan },
    );
    return true;
  } catch {
    return false;
  }
}

describe('rates change exactly on their effective dates', () => {
  it('has boundaries to test (including 2024-10-01, 2026-03-01, 2026-04-01)', () => {
    const dates = new Set(boundaries.map((b) => b.row.from));
    for (const d of ['2023-04-01', '2024-04-01', '2024-10-01', '2026-03-01', '2026-04-01'])
      expect(dates.has(d)).toBe(true);
  });

  it('day before uses the previous row, day of uses the new one (exact amounts, both sides, any value)', () => {
    const testable = boundaries.filter((b) => b.previous !== undefined && coveredDay(b));
    expect(testable.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(
        fc.constantFrom(...testable),
        fc.constantFrom('BUY' as const, 'SELL' as const),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 5, max: 5_000_000 }).map((paise) => paise / 100),
        (b, side, quantity, price) => {
          const order = { ...orderFor(b.venue, b.segment, b.row.variant), side, quantity, price };
          const before = charges(
            { ...order, tradeDate: previousDay(b.row.from) },
            { plan, rounding: exactRounding },
          );
          const on = charges(
            { ...order, tradeDate: b.row.from },
            { plan, rounding: exactRounding },
          );
          const value = new Decimal(String(price)).times(quantity);
          const expected = (row: RateRow) =>
            row.side === 'BOTH' || row.side === side
              ? new Decimal(row.percent).times(value).dividedBy(100).toFixed()
              : '0';
          expect(before[b.component].toFixed()).toBe(expected(b.previous!));
          expect(on[b.component].toFixed()).toBe(expected(b.row));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a date before the first row of a schedule is a RateNotScheduledError naming tradeDate', () => {
    const firsts = boundaries.filter((b) => b.previous === undefined);
    for (const b of firsts) {
      const order = {
        ...orderFor(b.venue, b.segment, b.row.variant),
        side: 'SELL' as const,
        quantity: 1,
        price: 100,
      };
      const dayBefore = previousDay(b.row.from);
      let error: unknown;
      try {
        charges({ ...order, tradeDate: dayBefore }, { plan });
      } catch (e) {
        error = e;
      }
      expect(error, `${b.component} ${b.venue} ${b.segment} before ${b.row.from}`).toBeInstanceOf(
        RateNotScheduledError,
      );
      expect((error as RateNotScheduledError).field).toBe('tradeDate');
      expect((error as RateNotScheduledError).value).toBe(dayBefore);
    }
  });
});
