import { z } from 'zod';
import { SEGMENTS } from '../schedules/types.js';
import { MIS_SEGMENTS } from './types.js';

/** A non-negative rupee amount or percentage: a finite number or a decimal string. */
const AmountSchema = z.union([
  z.number().finite().nonnegative(),
  z.string().regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal number, e.g. "13.5"'),
]);

const IsoDateSchema = z.iso.date('must be a calendar date YYYY-MM-DD');
const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be an IST time HH:MM');

const ProvenanceShape = {
  confidence: z.enum(['confirmed', 'secondary', 'unconfirmed']).optional(),
  source: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
};

/** `{ flat: 20 }` or `{ percent: 0.03, cap: 20, minimum?: 2 }` (percent of value). */
export const BrokerageRuleSpecSchema = z.union([
  z.strictObject({ flat: AmountSchema }),
  z.strictObject({
    percent: AmountSchema,
    cap: AmountSchema.optional(),
    minimum: AmountSchema.optional(),
  }),
]);

const DatedRuleSchema = z.strictObject({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  rule: BrokerageRuleSpecSchema,
  ...ProvenanceShape,
});

const DatedAmountSchema = z.strictObject({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  amount: AmountSchema,
  ...ProvenanceShape,
});

const CutoffSchema = z.union([
  TimeSchema,
  z.strictObject({
    beforeClose: z.union([
      z.number().int().positive().max(600),
      z.record(TimeSchema, z.number().int().positive().max(600)),
    ]),
  }),
]);

/** Dated entries of one schedule must be ordered, well-formed and must not overlap. */
function checkDated(
  rows: readonly { from?: string | undefined; to?: string | undefined }[],
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  rows.forEach((row, i) => {
    if (row.from !== undefined && row.to !== undefined && row.to < row.from) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'to'],
        message: 'must not be before from',
      });
    }
  });
  const sorted = rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (a.row.from ?? '').localeCompare(b.row.from ?? ''));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!.row;
    const next = sorted[k]!;
    if (prev.to === undefined || (next.row.from ?? '') <= prev.to) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, next.i, 'from'],
        message:
          'overlaps an earlier entry: give each entry a from/to so that date ranges do not overlap',
      });
    }
  }
}

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];

/** Zod schema of {@link customPlan}'s input. */
export const PlanSpecSchema = z
  .strictObject({
    name: z.string().min(1),
    brokerage: z.partialRecord(
      z.enum(SEGMENTS),
      z.union([BrokerageRuleSpecSchema, z.array(DatedRuleSchema).min(1)]),
    ),
    dpCharge: z.union([AmountSchema, z.array(DatedAmountSchema).min(1)]).optional(),
    autoSquareOffFee: z.union([AmountSchema, z.array(DatedAmountSchema).min(1)]).optional(),
    gstOnIpft: z.boolean().default(true),
    misCutoffs: z.partialRecord(z.enum(MIS_SEGMENTS), CutoffSchema).default({}),
  })
  .superRefine((spec, ctx) => {
    for (const [segment, value] of Object.entries(spec.brokerage)) {
      if (Array.isArray(value)) checkDated(value, ctx, ['brokerage', segment]);
    }
    if (Array.isArray(spec.dpCharge)) checkDated(asList(spec.dpCharge), ctx, ['dpCharge']);
    if (Array.isArray(spec.autoSquareOffFee)) {
      checkDated(asList(spec.autoSquareOffFee), ctx, ['autoSquareOffFee']);
    }
  });

/** What {@link customPlan} accepts (amounts as numbers or decimal strings). */
export type PlanSpec = z.input<typeof PlanSpecSchema>;
/** A validated plan spec. */
export type ParsedPlanSpec = z.output<typeof PlanSpecSchema>;
