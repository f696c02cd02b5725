import { z } from 'zod';
import { BrokerPayloadError } from '../../errors/broker-errors.js';

/**
 * Kite's success envelope `{status:"success", data}` around a data schema.
 *
 * @example
 * ```ts
 * const OrderIdResponse = kiteSuccess(z.object({ order_id: z.string() }));
 * ```
 */
export function kiteSuccess<T extends z.ZodType>(data: T) {
  return z.object({ status: z.literal('success'), data });
}

/** Kite's success envelope with `data` left unchecked (checked next by the call's schema). */
export const KiteSuccessEnvelopeSchema = z.object({
  status: z.literal('success'),
  data: z.unknown(),
});

/** Kite's error envelope (KDOC/exceptions): `{status:"error", message, data:null, error_type}`. */
export const KiteErrorEnvelopeSchema = z.object({
  status: z.literal('error'),
  message: z.string(),
  error_type: z.string().optional(),
  data: z.unknown().optional(),
});
export type KiteErrorEnvelope = z.output<typeof KiteErrorEnvelopeSchema>;

/**
 * Validates a Kite payload or throws a {@link BrokerPayloadError} naming each offending field.
 *
 * @example
 * ```ts
 * const orders = parseKite(kiteSuccess(z.array(KiteOrderSchema)), json, 'order book').data;
 * ```
 */
export function parseKite<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new BrokerPayloadError(
    'kite',
    what,
    result.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
    ),
  );
}
