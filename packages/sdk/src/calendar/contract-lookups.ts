import { isoDateOfDayNumber, type IsoDate } from '../time/iso-date.js';
import type { LotSizeStep, TickSizeRule } from './calendar-data.js';
import {
  CalendarDataMissingError,
  CalendarInputError,
  CalendarRangeError,
  UnknownUnderlyingError,
} from './calendar-errors.js';
import { windowOf } from './compiled-data.js';
import type { TickSizeQuery } from './tick-size-query.js';

function stepsOf<T>(
  table: ReadonlyMap<string, readonly T[]>,
  underlying: string,
  what: string,
): readonly T[] {
  const steps = table.get(underlying);
  if (steps === undefined) throw new UnknownUnderlyingError(underlying, [...table.keys()], what);
  return steps;
}

function beforeData(
  underlying: string,
  date: IsoDate,
  first: string | undefined,
  what: string,
): CalendarRangeError {
  return new CalendarRangeError(
    underlying,
    date,
    `${first ?? '?'}..`,
    what,
    'Add the older data to the calendar.',
  );
}

/** The last step (sorted by `from`) in force on `date`. */
export function latestStep<T extends { from: string }>(
  table: ReadonlyMap<string, readonly T[]>,
  underlying: string,
  date: IsoDate,
  what: string,
): T {
  const steps = stepsOf(table, underlying, what);
  let found: T | undefined;
  for (const s of steps) if (s.from <= date) found = s;
  if (found === undefined) throw beforeData(underlying, date, steps[0]?.from, what);
  return found;
}

/** Lot size on `tradeDate` of a contract listed on `listedOn` (see Calendar.lotSize). */
export function lotSizeOf(
  table: ReadonlyMap<string, readonly LotSizeStep[]>,
  underlying: string,
  tradeDate: IsoDate,
  listedOn: IsoDate,
): number {
  const steps = stepsOf(table, underlying, 'lot sizes');
  if (listedOn > tradeDate)
    throw new CalendarInputError('listedOn', listedOn, `a date on or before ${tradeDate}`);
  let found: LotSizeStep | undefined;
  for (const s of steps) {
    const movedExisting =
      s.existingContractsFrom !== undefined && s.existingContractsFrom <= tradeDate;
    if (s.from <= listedOn || movedExisting) found = s;
  }
  if (found === undefined) throw beforeData(underlying, listedOn, steps[0]?.from, 'lot sizes');
  return found.lotSize;
}

/** Tick size from the first matching rule and its price slab (see Calendar.tickSize). */
export function tickSizeOf(
  rules: readonly TickSizeRule[],
  query: TickSizeQuery,
  day: number,
): number {
  const { exchange, type, referencePrice, underlyingKind } = query;
  if (
    typeof referencePrice !== 'number' ||
    !Number.isFinite(referencePrice) ||
    referencePrice <= 0
  ) {
    throw new CalendarInputError('referencePrice', referencePrice, 'a positive finite price');
  }
  if (type !== 'EQ' && type !== 'IDX' && underlyingKind === undefined) {
    throw new CalendarInputError(
      'underlyingKind',
      underlyingKind,
      "'index' or 'stock' for derivatives",
    );
  }
  const rule = rules.find((r) => {
    const [from, to] = windowOf(r.from, r.to);
    return (
      r.exchanges.includes(exchange) &&
      r.types.includes(type) &&
      (r.underlyingKind === undefined || r.underlyingKind === underlyingKind) &&
      day >= from &&
      day <= to
    );
  });
  if (rule === undefined) {
    throw new CalendarDataMissingError(
      'exchange',
      `${exchange} ${type}${underlyingKind ? ` (${underlyingKind})` : ''} on ${isoDateOfDayNumber(day)}`,
      'No confirmed tick-size rule; read the tick size from the contract master',
    );
  }
  for (const slab of rule.slabs)
    if (slab.below === undefined || referencePrice < slab.below) return slab.tick;
  throw new CalendarDataMissingError(
    'referencePrice',
    referencePrice,
    'No tick-size slab covers this price',
  );
}
