import { Atr } from '../../indicators/atr.js';
import { Ema } from '../../indicators/ema.js';
import type { Indicator, OhlcvInput } from '../../indicators/indicator.js';

/**
 * Where the close sits in a Keltner channel, in ATRs from its centre: `(close - EMA) / ATR`.
 * Above 1 is outside the upper channel line (multiplier 1). Undefined until both are ready, or
 * while the ATR is 0.
 */
export class KeltnerPosition implements Indicator<OhlcvInput, number> {
  private readonly ema: Ema;
  private readonly atr: Atr;
  private current: number | undefined;

  constructor(emaPeriod: number, atrPeriod: number) {
    this.ema = new Ema(emaPeriod);
    this.atr = new Atr(atrPeriod);
  }

  update(bar: OhlcvInput): number | undefined {
    const centre = this.ema.update(bar.close);
    const atr = this.atr.update(bar);
    this.current =
      centre === undefined || atr === undefined || !(atr > 0)
        ? undefined
        : (bar.close - centre) / atr;
    return this.current;
  }

  get value(): number | undefined {
    return this.current;
  }

  get isReady(): boolean {
    return this.current !== undefined;
  }

  reset(): void {
    this.ema.reset();
    this.atr.reset();
    this.current = undefined;
  }
}
