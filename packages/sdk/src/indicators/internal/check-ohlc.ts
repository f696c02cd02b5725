import { IndicatorInputError } from '../errors.js';
import type { OhlcvInput } from '../indicator.js';
import { checkInput } from './validate.js';

/** Rejects non-finite high/low/close and a high below the low. */
export function checkHighLowClose(indicator: string, bar: OhlcvInput): void {
  checkInput(indicator, 'high', bar.high);
  checkInput(indicator, 'low', bar.low);
  checkInput(indicator, 'close', bar.close);
  if (bar.high < bar.low) {
    throw new IndicatorInputError(indicator, 'high', bar.high, `>= low (${bar.low})`);
  }
}
