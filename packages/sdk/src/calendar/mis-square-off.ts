import { istTimeOfDayMs } from '../time/ist-date-time.js';
import type { MisSquareOffRule } from './calendar-data.js';
import { CalendarDataMissingError } from './calendar-errors.js';
import type { TradingSession } from './trading-session.js';

function hhmmOf(msOfDay: number): string {
  const minutes = Math.round(msOfDay / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Applies a broker's square-off rule to a session. A fixed clock time holds only on sessions
 * that close at the segment's regular close; muhurat sessions have no published cut-off.
 */
export function squareOffTime(
  entry: MisSquareOffRule,
  session: TradingSession,
  dayStart: number,
  regularClose: number,
): number {
  const missing = (): CalendarDataMissingError =>
    new CalendarDataMissingError(
      'date',
      session.date,
      `${entry.broker} publishes no MIS cut-off for the ${session.name ?? session.segment} session`,
    );
  if (session.kind === 'muhurat') throw missing();
  const rule = entry.rule;
  if (rule.type === 'fixed') {
    const at = dayStart + istTimeOfDayMs(rule.time);
    if (session.close !== regularClose || at <= session.open || at >= session.close)
      throw missing();
    return at;
  }
  if (rule.type === 'before-close') return session.close - rule.minutes * 60_000;
  const minutes = rule.minutesByClose[hhmmOf(session.close - dayStart)];
  if (minutes === undefined) throw missing();
  return session.close - minutes * 60_000;
}
