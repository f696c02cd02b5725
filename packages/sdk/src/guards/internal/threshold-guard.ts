import type { RiskGuard } from '../../graph/stages.js';
import type { OrderIntent } from '../../model/order-intent.js';
import { guardOperator } from './guard-operator.js';
import { isCancel, isExit } from './intent-role.js';
import { refuseEntry } from './limit-quantity.js';

/** What a threshold guard reads from an intent and how it words its verdicts. */
export interface ThresholdRule {
  readonly guard: string;
  /** Human name of the figure, e.g. `confidence`. */
  readonly figure: string;
  readonly minimum: number;
  readonly read: (intent: OrderIntent) => number | undefined;
  /** What to do with an entry that does not carry the figure. */
  readonly missing: 'block' | 'pass';
}

/** Passes entries whose figure is at least `minimum`; cancels and exits always pass. */
export function thresholdGuard(rule: ThresholdRule): RiskGuard {
  return (ctx) =>
    guardOperator(ctx, () => ({
      onIntent: (intent, emit) => {
        if (isCancel(intent) || isExit(intent, ctx.portfolio.positionQuantity(intent.instrument))) {
          emit(intent);
          return;
        }
        const value = rule.read(intent);
        if (value === undefined) {
          if (rule.missing === 'pass') emit(intent);
          else {
            const reason = `the intent carries no ${rule.figure}; pass { missing: 'pass' } to let such intents through`;
            refuseEntry(ctx, rule.guard, intent, reason, emit);
          }
          return;
        }
        if (value >= rule.minimum) {
          emit(intent);
          return;
        }
        const reason = `${rule.figure} ${value} is below the minimum ${rule.minimum}`;
        refuseEntry(ctx, rule.guard, intent, reason, emit);
      },
    }));
}
