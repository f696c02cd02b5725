import type { IsoDate } from './types.js';

/** A dated range, inclusive; open at either end when the bound is absent. */
export interface DatedRange {
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

/** True when `date` lies in the range (ISO dates compare as strings). */
export function inRange(range: DatedRange, date: IsoDate): boolean {
  return (
    (range.from === undefined || range.from <= date) && (range.to === undefined || date <= range.to)
  );
}

/** The dates a list of ranges covers, merged and rendered: `2023-04-01 onwards`, `no rows`, ... */
export function describeCoverage(ranges: readonly DatedRange[]): string {
  if (ranges.length === 0) return 'no rows';
  const sorted = [...ranges].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  const merged: { from?: IsoDate; to?: IsoDate }[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last === undefined) merged.push({ ...range });
    else if (last.to === undefined) break;
    else if (range.from === undefined || range.from <= nextDay(last.to)) {
      if (range.to === undefined) delete last.to;
      else if (range.to > last.to) last.to = range.to;
    } else merged.push({ ...range });
  }
  return merged
    .map((r) => {
      if (r.from === undefined && r.to === undefined) return 'every date';
      if (r.from === undefined) return `up to ${r.to}`;
      if (r.to === undefined) return `${r.from} onwards`;
      return `${r.from} to ${r.to}`;
    })
    .join(', ');
}

/** The calendar day after an ISO date. */
export function nextDay(date: IsoDate): IsoDate {
  return shiftDay(date, 1);
}

/** The calendar day before an ISO date. */
export function previousDay(date: IsoDate): IsoDate {
  return shiftDay(date, -1);
}

function shiftDay(date: IsoDate, days: number): IsoDate {
  const t = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}
