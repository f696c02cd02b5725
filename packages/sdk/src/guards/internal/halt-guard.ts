import type { StrategyContext } from '../../graph/strategy-context.js';
import type { RiskGuard } from '../../graph/stages.js';
import type { OrderIntent } from '../../model/order-intent.js';
import { guardOperator, type Emit } from './guard-operator.js';
import { isCancel, isExit } from './intent-role.js';
import { refuseEntry } from './limit-quantity.js';
import { haltedEvent } from './risk-events.js';

/** A condition that, once met, stops all entries for a period (or for good). */
export interface HaltRule {
  /** Guard name used in RiskEvents. */
  readonly guard: string;
  /** Why trading must stop now, or undefined while the limit is not reached. */
  readonly breach: (ctx: StrategyContext<unknown>) => string | undefined;
  /** Key of the period a halt lasts (IST day, IST week); omitted: the halt never lifts. */
  readonly period?: (time: number) => number;
}

/**
 * The shared machinery of the halting guards. The rule is checked on every market event (so a
 * limit reached between intents still trips, and is reported promptly) and before every intent.
 * On tripping it emits one 'halted' RiskEvent; from then on cancels and exits pass, an intent
 * that goes through zero is cut down to its closing part ('shrunk'), and entries are 'blocked'.
 */
export function haltGuard(rule: HaltRule): RiskGuard {
  return (ctx) =>
    guardOperator(ctx, () => {
      let halted = false;
      let haltedPeriod = 0;
      let haltReason = '';

      const update = (emit: Emit): void => {
        const now = ctx.clock.now();
        if (halted) {
          if (rule.period === undefined || rule.period(now) === haltedPeriod) return;
          halted = false;
          ctx.logger.info(`${rule.guard}: a new period began, halt lifted`, { time: now });
        }
        const reason = rule.breach(ctx);
        if (reason === undefined) return;
        halted = true;
        haltedPeriod = rule.period === undefined ? 0 : rule.period(now);
        haltReason = reason;
        ctx.logger.warn(`${rule.guard}: halted, only exits pass`, { time: now, reason });
        emit(haltedEvent(rule.guard, now, reason));
      };

      return {
        onMarket: (_event, emit) => update(emit),
        onIntent: (intent: OrderIntent, emit) => {
          if (isCancel(intent)) {
            emit(intent);
            return;
          }
          update(emit);
          if (!halted || isExit(intent, ctx.portfolio.positionQuantity(intent.instrument))) {
            emit(intent);
            return;
          }
          refuseEntry(ctx, rule.guard, intent, `halted (${haltReason}); only exits pass`, emit);
        },
      };
    });
}
