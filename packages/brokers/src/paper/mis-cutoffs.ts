import { ZERODHA_MIS_CUTOFFS, type MisCutoffs } from '@pravah/backtest';
import type { BrokerPlan } from '@pravah/costs-in';
import { istMinuteOfDay, type Instrument } from '@pravah/sdk';

/** MIS cut-offs as IST minutes of the day, per segment, plus the earliest (a cheap pre-check). */
export interface CutoffMinutes {
  readonly equity: number;
  readonly derivatives: number;
  readonly currency: number;
  readonly commodity: number;
  readonly earliest: number;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * The cut-offs a PaperBroker enforces: an explicit override, else the plan's own times, falling
 * back to Zerodha's for a segment the plan does not name (as the backtester does); `false` turns
 * auto square-off off.
 *
 * @example
 * ```ts
 * misCutoffMinutes(zerodha())?.equity; // 920 (15:20 IST)
 * ```
 */
export function misCutoffMinutes(
  plan: BrokerPlan,
  override?: MisCutoffs | false,
): CutoffMinutes | undefined {
  if (override === false) return undefined;
  const times = override ?? { ...ZERODHA_MIS_CUTOFFS, ...plan.misCutoffTimes() };
  const m = {
    equity: minutes(times.equity),
    derivatives: minutes(times.derivatives),
    currency: minutes(times.currency),
    commodity: minutes(times.commodity),
  };
  return { ...m, earliest: Math.min(m.equity, m.derivatives, m.currency, m.commodity) };
}

/**
 * True when `time` is at or after the MIS cut-off of the instrument's segment.
 *
 * @example
 * ```ts
 * isAfterMisCutoff(misCutoffMinutes(zerodha()), reliance, Date.UTC(2025, 10, 17, 9, 55)); // true (15:25 IST)
 * ```
 */
export function isAfterMisCutoff(
  cutoffs: CutoffMinutes | undefined,
  instrument: Instrument,
  time: number,
): boolean {
  if (cutoffs === undefined) return false;
  const { exchange } = instrument;
  const cutoff =
    exchange === 'NFO' || exchange === 'BFO'
      ? cutoffs.derivatives
      : exchange === 'CDS' || exchange === 'BCD'
        ? cutoffs.currency
        : exchange === 'MCX'
          ? cutoffs.commodity
          : cutoffs.equity;
  return istMinuteOfDay(time) >= cutoff;
}
