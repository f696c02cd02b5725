import type { Indicator, OhlcvInput } from '../indicators/indicator.js';
import type { MarketEvent } from '../model/market-event.js';

/**
 * Makes a fresh indicator. Signals take factories rather than instances because they keep one
 * indicator per instrument (and per subscription), so no state is ever shared.
 *
 * @example
 * ```ts
 * const fast: IndicatorFactory = () => new Sma(10);
 * ```
 */
export type IndicatorFactory<In = number, Out = number> = () => Indicator<In, Out>;

/**
 * Which price of an event feeds a numeric indicator. A tick has one price, so every choice reads
 * the tick's last price. A function receives the event and must return a finite number.
 *
 * `hl2` = (high + low) / 2, `hlc3` = (high + low + close) / 3, `ohlc4` = (open + high + low + close) / 4.
 *
 * @example
 * ```ts
 * const typical: PriceSource = 'hlc3';
 * ```
 */
export type PriceSource =
  'open' | 'high' | 'low' | 'close' | 'hl2' | 'hlc3' | 'ohlc4' | ((event: MarketEvent) => number);

/**
 * A number series that a signal reads on every event:
 * - `'price'`: the source price itself (see {@link PriceSource});
 * - a numeric indicator factory, fed the source price (`() => new Sma(10)`);
 * - `{ ohlcv: factory }`: an indicator fed the whole bar (`{ ohlcv: () => new Atr(14) }`); a tick
 *   is fed as a bar whose open, high, low and close are its price.
 *
 * @example
 * ```ts
 * const vwap: Series = { ohlcv: () => new SessionVwap() };
 * ```
 */
export type Series =
  | 'price'
  | IndicatorFactory<number, number>
  | { readonly ohlcv: IndicatorFactory<OhlcvInput, number> };

/**
 * Options every stock signal understands.
 *
 * @example
 * ```ts
 * const common: SignalOptions = { allowShort: true, confidence: 0.8, name: 'SMA 10/30' };
 * ```
 */
export interface SignalOptions {
  /**
   * When false (the default) a bearish opinion is expressed as `flat`; when true, as `short`.
   */
  readonly allowShort?: boolean;
  /** Confidence (0..1) attached to every opinion the signal emits. Default 1. */
  readonly confidence?: number;
  /** Prefix of every `reason`, so that reports say which signal spoke. */
  readonly name?: string;
}
