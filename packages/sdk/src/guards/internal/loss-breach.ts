/** Formats money and percentages in reasons: fixed two decimals, no locale surprises. */
export function formatAmount(value: number): string {
  return value.toFixed(2);
}

/**
 * Reason text when a period's marked P&L is a loss of at least `percent` % of `baseEquity`,
 * else undefined. Figures that are not finite halt too: a risk check that cannot read the
 * portfolio must fail safe.
 */
export function lossBreach(
  period: string,
  marked: number,
  baseName: string,
  baseEquity: number,
  percent: number,
): string | undefined {
  if (!Number.isFinite(marked) || !Number.isFinite(baseEquity)) {
    return `${period} P&L (${marked}) or ${baseName} (${baseEquity}) is not a finite number; halting to be safe`;
  }
  if (marked >= 0) return undefined;
  const loss = -marked;
  const limit = (baseEquity * percent) / 100;
  if (loss < limit) return undefined;
  const share = baseEquity > 0 ? `${formatAmount((loss * 100) / baseEquity)}% of ` : '';
  return `${period} loss ${formatAmount(loss)} is ${share}${baseName} ${formatAmount(baseEquity)}, at or beyond the ${percent}% limit`;
}
