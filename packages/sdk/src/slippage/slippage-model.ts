import type { Fill } from '../model/fill.js';

/** The parts of a fill a slippage model prices from. */
export type SlippageFill = Pick<Fill, 'side' | 'quantity' | 'price'>;

/** Market state at a fill, as a slippage model sees it. */
export interface SlippageQuote {
  /** Reference (last traded) price at the fill. Models price from the fill's own price. */
  readonly price: number;
  /** Best bid, when the feed carries quotes. */
  readonly bid?: number;
  /** Best ask, when the feed carries quotes. */
  readonly ask?: number;
  /** Volume traded in the period of the fill: a bar's volume, a tick's traded quantity. */
  readonly volume?: number;
  /** The instrument's tick size; adjusted prices are rounded to it, against the trader. */
  readonly tickSize: number;
}

/**
 * A slippage model in plain synchronous form, so a simulated exchange can apply it without
 * RxJS. {@link slippageStage} turns one into a `Slippage` stage of the strategy graph.
 *
 * `adjust` returns the price the trader really gets: never better than `fill.price` (a buy
 * pays at least as much, a sell receives at most as much) and on the tick grid.
 */
export interface SlippageModel {
  /** Short description for reports, e.g. `fixedBps(5)`. */
  readonly name: string;
  /**
   * Largest share of the period's volume one fill is meant to take (volume-aware models only).
   * Exchanges that model partial fills may read it to cap fill sizes.
   */
  readonly participationCap?: number;
  adjust(fill: SlippageFill, quote: SlippageQuote): number;
}
