import { istDayNumber } from './ist-day.js';

/** One point of the equity curve. */
export interface EquityPoint {
  readonly time: number;
  readonly equity: number;
}

/**
 * Keeps the equity curve bounded: per IST day it keeps the first, lowest, highest and last
 * observations (so every intraday drawdown survives), plus an exact point at every time a fill
 * happened. Memory grows with days and trades, not with bars.
 */
export class EquityRecorder {
  private readonly points: EquityPoint[] = [];
  private readonly dailyCloses: { day: number; equity: number }[] = [];
  private day = Number.NaN;
  private first: EquityPoint | undefined;
  private low: EquityPoint | undefined;
  private high: EquityPoint | undefined;
  private last: EquityPoint | undefined;
  private readonly exact: EquityPoint[] = [];
  private finished = false;

  record(time: number, equity: number, exact: boolean): void {
    const d = istDayNumber(time);
    if (d !== this.day) this.flushDay(d);
    const point = { time, equity };
    this.first ??= point;
    if (this.low === undefined || equity < this.low.equity) this.low = point;
    if (this.high === undefined || equity > this.high.equity) this.high = point;
    this.last = point;
    if (exact) this.exact.push(point);
  }

  /**
   * Ends recording and returns the curve (time-ordered, no duplicate times) and the closing
   * equity of each IST day. Idempotent; nothing may be recorded afterwards.
   */
  finish(): { curve: readonly EquityPoint[]; closes: readonly { day: number; equity: number }[] } {
    if (!this.finished) {
      this.flushDay(Number.NaN);
      this.finished = true;
    }
    return { curve: this.points, closes: this.dailyCloses };
  }

  private flushDay(nextDay: number): void {
    if (this.last !== undefined) {
      const candidates = [this.first, this.low, this.high, this.last, ...this.exact].filter(
        (p): p is EquityPoint => p !== undefined,
      );
      candidates.sort((a, b) => a.time - b.time);
      for (const p of candidates) {
        const prev = this.points[this.points.length - 1];
        if (prev !== undefined && prev.time === p.time) continue;
        this.points.push(p);
      }
      this.dailyCloses.push({ day: this.day, equity: this.last.equity });
    }
    if (!Number.isNaN(nextDay)) this.day = nextDay;
    this.first = this.low = this.high = this.last = undefined;
    this.exact.length = 0;
  }
}
