import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { freezeMessage } from './freeze.js';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';
import { OrderIntentSchema, type OrderIntent } from './order-intent.js';

/** What a guard did to an intent. */
export const RISK_ACTIONS = ['blocked', 'shrunk', 'halted'] as const;
export type RiskAction = (typeof RISK_ACTIONS)[number];
/** Zod schema of a {@link RiskAction}. */
export const RiskActionSchema = z.enum(RISK_ACTIONS);

/**
 * Emitted by a RiskGuard whenever it blocks or shrinks an intent or trips a halt, so that
 * nothing is ever dropped silently.
 */
export interface RiskEvent {
  readonly kind: 'risk';
  readonly time: number;
  /** Name of the guard, e.g. `dailyLossLimit`. */
  readonly guard: string;
  readonly action: RiskAction;
  readonly instrument?: InstrumentId;
  /** The intent acted on (required for `blocked` and `shrunk`). */
  readonly intent?: OrderIntent;
  /** The shrunk intent that went on, for `shrunk`. */
  readonly replacement?: OrderIntent;
  readonly reason: string;
}

/**
 * Zod schema of a {@link RiskEvent}: blocked and shrunk events carry the intent, a shrunk one
 * also the smaller replacement for the same instrument and side.
 */
export const RiskEventSchema = z
  .object({
    kind: z.literal('risk'),
    time: z.number().int(),
    guard: z.string().min(1),
    action: RiskActionSchema,
    instrument: InstrumentIdSchema.optional(),
    intent: OrderIntentSchema.optional(),
    replacement: OrderIntentSchema.optional(),
    reason: z.string().min(1),
  })
  .superRefine((r, ctx) => {
    const issue = (path: string[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    if ((r.action === 'blocked' || r.action === 'shrunk') && r.intent === undefined) {
      issue(['intent'], `a ${r.action} event carries the intent it acted on`);
    }
    if (r.action === 'shrunk') {
      if (r.replacement === undefined) {
        issue(['replacement'], 'a shrunk event carries the smaller intent that went on');
      } else if (r.intent !== undefined) {
        if (r.replacement.quantity >= r.intent.quantity) {
          issue(['replacement', 'quantity'], `must be below the original ${r.intent.quantity}`);
        }
        if (
          r.replacement.instrument !== r.intent.instrument ||
          r.replacement.side !== r.intent.side
        ) {
          issue(['replacement'], 'must keep the instrument and side of the original intent');
        }
      }
    } else if (r.replacement !== undefined) {
      issue(['replacement'], `only a shrunk event has a replacement, not a ${r.action} one`);
    }
    if (
      r.instrument !== undefined &&
      r.intent !== undefined &&
      r.instrument !== r.intent.instrument
    ) {
      issue(['instrument'], `must equal the intent's instrument ${r.intent.instrument}`);
    }
  });

/**
 * Validates a risk event and returns it deep-frozen; throws a ValidationError otherwise.
 *
 * @example
 * ```ts
 * const event = parseRiskEvent({ kind: 'risk', time: 0, guard: 'killSwitch', action: 'halted',
 *   reason: 'operator pressed the kill switch' });
 * ```
 */
export function parseRiskEvent(input: unknown): RiskEvent {
  return freezeMessage(parseWith(RiskEventSchema, input, 'risk event'));
}
