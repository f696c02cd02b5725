import { z } from 'zod';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';

/** What a signal wants: be long, be short, or be flat. */
export const DIRECTIONS = ['long', 'short', 'flat'] as const;
export type Direction = (typeof DIRECTIONS)[number];

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
  readonly stop?: number;
  readonly target?: number;
  readonly reason: string;
}

export const SignalEventSchema = z.object({
  kind: z.literal('signal'),
  instrument: InstrumentIdSchema,
  time: z.number().int(),
  direction: z.enum(DIRECTIONS),
  confidence: z.number().min(0).max(1),
  price: z.number().finite().positive(),
  stop: z.number().finite().positive().optional(),
  target: z.number().finite().positive().optional(),
  reason: z.string(),
});
