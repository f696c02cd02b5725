import type Decimal from 'decimal.js';

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];
const LIMIT = 2 ** 53;

/** Decimal digits of a positive word below 1e7. */
function digitsOf(word: number): number {
  return word < 1e1
    ? 1
    : word < 1e2
      ? 2
      : word < 1e3
        ? 3
        : word < 1e4
          ? 4
          : word < 1e5
            ? 5
            : word < 1e6
              ? 6
              : 7;
}

/**
 * `x.toNumber()` without the string round trip, for the amounts the ledger and the result read
 * per fill. When the significand fits in 53 bits and the power of ten is at most 22, one IEEE
 * multiplication or division by an exact power of ten is correctly rounded (Clinger's fast
 * path), so the result is the number `toNumber()` returns (it parses the decimal string, also
 * correctly rounded). Anything else goes through `toNumber()`. Reads decimal.js's documented
 * `d` (base 1e7 words), `e` (exponent) and `s` (sign).
 *
 * @example
 * ```ts
 * decimalToNumber(new Decimal('1234.56')); // 1234.56
 * ```
 */
export function decimalToNumber(x: Decimal): number {
  const words = x.d;
  // NaN and ±Infinity have no words; long significands rarely fit: both take the slow path.
  if (words === null || words.length > 3) return x.toNumber();
  let significand = words[0]!;
  for (let i = 1; i < words.length; i++) significand = significand * 1e7 + words[i]!;
  if (significand >= LIMIT) return x.toNumber();
  const exponent = x.e - (digitsOf(words[0]!) + 7 * (words.length - 1)) + 1;
  if (exponent >= 0) {
    if (exponent > 22) return x.toNumber();
    return x.s * (significand * POW10[exponent]!);
  }
  if (exponent < -22) return x.toNumber();
  return x.s * (significand / POW10[-exponent]!);
}
