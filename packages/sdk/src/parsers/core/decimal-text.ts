const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** A plain decimal text (zero padding allowed, no exponent) as a number, or undefined. */
export function decimalText(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) : undefined;
}
