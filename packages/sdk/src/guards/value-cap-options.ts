import { z } from 'zod';
import { parseWith } from '../errors/parse.js';

/** Options of {@link maxOrderValue} and {@link maxPositionValue}. */
export interface ValueCapOptions {
  /**
   * Cap as a percentage of current equity, > 0. Above 100 is allowed for leveraged products
   * (futures, MIS), whose notional value can exceed equity.
   */
  readonly percentOfEquity: number;
}

const ValueCapOptionsSchema = z.strictObject({
  percentOfEquity: z.number().gt(0).finite(),
});

/** Validates {@link ValueCapOptions}. */
export function parseValueCapOptions(options: ValueCapOptions, guard: string): ValueCapOptions {
  return parseWith(ValueCapOptionsSchema, options, `${guard} options`);
}
