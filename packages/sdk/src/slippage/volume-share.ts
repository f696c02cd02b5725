import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { roundToTickAdverse } from './round-to-tick.js';
import type { SlippageModel } from './slippage-model.js';

/** Options of {@link volumeShare}. */
export interface VolumeShareOptions {
  /**
   * Impact coefficient (Y, dimensionless, >= 0): the price move, as a fraction of price, of a
   * fill that takes the whole period's volume when `volatility` is 1. Empirical estimates of Y
   * for equities are of order 1 when `volatility` is the daily volatility.
   */
  readonly impact: number;
  /**
   * Volatility of returns over the same period as the quote's volume, as a fraction
   * (0.015 = 1.5 %). Default 1, which folds volatility into `impact`.
   */
  readonly volatility?: number;
  /**
   * Largest participation (fill quantity / period volume) priced, in (0, 1]. Default 1. It bounds
   * the impact of fills on thin or zero-volume periods, and is exposed for venues that cap fill
   * sizes, which should use the same figure so that no fill exceeds it.
   */
  readonly participationCap?: number;
}

const VolumeShareOptionsSchema = z.strictObject({
  impact: z.number().nonnegative().finite(),
  volatility: z.number().nonnegative().finite().default(1),
  participationCap: z.number().gt(0).max(1).default(1),
});

/**
 * Square-root market impact: a fill that takes a larger share of the traded volume moves the
 * price further, with diminishing effect.
 *
 * ```
 * participation = min(fill quantity / volume, participationCap)   (the cap when volume is 0 or unknown)
 * impact        = impact × volatility × √participation            (a fraction of price)
 * price         = fill price × (1 ± impact), rounded to the tick against the trader
 * ```
 *
 * This is the square-root law of market impact (Almgren, Thum, Hauptmann and Li, "Direct
 * Estimation of Equity Market Impact", 2005; Tóth et al., "Anomalous Price Impact and the
 * Critical Nature of Liquidity in Financial Markets", 2011), in the form zipline uses for its
 * `VolatilityVolumeShare` model (zipline-reloaded `src/zipline/finance/slippage.py`:
 * `MI = eta * sigma * sqrt(psi)`). Volume comes from the quote: a bar's volume, or a tick's traded
 * quantity; choose `volatility` for the same period. A sell never prices below one tick.
 *
 * @example
 * ```ts
 * // 1% daily volatility, Y = 1: 500 shares of a 36,239-share minute is √0.0138 × 1% ≈ 0.117%.
 * const model = volumeShare({ impact: 1, volatility: 0.01 });
 * model.adjust({ side: 'BUY', quantity: 500, price: 348.5 }, { price: 348.5, volume: 36_239, tickSize: 0.05 }); // 348.95
 * ```
 */
export function volumeShare(options: VolumeShareOptions): SlippageModel {
  const { impact, volatility, participationCap } = parseWith(
    VolumeShareOptionsSchema,
    options,
    'volumeShare options',
  );
  const scale = impact * volatility;
  const model: SlippageModel = {
    name: `volumeShare(impact=${impact}, volatility=${volatility}, participationCap=${participationCap})`,
    participationCap,
    adjust: (fill, quote) => {
      const volume = quote.volume;
      const participation =
        volume !== undefined && volume > 0
          ? Math.min(fill.quantity / volume, participationCap)
          : participationCap;
      const move = fill.price * scale * Math.sqrt(participation);
      const price =
        fill.side === 'BUY' ? fill.price + move : Math.max(quote.tickSize, fill.price - move);
      return roundToTickAdverse(price, fill.side, quote.tickSize);
    },
  };
  return Object.freeze(model);
}
