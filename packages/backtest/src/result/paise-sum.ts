import Decimal from 'decimal.js';
import { decimalToNumber } from '../money/decimal-to-number.js';

/** Largest paise count whose rupee value round-trips exactly through `x * 100` (see `add`). */
const MAX_PAISE = 2 ** 50;

/**
 * Rupees of a Decimal rounded half-up to the paisa, as a number. An amount already in whole
 * paise (Kite-rounded charges, the common case) is read as is, which is the same number.
 *
 * @example
 * ```ts
 * paisa(new Decimal('12.345')); // 12.35
 * ```
 */
export function paisa(d: Decimal.Value): number {
  if (Decimal.isDecimal(d) && d.decimalPlaces() <= 2) return decimalToNumber(d);
  return new Decimal(d).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * An exact running sum of Decimal amounts that stays in integer paise (plain numbers, no
 * allocation) while every amount added is whole paise, and moves to decimal.js for good as soon
 * as one is not. Either way `total()` is the exact sum, and `rupees()` equals
 * `total().toNumber()`: an integer count of paise divided by 100 is correctly rounded, as the
 * decimal string's conversion is.
 *
 * @example
 * ```ts
 * const sum = new PaiseSum();
 * sum.add(new Decimal('0.1')); sum.add(new Decimal('0.2'));
 * sum.rupees(); // 0.3
 * ```
 */
export class PaiseSum {
  private paise = 0;
  private exact: Decimal | undefined;

  add(amount: Decimal): void {
    if (this.exact === undefined && amount.decimalPlaces() <= 2) {
      const p = Math.round(decimalToNumber(amount) * 100);
      const next = this.paise + p;
      if (Math.abs(p) <= MAX_PAISE && Math.abs(next) <= MAX_PAISE) {
        this.paise = next;
        return;
      }
    }
    this.exact = (this.exact ?? new Decimal(this.paise).div(100)).add(amount);
  }

  /** The exact sum. */
  total(): Decimal {
    return this.exact ?? new Decimal(this.paise).div(100);
  }

  /** The sum as a number, equal to `total().toNumber()`. */
  rupees(): number {
    return this.exact === undefined ? this.paise / 100 : decimalToNumber(this.exact);
  }
}
