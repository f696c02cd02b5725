import { monthName } from '../core/dates.js';

const WEEKLY_MONTH = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'O', 'N', 'D'];

/** A strike as Kite writes it: no trailing zeros (`26000`, `339.75`, `7.5`). */
export function strikeText(strike: number): string {
  return String(Number(strike.toFixed(4)));
}

/**
 * Kite's NFO trading symbol: `SYMBOLYYMONFUT`, `SYMBOLYYMON<strike><CE|PE>` for a monthly
 * expiry and `SYMBOLYY<M><DD><strike><CE|PE>` for a weekly one (M is 1-9, O, N, D).
 */
export function kiteFoSymbol(
  symbol: string,
  expiry: string,
  monthly: boolean,
  strike: number | undefined,
  optionType: 'CE' | 'PE' | undefined,
): string {
  const yy = expiry.slice(2, 4);
  if (optionType === undefined || strike === undefined)
    return `${symbol}${yy}${monthName(expiry)}FUT`;
  const when = monthly
    ? `${yy}${monthName(expiry)}`
    : `${yy}${WEEKLY_MONTH[Number(expiry.slice(5, 7)) - 1]}${expiry.slice(8, 10)}`;
  return `${symbol}${when}${strikeText(strike)}${optionType}`;
}
