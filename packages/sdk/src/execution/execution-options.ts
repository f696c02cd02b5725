import { z } from 'zod';
import { ValiditySchema, type Validity } from '../model/exchange.js';

/** Options every target-driven execution model accepts. */
export interface ExecutionOptions {
  /**
   * First part of intent ids, `${idPrefix}-${instrument}-${n}`. Each model has its own default;
   * set distinct prefixes when one strategy uses the same model twice.
   */
  readonly idPrefix?: string;
  /**
   * Send a reversal (long to short or back) as two intents: a reduce-only close of the current
   * position and an order opening the other side, so that a risk halt can still let the close
   * through. Default `true`; `false` sends one order for the whole difference.
   */
  readonly splitReversals?: boolean;
  /** Validity of new orders. Default `'DAY'`. */
  readonly validity?: Validity;
}

/** Zod shape of {@link ExecutionOptions} (defaults applied), spread into each model's schema. */
export function executionOptionsShape(defaultPrefix: string) {
  return {
    idPrefix: z.string().min(1).default(defaultPrefix),
    splitReversals: z.boolean().default(true),
    validity: ValiditySchema.default('DAY'),
  };
}

/** A time-to-live: whole milliseconds > 0. */
export const TtlSchema = z.number().int().positive().optional();

/** A count of ticks. */
export const TicksSchema = z.number().int();
