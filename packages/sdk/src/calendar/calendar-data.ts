import { z } from 'zod';
import { EXCHANGES, INSTRUMENT_TYPES } from '../model/exchange.js';
import { MARKET_SEGMENTS } from './segment.js';

// Everything the calendar knows is data of this shape, each fact with its effective dates and
// its source: a new holiday list, a session change or a lot-size revision is a data edit.

const isoDate = z.iso.date();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:mm (IST)');
const segment = z.enum(MARKET_SEGMENTS);
const source = z.string().min(1, 'every fact needs a source');
const timeRange = z
  .object({ start: hhmm, end: hhmm })
  .refine((r) => r.start < r.end, { message: 'start must be before end' });

/** Optional effective window `[from, to]`, both inclusive; absent = open-ended. */
const effective = { from: isoDate.optional(), to: isoDate.optional() };

export const SessionRuleSchema = z.object({
  segment,
  ...effective,
  preOpen: timeRange.optional(),
  open: hhmm,
  close: hhmm,
  /** Closing auction for eligible stocks (continuous trading in them ends at its start). */
  closingAuction: timeRange.optional(),
  closingSession: timeRange.optional(),
  source,
});

export const HolidaySchema = z.object({
  date: isoDate,
  name: z.string().min(1),
  segments: z.array(segment).min(1),
  source,
});

export const SpecialScheduleSchema = z.discriminatedUnion('type', [
  /** Fully specified times (muhurat, disaster-recovery drills). */
  z.object({
    type: z.literal('fixed'),
    preOpen: timeRange.optional(),
    continuous: z.array(timeRange).min(1),
    closingSession: timeRange.optional(),
  }),
  /** The segment's regular session for the date, optionally opening later or closing earlier. */
  z.object({ type: z.literal('regular'), open: hhmm.optional(), close: hhmm.optional() }),
  /** Announced, but the exchange has not notified the times yet. */
  z.object({ type: z.literal('to-be-notified') }),
]);

export const SpecialSessionSchema = z.object({
  date: isoDate,
  name: z.string().min(1),
  kind: z.enum(['muhurat', 'special']),
  segments: z.array(segment).min(1),
  schedule: SpecialScheduleSchema,
  source,
});

export const CoverageSchema = z.object({ segment, from: isoDate, to: isoDate, source });

const weekday = z.number().int().min(1).max(7);
export const ExpiryWeekdayRuleSchema = z.object({ ...effective, weekday, source });

export const ExpiryRuleSetSchema = z.object({
  underlying: z.string().min(1),
  exchange: z.enum(['NFO', 'BFO']),
  /** Expiries are known from this date on; earlier requests throw CalendarRangeError. */
  knownFrom: isoDate,
  /** Weekly expiry weekday by effective window of the expiry date; empty = no weeklies. */
  weekly: z.array(ExpiryWeekdayRuleSchema),
  /** Monthly = last such weekday of the month; the rule in force on the month's last day applies. */
  monthly: z.array(ExpiryWeekdayRuleSchema).min(1),
});

export const LotSizeStepSchema = z.object({
  underlying: z.string().min(1),
  /** Contracts introduced on or after this date carry this lot size. */
  from: isoDate,
  /** From this trading date on, contracts listed earlier carry it too (when the exchange said so). */
  existingContractsFrom: isoDate.optional(),
  lotSize: z.number().int().positive(),
  source,
});

export const FreezeQuantityStepSchema = z.object({
  underlying: z.string().min(1),
  from: isoDate,
  quantity: z.number().int().positive(),
  source,
});

export const TickSizeRuleSchema = z.object({
  exchanges: z.array(z.enum(EXCHANGES)).min(1),
  types: z.array(z.enum(INSTRUMENT_TYPES)).min(1),
  /** For derivatives: whether the rule is for index or single-stock underlyings. */
  underlyingKind: z.enum(['index', 'stock']).optional(),
  ...effective,
  /** Price slabs, ascending: the first slab whose `below` exceeds the price (or has none) wins. */
  slabs: z
    .array(z.object({ below: z.number().positive().optional(), tick: z.number().positive() }))
    .min(1),
  source,
});

export const MIS_BROKERS = ['zerodha', 'upstox', 'angelone'] as const;
export type MisBroker = (typeof MIS_BROKERS)[number];

export const MisSquareOffRuleSchema = z.object({
  broker: z.enum(MIS_BROKERS),
  segment,
  rule: z.discriminatedUnion('type', [
    /** A fixed IST time, valid on sessions with the segment's regular close. */
    z.object({ type: z.literal('fixed'), time: hhmm }),
    /** Minutes before the session close. */
    z.object({ type: z.literal('before-close'), minutes: z.number().int().positive() }),
    /** Minutes before close, depending on which close (`HH:mm`) the session has. */
    z.object({
      type: z.literal('before-close-by-close'),
      minutesByClose: z.record(hhmm, z.number().int().positive()),
    }),
  ]),
  source,
});

export const CalendarDataSchema = z.object({
  name: z.string().min(1),
  coverage: z.array(CoverageSchema),
  sessionRules: z.array(SessionRuleSchema).min(1),
  holidays: z.array(HolidaySchema),
  specialSessions: z.array(SpecialSessionSchema),
  expiryRules: z.array(ExpiryRuleSetSchema),
  lotSizes: z.array(LotSizeStepSchema),
  freezeQuantities: z.array(FreezeQuantityStepSchema),
  tickSizes: z.array(TickSizeRuleSchema),
  misSquareOff: z.array(MisSquareOffRuleSchema),
});

/** All the facts a {@link Calendar} is built from. */
export type CalendarData = z.input<typeof CalendarDataSchema>;
/** Calendar data after validation (what {@link Calendar.data} holds). */
export type ValidatedCalendarData = z.output<typeof CalendarDataSchema>;
export type SessionRule = z.output<typeof SessionRuleSchema>;
export type Holiday = z.output<typeof HolidaySchema>;
export type SpecialSession = z.output<typeof SpecialSessionSchema>;
export type SpecialSchedule = z.output<typeof SpecialScheduleSchema>;
export type Coverage = z.output<typeof CoverageSchema>;
export type ExpiryRuleSet = z.output<typeof ExpiryRuleSetSchema>;
export type ExpiryWeekdayRule = z.output<typeof ExpiryWeekdayRuleSchema>;
export type LotSizeStep = z.output<typeof LotSizeStepSchema>;
export type FreezeQuantityStep = z.output<typeof FreezeQuantityStepSchema>;
export type TickSizeRule = z.output<typeof TickSizeRuleSchema>;
export type MisSquareOffRule = z.output<typeof MisSquareOffRuleSchema>;
