import { PravahError } from '../errors/pravah-error.js';
import type { Side } from '../model/exchange.js';

/**
 * A slippage model returned a price that is not positive and finite, or favours the trader.
 * Thrown by {@link applySlippage} (and so by {@link slippageStage}); carries the model's name
 * and the offending price.
 *
 * @example
 * ```ts
 * try {
 *   applySlippage(myModel, fill, quote);
 * } catch (error) {
 *   if (error instanceof SlippageError) console.error(error.model, error.value);
 * }
 * ```
 */
export class SlippageError extends PravahError {
  /** Name of the model at fault. */
  readonly model: string;
  readonly field = 'price';
  /** The price the model returned. */
  readonly value: number;

  constructor(model: string, side: Side, fillPrice: number, value: number, problem: string) {
    super(
      'INVALID_SLIPPAGE',
      `Slippage model "${model}" returned ${value} for a ${side} fill at ${fillPrice}: ${problem}; fix the model`,
    );
    this.model = model;
    this.value = value;
  }
}
