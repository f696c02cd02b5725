import type { InstrumentId } from './instrument.js';
import type { OrderIntent } from './order-intent.js';

/** What a guard did to an intent. */
export type RiskAction = 'blocked' | 'shrunk' | 'halted';

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
  readonly intent?: OrderIntent;
  /** The shrunk intent that went on, for `shrunk`. */
  readonly replacement?: OrderIntent;
  readonly reason: string;
}
