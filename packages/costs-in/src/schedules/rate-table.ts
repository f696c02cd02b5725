import { Money } from '../money/index.js';
import { GST_SCHEDULE } from './gst.js';
import { RATE_SCHEDULES } from './rate-schedules.js';
import type { Confidence, RateRow, RateSchedule } from './types.js';

const MARK: Readonly<Record<Confidence, string>> = {
  confirmed: '✅',
  secondary: '🟡',
  unconfirmed: '❓',
};

const SIDE: Readonly<Record<RateRow['side'], string>> = { BUY: 'buy', SELL: 'sell', BOTH: 'both' };

/** ₹ per crore of a percentage (1 crore = 10^7, so percent × 10^5). */
function perCrore(percent: string): string {
  return new Money(percent).times(100_000).toFixed();
}

function period(row: { from?: string; to?: string }): string {
  if (row.from === undefined) return row.to === undefined ? 'always' : `to ${row.to}`;
  return row.to === undefined ? `${row.from} →` : `${row.from} → ${row.to}`;
}

function rowLine(schedule: RateSchedule, row: RateRow): string {
  const segment = `${row.segments.join(', ')}${row.variant === undefined ? '' : ` (${row.variant})`}`;
  return `| ${schedule.title} | ${row.venue} | ${segment} | ${SIDE[row.side]} | ${row.percent}% | ${perCrore(row.percent)} | ${period(row)} | ${MARK[row.confidence]} |`;
}

/**
 * The statutory and exchange rate table (segment × component × effective period) as Markdown,
 * generated from the schedules: the package README embeds it and a test keeps them equal.
 *
 * @example
 * ```ts
 * console.log(renderRateTable()); // | component | venue | segments | side | rate | ₹/crore | in force | conf. |
 * ```
 */
export function renderRateTable(): string {
  const lines = [
    '| component | venue | segments | side | rate | ₹ per crore | in force | conf. |',
    '|---|---|---|---|---:|---:|---|---|',
  ];
  for (const schedule of RATE_SCHEDULES) {
    for (const row of schedule.rows) lines.push(rowLine(schedule, row));
  }
  for (const row of GST_SCHEDULE) {
    const basis = ['brokerage', ...row.basis, 'broker fees'].join(' + ');
    lines.push(
      `| GST | ALL | on ${basis} (+ IPFT where the broker taxes it) | both | ${row.percent}% | — | ${period(row)} | ${MARK[row.confidence]} |`,
    );
  }
  return lines.join('\n');
}
