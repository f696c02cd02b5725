/** Formatting shared by the Markdown, terminal and HTML reports. */

export const BADGE_EMOJI = { green: '🟢', amber: '🟠', red: '🔴' } as const;

/** Indian grouping: 12,34,567.89 */
export function rupees(value: number): string {
  const sign = value < 0 ? '-' : '';
  const [int = '0', frac = '00'] = Math.abs(value).toFixed(2).split('.');
  const last3 = int.slice(-3);
  const rest = int.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${sign}₹${rest ? `${rest},` : ''}${last3}.${frac}`;
}

export function percent(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function fixed(value: number | null, digits = 2): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

/** Human names of the WeeklyTargetEvaluator checks. */
export const CHECK_LABELS: Record<string, string> = {
  meanWeeklyReturn: 'Mean weekly return',
  maxDrawdown: 'Max drawdown',
  p95WeeklyDrawdown: 'P95 weekly drawdown',
  weeks: 'Weeks graded',
};

/** A check's value and threshold as text (percent for all but the week count). */
export function checkValue(name: string, value: number): string {
  return name === 'weeks' ? String(value) : `${value.toFixed(2)}%`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
