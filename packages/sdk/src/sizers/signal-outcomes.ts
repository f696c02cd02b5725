import type { InstrumentId } from '../model/instrument.js';
import type { SignalEvent } from '../model/signal-event.js';

interface VirtualPosition {
  direction: 'long' | 'short';
  entry: number;
}

/** Win rate and payoff over the recorded outcomes. */
export interface OutcomeStats {
  /** Outcomes in the window. */
  readonly count: number;
  /** Share of outcomes with a positive return, 0..1. */
  readonly winRate: number;
  /** Mean return of winners (≥ 0) and mean loss of the others as a positive number (≥ 0). */
  readonly averageWin: number;
  readonly averageLoss: number;
}

/**
 * Learns trade outcomes from the signal sequence alone, as if each signal were followed at its
 * own price: a `long` or `short` signal opens a virtual position per instrument at the signal
 * price; the next signal of another direction for that instrument closes it at that signal's
 * price, recording the return `±(exit / entry − 1)`; repeated signals in the same direction keep
 * the first entry. Outcomes of all instruments go into one rolling window of the last `lookback`.
 * Independent of fills, costs and sizing, hence deterministic and free of look-ahead.
 */
export class SignalOutcomes {
  private readonly returns: Float64Array;
  private readonly open = new Map<InstrumentId, VirtualPosition>();
  private next = 0;
  private filled = 0;

  constructor(lookback: number) {
    this.returns = new Float64Array(lookback);
  }

  /** Closes and/or opens the instrument's virtual position for this signal. */
  observe(signal: SignalEvent): void {
    const held = this.open.get(signal.instrument);
    if (held !== undefined && held.direction === signal.direction) return;
    if (held !== undefined) {
      const change = signal.price / held.entry - 1;
      this.record(held.direction === 'long' ? change : -change);
      this.open.delete(signal.instrument);
    }
    if (signal.direction !== 'flat') {
      this.open.set(signal.instrument, { direction: signal.direction, entry: signal.price });
    }
  }

  private record(value: number): void {
    this.returns[this.next] = value;
    this.next = (this.next + 1) % this.returns.length;
    if (this.filled < this.returns.length) this.filled += 1;
  }

  /** Statistics of the window, recomputed from the buffer (O(lookback), once per signal). */
  stats(): OutcomeStats {
    let wins = 0;
    let winSum = 0;
    let lossSum = 0;
    for (let i = 0; i < this.filled; i += 1) {
      const r = this.returns[i] ?? 0;
      if (r > 0) {
        wins += 1;
        winSum += r;
      } else {
        lossSum -= r;
      }
    }
    const losses = this.filled - wins;
    return {
      count: this.filled,
      winRate: this.filled === 0 ? 0 : wins / this.filled,
      averageWin: wins === 0 ? 0 : winSum / wins,
      averageLoss: losses === 0 ? 0 : lossSum / losses,
    };
  }
}

/**
 * Full Kelly fraction `W − (1 − W) / R` with payoff `R = averageWin / averageLoss`, where losses
 * of zero mean no downside was seen (`W`) and no wins mean no edge (0). Never negative.
 */
export function kellyFraction(stats: OutcomeStats): number {
  if (stats.count === 0 || stats.averageWin === 0) return 0;
  if (stats.averageLoss === 0) return stats.winRate;
  const payoff = stats.averageWin / stats.averageLoss;
  const kelly = stats.winRate - (1 - stats.winRate) / payoff;
  return kelly > 0 ? kelly : 0;
}
