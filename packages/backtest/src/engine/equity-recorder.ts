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
  // The day's first, lowest, highest and last observations as plain numbers: recording a bar
  // allocates nothing; points are made when the day is flushed. `count` 0 means none yet.
  private count = 0;
  private firstTime = 0;
  private firstEquity = 0;
  private lowTime = 0;
  private lowEquity = 0;
  private highTime = 0;
  private highEquity = 0;
  private lastTime = 0;
  private lastEquity = 0;
  private readonly exact: EquityPoint[] = [];
  private finished = false;

  record(time: number, equity: number, exact: boolean): void {
    const d = istDayNumber(time);
    if (d !== this.day) this.flushDay(d);
    if (this.count === 0) {
      this.firstTime = this.lowTime = this.highTime = time;
      this.firstEquity = this.lowEquity = this.highEquity = equity;
    } else {
      if (equity < this.lowEquity) {
        this.lowTime = time;
        this.lowEquity = equity;
      }
      if (equity > this.highEquity) {
        this.highTime = time;
        this.highEquity = equity;
      }
    }
    this.count++;
    this.lastTime = time;
    this.lastEquity = equity;
    if (exact) this.exact.push({ time, equity });
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
    if (this.count > 0) {
      const candidates: EquityPoint[] = [
        { time: this.firstTime, equity: this.firstEquity },
        { time: this.lowTime, equity: this.lowEquity },
        { time: this.highTime, equity: this.highEquity },
        { time: this.lastTime, equity: this.lastEquity },
        ...this.exact,
      ];
      // Stable sort: at equal times the first, low, high, last order of the old code is kept.
      candidates.sort((a, b) => a.time - b.time);
      for (const p of candidates) {
        const prev = this.points[this.points.length - 1];
        if (prev !== undefined && prev.time === p.time) continue;
        this.points.push(p);
      }
      this.dailyCloses.push({ day: this.day, equity: this.lastEquity });
    }
    if (!Number.isNaN(nextDay)) this.day = nextDay;
    this.count = 0;
    this.exact.length = 0;
  }
}
