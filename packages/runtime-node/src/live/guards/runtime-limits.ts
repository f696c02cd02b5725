import { z } from 'zod';

/** Zod schema of the runtime's own guards, with defaults. */
export const RuntimeLimitsSchema = z.object({
  /** Placements allowed in any 60 s window; one more halts the runtime. */
  maxOrdersPerMinute: z.number().int().positive().default(30),
  /** Rejections in a row (no acceptance between) that halt the runtime. */
  maxConsecutiveRejections: z.number().int().positive().default(5),
  /** Seconds without a tick, inside a session, after which the runtime halts. */
  staleDataSeconds: z.number().positive().default(60),
  /** Seconds the market data connection may stay down before the runtime halts. */
  disconnectSeconds: z.number().positive().default(30),
  /** Whether a halt also closes open positions (with reduce-only market orders). */
  flattenOnHalt: z.boolean().default(false),
});

/** The runtime's own guards (validated, defaults applied). */
export type RuntimeLimits = z.output<typeof RuntimeLimitsSchema>;
