import type { ExecutionModel } from '../graph/stages.js';
import type { OrderIntent } from '../model/order-intent.js';
import { ExecutionError } from './execution-error.js';
import { sliceId } from './intent-ids.js';
import { perSubscription } from './per-subscription.js';

/**
 * Splits intents above the instrument's freeze quantity (the most one order may carry) into
 * slices of at most the freeze quantity rounded down to whole lots: full slices first, the rest
 * last, so the slices sum to the original quantity and each is a whole number of lots.
 *
 * Slice `k` (from 1) of intent `X` gets id `X.k`. Links are kept per slice: a child of a sliced
 * parent that is sliced into as many slices waits for the parent slice of the same number; any
 * other child waits for the parent's last slice. A sliced member of an OCO group gets the group
 * `G.k`, so stop and target slices of equal size pair up (one filling cancels only its partner).
 * Cancels and replacements (intents with `cancelId`) pass unchanged: they name an existing
 * order; keep replacements within the freeze quantity. Instruments without a freeze quantity
 * pass unchanged.
 *
 * @example
 * ```ts
 * const execution = sliceAboveFreeze(bracketExecution());
 * // NIFTY (lot 75, freeze 1800) BUY 4050 → brk-…-1.1 1800, brk-…-1.2 1800, brk-…-1.3 450
 * ```
 */
export function sliceAboveFreeze<P>(execution: ExecutionModel<P>): ExecutionModel<P> {
  return (ctx) => (source) =>
    source.pipe(
      execution(ctx),
      perSubscription<OrderIntent, OrderIntent>(() => {
        // Slice counts of the intents split so far, for their children.
        const sliceCounts = new Map<string, number>();
        return (intent, emit) => {
          const freeze = ctx.instruments.get(intent.instrument).freezeQuantity;
          if (intent.cancelId !== undefined || freeze === undefined) {
            emit(intent);
            return;
          }
          const lot = ctx.instruments.get(intent.instrument).lotSize;
          const largest = Math.floor(freeze / lot) * lot;
          if (largest === 0) {
            throw new ExecutionError(
              'sliceAboveFreeze',
              'instrument.freezeQuantity',
              freeze,
              `it is below one lot (${lot}) of ${intent.instrument}, so no order can be placed; fix the instrument data`,
            );
          }
          const parentSlices =
            intent.parentId === undefined ? undefined : sliceCounts.get(intent.parentId);
          if (intent.quantity <= largest) {
            emit(
              parentSlices === undefined
                ? intent
                : { ...intent, parentId: sliceId(intent.parentId ?? '', parentSlices) },
            );
            return;
          }
          const count = Math.ceil(intent.quantity / largest);
          sliceCounts.set(intent.id, count);
          for (let k = 1; k <= count; k += 1) {
            const quantity = k < count ? largest : intent.quantity - largest * (count - 1);
            const parentId =
              intent.parentId === undefined || parentSlices === undefined
                ? intent.parentId
                : sliceId(intent.parentId, parentSlices === count ? k : parentSlices);
            emit({
              ...intent,
              id: sliceId(intent.id, k),
              quantity,
              ...(parentId !== undefined ? { parentId } : {}),
              ...(intent.ocoGroup !== undefined ? { ocoGroup: sliceId(intent.ocoGroup, k) } : {}),
              reason: `${intent.reason} [slice ${k}/${count}]`,
            });
          }
        };
      }),
    );
}
