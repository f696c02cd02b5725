import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { freezeMessage } from './freeze.js';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';
import { checkStopAndTarget } from './stop-and-target.js';

/** What a signal wants: be long, be short, or be flat. */
export const DIRECTIONS = ['long', 'short', 'flat'] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** Zod schema of a {@link Direction}. */
export const DirectionSchema = z.enum(DIRECTIONS);

/** Output of a Signal stage: an opinion about one instrument at one time. */
export interface SignalEvent {
  readonly kind: 'signal';
  readonly instrument: InstrumentId;
  /** Clock time when the signal was produced (epoch ms). */
  readonly time: number;
  readonly direction: Direction;
  /** 0..1 */
  readonly confidence: number;
  /** Reference price the signal saw (last close or tick). */
  readonly price: number;
  /** Protective stop: below `price` for a long, above it for a short. */
  readonly stop?: number;
  /** Profit target: above `price` for a long, below it for a short. */
  readonly target?: number;
  readonly reason: string;
}

/** Zod schema of a {@link SignalEvent}: confidence in 0..1, stop and target on the right sides. */
export const SignalEventSchema = z
  .object({
    kind: z.literal('signal'),
    instrument: InstrumentIdSchema,
    time: z.number().int(),
    direction: DirectionSchema,
    confidence: z.number().min(0).max(1),
    price: z.number().positive(),
    stop: z.number().positive().optional(),
    target: z.number().positive().optional(),
    reason: z.string(),
  })
  .superRefine((s, ctx) => {
    checkStopAndTarget(s.direction === 'long' ? 1 : s.direction === 'short' ? -1 : 0, s, ctx);
  });

/**
 * Validates a signal event and returns it deep-frozen; throws a ValidationError otherwise.
 *
 * @example
 * ```ts
 * const signal = parseSignalEvent({ kind: 'signal', instrument: 'NSE:INFY', time: 0,
 *   direction: 'long', confidence: 0.7, price: 1500, stop: 1480, reason: 'sma cross' });
 * ```
 */
export function parseSignalEvent(input: unknown): SignalEvent {
  return freezeMessage(parseWith(SignalEventSchema, input, 'signal event'));
}
