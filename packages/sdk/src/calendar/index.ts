export { MARKET_SEGMENTS, type MarketSegment, type SegmentInput, segmentOf } from './segment.js';
export {
  CalendarRangeError,
  CalendarDataMissingError,
  CalendarInputError,
  UnknownUnderlyingError,
} from './calendar-errors.js';
export {
  CalendarDataSchema,
  SessionRuleSchema,
  HolidaySchema,
  SpecialScheduleSchema,
  SpecialSessionSchema,
  CoverageSchema,
  ExpiryWeekdayRuleSchema,
  ExpiryRuleSetSchema,
  LotSizeStepSchema,
  FreezeQuantityStepSchema,
  TickSizeRuleSchema,
  MisSquareOffRuleSchema,
  MIS_BROKERS,
  type MisBroker,
  type CalendarData,
  type ValidatedCalendarData,
  type SessionRule,
  type Holiday,
  type SpecialSession,
  type SpecialSchedule,
  type Coverage,
  type ExpiryRuleSet,
  type ExpiryWeekdayRule,
  type LotSizeStep,
  type FreezeQuantityStep,
  type TickSizeRule,
  type MisSquareOffRule,
} from './calendar-data.js';
export type { TimeInterval, SessionKind, TradingSession } from './trading-session.js';
export type { Expiry, ExpiryKind } from './expiry.js';
export type { TickSizeQuery } from './tick-size-query.js';
export { Calendar, type CalendarFallback, type CalendarOptions } from './calendar.js';
export { NSE_CALENDAR_DATA } from './data/index.js';
export {
  nseCalendar,
  createCalendar,
  isTradingDay,
  session,
  nextTradingDay,
  previousTradingDay,
  tradingDaysBetween,
  expiries,
  nextExpiry,
  misSquareOffTime,
} from './nse-calendar.js';
