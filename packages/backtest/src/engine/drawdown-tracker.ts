/** Maximum drawdown of an equity series with its peak, trough and recovery times, online. */
export interface DrawdownSummary {
  /** Largest fall from a running peak, as a positive fraction (0.12 = 12%). */
  readonly maxDrawdown: number;
  readonly peakTime: number | undefined;
  readonly troughTime: number | undefined;
  /** First time equity regained the peak after the trough; undefined if it never did. */
  readonly recoveryTime: number | undefined;
}

/** Tracks the maximum drawdown exactly over every equity observation, in O(1) per update. */
export class DrawdownTracker {
  private peak = Number.NEGATIVE_INFINITY;
  private peakAt: number | undefined;
  private best: DrawdownSummary = {
    maxDrawdown: 0,
    peakTime: undefined,
    troughTime: undefined,
    recoveryTime: undefined,
  };
  private awaitingRecovery = false;

  update(time: number, equity: number): void {
    if (equity >= this.peak) {
      if (this.awaitingRecovery && equity >= this.peak) {
        this.best = { ...this.best, recoveryTime: time };
        this.awaitingRecovery = false;
      }
      this.peak = equity;
      this.peakAt = time;
      return;
    }
    const dd = this.peak > 0 ? (this.peak - equity) / this.peak : 0;
    if (dd > this.best.maxDrawdown) {
      this.best = {
        maxDrawdown: dd,
        peakTime: this.peakAt,
        troughTime: time,
        recoveryTime: undefined,
      };
      this.awaitingRecovery = true;
    }
  }

  peakEquity(): number {
    return this.peak;
  }

  summary(): DrawdownSummary {
    return this.best;
  }
}
