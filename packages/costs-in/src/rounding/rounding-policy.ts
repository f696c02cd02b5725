import { parseWith } from '@pravah/sdk';
import { z } from 'zod';
import type { RoundingUnit } from '../money/index.js';

/**
 * Rounding of a levy where it is assessed: to the rupee or paisa, per order or per contract note
 * (one client, one segment, one day). A rounded levy is the amount owed: it enters the total as
 * rounded.
 */
export interface LevyRounding {
  readonly to: RoundingUnit;
  readonly per: 'order' | 'contract-note';
}

/**
 * How charges are rounded (COSTS.md §1.10), as data:
 * - `stt` and `stampDuty`: assessment rounding of those levies (or null: not rounded when assessed);
 * - `lines`: each reported line (and each contract-note line total) to the paisa, or null for exact;
 * - `total`: `round-of-sum` = the unrounded (assessed) components summed, then rounded like a line
 *   (Kite's rule); `sum-of-lines` = the sum of the reported lines (a printed contract note).
 */
export interface RoundingPolicy {
  readonly name: string;
  readonly stt: LevyRounding | null;
  readonly stampDuty: LevyRounding | null;
  readonly lines: RoundingUnit | null;
  readonly total: 'round-of-sum' | 'sum-of-lines';
}

const LevyRoundingSchema = z
  .strictObject({ to: z.enum(['rupee', 'paisa']), per: z.enum(['order', 'contract-note']) })
  .nullable();

/** Zod schema of a {@link RoundingPolicy}. */
export const RoundingPolicySchema = z.strictObject({
  name: z.string().min(1),
  stt: LevyRoundingSchema,
  stampDuty: LevyRoundingSchema,
  lines: z.enum(['rupee', 'paisa']).nullable(),
  total: z.enum(['round-of-sum', 'sum-of-lines']),
});

/**
 * A rounding policy from its parts, validated (a bad part throws a ValidationError naming it).
 *
 * @example
 * ```ts
 * // Kite's 2022 docs mock: stamp to the paisa per order, everything else unrounded.
 * const kiteMock = roundingPolicy({ name: 'kite-docs-mock', stt: null,
 *   stampDuty: { to: 'paisa', per: 'order' }, lines: null, total: 'round-of-sum' });
 * ```
 */
export function roundingPolicy(spec: RoundingPolicy): RoundingPolicy {
  const parsed = parseWith(RoundingPolicySchema, spec, 'rounding policy');
  return Object.freeze({
    ...parsed,
    stt: parsed.stt && Object.freeze({ ...parsed.stt }),
    stampDuty: parsed.stampDuty && Object.freeze({ ...parsed.stampDuty }),
  });
}

/**
 * Kite's virtual contract note (`POST /charges/orders`): stamp duty to the rupee per order,
 * every other line to the paisa, total = the unrounded sum rounded to the paisa. The default.
 *
 * @example
 * ```ts
 * charges(order, { plan: zerodha(), rounding: perOrderRounding });
 * ```
 */
export const perOrderRounding: RoundingPolicy = roundingPolicy({
  name: 'per-order (Kite virtual contract note)',
  stt: null,
  stampDuty: { to: 'rupee', per: 'order' },
  lines: 'paisa',
  total: 'round-of-sum',
});

/**
 * A printed contract note (P8): STT/CTT to the rupee per contract note (per segment per day,
 * STT Rules 2004 rule 4), stamp duty to the paisa per contract note, every line total to the
 * paisa, and the note's total is the sum of its lines. `charges()` treats its order as a
 * one-order note.
 *
 * @example
 * ```ts
 * contractNote(fills, { plan: zerodha(), rounding: perContractNoteRounding });
 * ```
 */
export const perContractNoteRounding: RoundingPolicy = roundingPolicy({
  name: 'per contract note',
  stt: { to: 'rupee', per: 'contract-note' },
  stampDuty: { to: 'paisa', per: 'contract-note' },
  lines: 'paisa',
  total: 'sum-of-lines',
});

/**
 * Every line to the paisa and nothing to the rupee; total = the unrounded sum rounded to the
 * paisa. What a spreadsheet does (COSTS.md C1, C5–C7; the P6–P7 community examples).
 *
 * @example
 * ```ts
 * charges(order, { plan: zerodha(), rounding: paisaRounding });
 * ```
 */
export const paisaRounding: RoundingPolicy = roundingPolicy({
  name: 'paisa',
  stt: null,
  stampDuty: null,
  lines: 'paisa',
  total: 'round-of-sum',
});

/**
 * No rounding at all: exact amounts, as Kite's API mocks print them before display.
 *
 * @example
 * ```ts
 * charges(order, { plan: zerodha(), rounding: exactRounding }).stt.toString(); // '1.498'
 * ```
 */
export const exactRounding: RoundingPolicy = roundingPolicy({
  name: 'exact',
  stt: null,
  stampDuty: null,
  lines: null,
  total: 'round-of-sum',
});
