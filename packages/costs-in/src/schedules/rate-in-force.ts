import type Decimal from 'decimal.js';
import { percentToFraction } from '../money/index.js';
import { RateNotScheduledError } from '../errors/index.js';
import { describeCoverage, inRange } from './coverage.js';
import { GST_SCHEDULE } from './gst.js';
import { RATE_SCHEDULES } from './rate-schedules.js';
import type {
  GstRow,
  IsoDate,
  PayingSide,
  RateRow,
  ScheduledComponent,
  Segment,
  Venue,
} from './types.js';
import { VENUES } from './types.js';

/** A schedule row with its rate as an exact fraction. */
export interface IndexedRow {
  readonly row: RateRow;
  /** `percent / 100`, e.g. 0.000030699. */
  readonly fraction: Decimal;
}

const keyOf = (component: ScheduledComponent, venue: Venue, segment: Segment): string =>
  `${component}|${venue}|${segment}`;

/** Rows by component, venue and segment, sorted by start date (built once). */
const INDEX: ReadonlyMap<string, readonly IndexedRow[]> = (() => {
  const index = new Map<string, IndexedRow[]>();
  for (const schedule of RATE_SCHEDULES) {
    for (const row of schedule.rows) {
      const indexed: IndexedRow = { row, fraction: percentToFraction(row.percent) };
      const venues = row.venue === 'ALL' ? VENUES : [row.venue];
      for (const venue of venues) {
        for (const segment of row.segments) {
          const key = keyOf(schedule.component, venue, segment);
          const rows = index.get(key) ?? [];
          rows.push(indexed);
          index.set(key, rows);
        }
      }
    }
  }
  for (const rows of index.values()) rows.sort((a, b) => a.row.from.localeCompare(b.row.from));
  return index;
})();

/**
 * The row of a component in force on a trade date for a venue and segment (and contract
 * variant, where rows distinguish one). Throws a {@link RateNotScheduledError} naming `tradeDate`
 * when no row covers the date.
 *
 * @example
 * ```ts
 * rateInForce('exchangeTxn', 'NSE', 'equity-options', undefined, '2026-06-15').row.percent; // '0.03552'
 * ```
 */
export function rateInForce(
  component: ScheduledComponent,
  venue: Venue,
  segment: Segment,
  variant: string | undefined,
  date: IsoDate,
): IndexedRow {
  const rows = (INDEX.get(keyOf(component, venue, segment)) ?? []).filter(
    (r) => r.row.variant === undefined || r.row.variant === variant,
  );
  for (const r of rows) if (inRange(r.row, date)) return r;
  throw new RateNotScheduledError({
    field: 'tradeDate',
    value: date,
    component,
    scope: `${venue} ${segment}${variant === undefined ? '' : ` (${variant})`}`,
    coverage: describeCoverage(rows.map((r) => r.row)),
    fix: `add a dated row for it to the ${component} schedule (src/schedules) of @pravah/costs-in`,
  });
}

/**
 * The GST row in force on a trade date.
 *
 * @example
 * ```ts
 * gstInForce('2022-07-18').basis; // ['exchangeTxn', 'sebi']
 * ```
 */
export function gstInForce(date: IsoDate): GstRow {
  for (const row of GST_SCHEDULE) if (inRange(row, date)) return row;
  throw new RateNotScheduledError({
    field: 'tradeDate',
    value: date,
    component: 'gst',
    scope: 'GST',
    coverage: describeCoverage(GST_SCHEDULE),
    fix: 'add a dated row to GST_SCHEDULE (src/schedules/gst.ts) of @pravah/costs-in',
  });
}

/** Whether a row charges the given side. */
export function paysOn(side: PayingSide, tradeSide: 'BUY' | 'SELL'): boolean {
  return side === 'BOTH' || side === tradeSide;
}
