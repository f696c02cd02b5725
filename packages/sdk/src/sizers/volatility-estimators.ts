import { Atr } from '../indicators/atr.js';
import { RollingStdDev } from '../indicators/rolling-std-dev.js';
import type { Bar } from '../model/bar.js';

/** A rupee-denominated volatility of one instrument, fed with its bars. */
export interface VolatilityEstimator {
  update(bar: Bar): void;
  /** Current volatility in rupees per unit, or `undefined` while warming up. */
  readonly value: number | undefined;
}

/** Wilder's average true range of the bars ({@link Atr}). */
export class AtrEstimator implements VolatilityEstimator {
  private readonly atr: Atr;

  constructor(period: number) {
    this.atr = new Atr(period);
  }

  update(bar: Bar): void {
    this.atr.update(bar);
  }

  get value(): number | undefined {
    return this.atr.value;
  }
}

/** Population standard deviation of the last `period` close-to-close changes ({@link RollingStdDev}). */
export class PriceChangeStdevEstimator implements VolatilityEstimator {
  private readonly deviation: RollingStdDev;
  private previousClose = Number.NaN;

  constructor(period: number) {
    this.deviation = new RollingStdDev(period);
  }

  update(bar: Bar): void {
    if (!Number.isNaN(this.previousClose)) this.deviation.update(bar.close - this.previousClose);
    this.previousClose = bar.close;
  }

  get value(): number | undefined {
    return this.deviation.value;
  }
}
