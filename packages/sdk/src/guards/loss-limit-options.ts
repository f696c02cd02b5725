import { z } from 'zod';
import { parseWith } from '../errors/parse.js';

/** Options of the percentage-based halting guards. */
export interface LossLimitOptions {
  /** Loss, as a percentage of the reference equity, at which the guard halts. In (0, 100]. */
  readonly percent?: number;
}

/** Validates {@link LossLimitOptions}, applying the guard's default percentage. */
export function parseLossLimitOptions(
  options: LossLimitOptions | undefined,
  defaultPercent: number,
  guard: string,
): { readonly percent: number } {
  const schema = z.strictObject({
    percent: z.number().gt(0).max(100).default(defaultPercent),
  });
  return parseWith(schema, options ?? {}, `${guard} options`);
}
