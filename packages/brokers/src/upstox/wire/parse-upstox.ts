import type { z } from 'zod';
import { BrokerPayloadError } from '../../errors/broker-errors.js';

/**
 * Validates an Upstox wire payload, turning schema failures into {@link BrokerPayloadError}
 * naming each offending field.
 *
 * @example
 * ```ts
 * const order = parseUpstox(UpstoxOrderSchema, json, 'order');
 * ```
 */
export function parseUpstox<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new BrokerPayloadError(
    'upstox',
    what,
    parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`),
  );
}
