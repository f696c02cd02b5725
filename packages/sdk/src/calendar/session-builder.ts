import { istTimeOfDayMs } from '../time/ist-date-time.js';
import { epochOfIstDayStart, isoDateOfDayNumber } from '../time/iso-date.js';
import type { SessionRule, SpecialSession } from './calendar-data.js';
import { CalendarDataMissingError } from './calendar-errors.js';
import type { Windowed } from './compiled-data.js';
import type { MarketSegment } from './segment.js';
import type { TimeInterval, TradingSession } from './trading-session.js';

type Basis = TradingSession['basis'];

function interval(dayStart: number, range: { start: string; end: string }): TimeInterval {
  return Object.freeze({
    start: dayStart + istTimeOfDayMs(range.start),
    end: dayStart + istTimeOfDayMs(range.end),
  });
}

/** The regular session rule in force on a day, or a typed error naming the gap in the data. */
export function ruleFor(
  rules: readonly Windowed<SessionRule>[],
  day: number,
  segment: MarketSegment,
): SessionRule {
  for (const r of rules) if (day >= r.from && day <= r.to) return r.value;
  throw new CalendarDataMissingError(
    'date',
    isoDateOfDayNumber(day),
    `No ${segment} session rule covers this date; add one to the calendar data`,
  );
}

/** Builds the regular session of a day, optionally opening later / closing earlier. */
export function regularSession(
  rule: SessionRule,
  day: number,
  segment: MarketSegment,
  basis: Basis,
  special?: { kind: TradingSession['kind']; name: string; open?: string; close?: string },
): TradingSession {
  const dayStart = epochOfIstDayStart(day);
  const openChanged = special?.open !== undefined;
  const closeChanged = special?.close !== undefined;
  const open = dayStart + istTimeOfDayMs(special?.open ?? rule.open);
  const close = dayStart + istTimeOfDayMs(special?.close ?? rule.close);
  return Object.freeze({
    date: isoDateOfDayNumber(day),
    segment,
    kind: special?.kind ?? 'normal',
    ...(special ? { name: special.name } : {}),
    // A shifted open drops the pre-open; an early close drops what follows the close.
    ...(rule.preOpen && !openChanged ? { preOpen: interval(dayStart, rule.preOpen) } : {}),
    open,
    close,
    continuous: Object.freeze([Object.freeze({ start: open, end: close })]),
    ...(rule.closingAuction && !closeChanged
      ? { closingAuction: interval(dayStart, rule.closingAuction) }
      : {}),
    ...(rule.closingSession && !closeChanged
      ? { closingSession: interval(dayStart, rule.closingSession) }
      : {}),
    basis,
  });
}

/** Builds the session of a special day (muhurat, weekend session, partial day). */
export function specialSession(
  entry: SpecialSession,
  rules: readonly Windowed<SessionRule>[],
  day: number,
  segment: MarketSegment,
): TradingSession {
  const schedule = entry.schedule;
  if (schedule.type === 'to-be-notified') {
    throw new CalendarDataMissingError(
      'date',
      entry.date,
      `The exchange has not notified the times of "${entry.name}" yet; add them to the calendar ` +
        'data once announced',
    );
  }
  const meta = { kind: entry.kind, name: entry.name };
  if (schedule.type === 'regular') {
    return regularSession(ruleFor(rules, day, segment), day, segment, 'exchange-data', {
      ...meta,
      ...(schedule.open === undefined ? {} : { open: schedule.open }),
      ...(schedule.close === undefined ? {} : { close: schedule.close }),
    });
  }
  const dayStart = epochOfIstDayStart(day);
  const continuous = schedule.continuous.map((c) => interval(dayStart, c));
  const first = continuous[0] as TimeInterval;
  const last = continuous[continuous.length - 1] as TimeInterval;
  return Object.freeze({
    date: entry.date,
    segment,
    ...meta,
    ...(schedule.preOpen ? { preOpen: interval(dayStart, schedule.preOpen) } : {}),
    open: first.start,
    close: last.end,
    continuous: Object.freeze(continuous),
    ...(schedule.closingSession
      ? { closingSession: interval(dayStart, schedule.closingSession) }
      : {}),
    basis: 'exchange-data' as const,
  });
}
