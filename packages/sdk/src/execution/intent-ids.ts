import type { InstrumentId } from '../model/instrument.js';

/**
 * Deterministic intent ids `${prefix}-${instrument}-${n}`, counted per instrument from 1. One
 * instance per subscription of a stage: ids depend only on what that stage saw for that
 * instrument, so they repeat exactly across runs and do not change when other instruments'
 * events arrive in another order. Stages of one strategy must use distinct prefixes.
 */
export class IntentIds {
  private readonly prefix: string;
  private readonly counters = new Map<InstrumentId, number>();

  constructor(prefix: string) {
    this.prefix = prefix;
  }

  next(instrument: InstrumentId): string {
    const n = (this.counters.get(instrument) ?? 0) + 1;
    this.counters.set(instrument, n);
    return `${this.prefix}-${instrument}-${n}`;
  }
}

/** Id of slice `k` (from 1) of a sliced intent. */
export function sliceId(id: string, k: number): string {
  return `${id}.${k}`;
}

/** Whether `orderId` is the intent `id` itself or one of its slices. */
export function isSameOrSliceOf(orderId: string, id: string): boolean {
  if (orderId === id) return true;
  if (orderId.length <= id.length + 1 || !orderId.startsWith(id) || orderId[id.length] !== '.')
    return false;
  for (let i = id.length + 1; i < orderId.length; i += 1) {
    const c = orderId.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
