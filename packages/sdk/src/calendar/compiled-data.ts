import { parseWith } from '../errors/parse.js';
import { dayNumberOfIsoDate } from '../time/iso-date.js';
import {
  CalendarDataSchema,
  type CalendarData,
  type ExpiryRuleSet,
  type FreezeQuantityStep,
  type Holiday,
  type LotSizeStep,
  type MisSquareOffRule,
  type SessionRule,
  type SpecialSession,
  type TickSizeRule,
  type ValidatedCalendarData,
} from './calendar-data.js';
import { CalendarInputError } from './calendar-errors.js';
import { MARKET_SEGMENTS, type MarketSegment } from './segment.js';

/** A fact with an effective window as day numbers (inclusive; infinite when open-ended). */
export interface Windowed<T> {
  readonly from: number;
  readonly to: number;
  readonly value: T;
}

/** Per-segment indexes built once from the data. */
export interface CompiledSegment {
  readonly coverage: readonly Windowed<null>[];
  readonly holidays: ReadonlyMap<number, Holiday>;
  readonly specials: ReadonlyMap<number, SpecialSession>;
  readonly sessionRules: readonly Windowed<SessionRule>[];
}

/** Calendar data validated and indexed by day number. */
export interface CompiledCalendarData {
  readonly data: ValidatedCalendarData;
  readonly segments: Readonly<Record<MarketSegment, CompiledSegment>>;
  readonly expiryRules: ReadonlyMap<string, ExpiryRuleSet>;
  readonly lotSizes: ReadonlyMap<string, readonly LotSizeStep[]>;
  readonly freezeQuantities: ReadonlyMap<string, readonly FreezeQuantityStep[]>;
  readonly tickSizes: readonly TickSizeRule[];
  readonly misSquareOff: readonly MisSquareOffRule[];
}

/** Day-number window of optional `from`/`to` dates. */
export function windowOf(from: string | undefined, to: string | undefined): [number, number] {
  return [
    from === undefined ? Number.NEGATIVE_INFINITY : dayNumberOfIsoDate(from),
    to === undefined ? Number.POSITIVE_INFINITY : dayNumberOfIsoDate(to),
  ];
}

/** Throws when windows overlap or run backwards (`label` names the data for the message). */
function assertDisjoint(windows: readonly Windowed<unknown>[], label: string): void {
  const sorted = [...windows].sort((a, b) => a.from - b.from);
  sorted.forEach((w, i) => {
    if (w.to < w.from) throw new CalendarInputError(label, w.value, 'from on or before to');
    const next = sorted[i + 1];
    if (next !== undefined && next.from <= w.to) {
      throw new CalendarInputError(label, next.value, 'effective windows that do not overlap');
    }
  });
}

function groupBy<T extends { underlying: string; from: string }>(
  items: readonly T[],
): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.underlying) ?? [];
    list.push(item);
    map.set(item.underlying, list);
  }
  for (const list of map.values()) list.sort((a, b) => (a.from < b.from ? -1 : 1));
  return map;
}

function compileSegment(
  data: ReturnType<typeof CalendarDataSchema.parse>,
  segment: MarketSegment,
): CompiledSegment {
  const coverage = data.coverage
    .filter((c) => c.segment === segment)
    .map((c) => {
      const [from, to] = windowOf(c.from, c.to);
      return { from, to, value: null };
    });
  assertDisjoint(coverage, `coverage of ${segment}`);
  const covered = (day: number): boolean => coverage.some((c) => day >= c.from && day <= c.to);

  const holidays = new Map<number, Holiday>();
  for (const h of data.holidays.filter((x) => x.segments.includes(segment))) {
    const day = dayNumberOfIsoDate(h.date);
    if (!covered(day))
      throw new CalendarInputError(
        'holidays.date',
        h.date,
        `a date inside the ${segment} coverage`,
      );
    if (holidays.has(day))
      throw new CalendarInputError('holidays.date', h.date, `one ${segment} holiday per date`);
    holidays.set(day, h);
  }
  const specials = new Map<number, SpecialSession>();
  for (const s of data.specialSessions.filter((x) => x.segments.includes(segment))) {
    const day = dayNumberOfIsoDate(s.date);
    if (!covered(day))
      throw new CalendarInputError(
        'specialSessions.date',
        s.date,
        `a date inside the ${segment} coverage`,
      );
    if (specials.has(day))
      throw new CalendarInputError(
        'specialSessions.date',
        s.date,
        `one ${segment} special session per date`,
      );
    specials.set(day, s);
  }
  const sessionRules = data.sessionRules
    .filter((r) => r.segment === segment)
    .map((r) => {
      const [from, to] = windowOf(r.from, r.to);
      return { from, to, value: r };
    });
  assertDisjoint(sessionRules, `sessionRules of ${segment}`);
  return { coverage, holidays, specials, sessionRules };
}

/**
 * Validates calendar data (zod schema, then consistency: holidays inside coverage, one entry
 * per date, non-overlapping effective windows) and indexes it by day number.
 */
export function compileCalendarData(input: CalendarData): CompiledCalendarData {
  const data = parseWith(CalendarDataSchema, input, 'calendar data');
  const segments = Object.fromEntries(
    MARKET_SEGMENTS.map((segment) => [segment, compileSegment(data, segment)]),
  ) as Record<MarketSegment, CompiledSegment>;

  const expiryRules = new Map<string, ExpiryRuleSet>();
  for (const set of data.expiryRules) {
    if (expiryRules.has(set.underlying)) {
      throw new CalendarInputError(
        'expiryRules.underlying',
        set.underlying,
        'one rule set per underlying',
      );
    }
    for (const [kind, rules] of [
      ['weekly', set.weekly],
      ['monthly', set.monthly],
    ] as const) {
      const windows = rules.map((r) => {
        const [from, to] = windowOf(r.from, r.to);
        return { from, to, value: r };
      });
      assertDisjoint(windows, `expiryRules.${set.underlying}.${kind}`);
    }
    expiryRules.set(set.underlying, set);
  }
  return {
    data,
    segments,
    expiryRules,
    lotSizes: groupBy(data.lotSizes),
    freezeQuantities: groupBy(data.freezeQuantities),
    tickSizes: data.tickSizes,
    misSquareOff: data.misSquareOff,
  };
}
