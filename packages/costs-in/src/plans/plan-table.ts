import type Decimal from 'decimal.js';
import { SEGMENTS } from '../schedules/types.js';
import type { AmountRow, BrokerPlan, BrokerageRule, MisCutoffRule } from './types.js';
import { MIS_SEGMENTS } from './types.js';

const rupees = (d: Decimal): string => `₹${d.toFixed()}`;

/**
 * A brokerage rule as brokers write it.
 *
 * @example
 * ```ts
 * formatRule(zerodha().brokerageRule('equity-intraday', '2026-06-15')); // 'min(₹20, 0.03%)'
 * ```
 */
export function formatRule(rule: BrokerageRule): string {
  if (rule.kind === 'flat') return rupees(rule.amount);
  const pct = `${rule.percent.toFixed()}%`;
  const capped = rule.cap === undefined ? pct : `min(${rupees(rule.cap)}, ${pct})`;
  return rule.minimum === undefined ? capped : `${capped}, at least ${rupees(rule.minimum)}`;
}

function dated(text: string, row: { from?: string; to?: string }, many: boolean): string {
  if (!many) return text;
  if (row.to !== undefined) return `${text} to ${row.to}`;
  return row.from === undefined ? text : `${text} from ${row.from}`;
}

function amounts(rows: readonly AmountRow[]): string {
  if (rows.length === 0) return '—';
  return rows.map((r) => dated(`${rupees(r.amount)} + GST`, r, true)).join('; ');
}

function cutoff(rule: MisCutoffRule | undefined): string {
  if (rule === undefined) return '?';
  if ('at' in rule) return rule.at;
  if (typeof rule.beforeClose === 'number') return `${rule.beforeClose} min before close`;
  return Object.entries(rule.beforeClose)
    .map(([close, minutes]) => `${minutes} min before a ${close} close`)
    .join(', ');
}

/**
 * A Markdown table of broker plans side by side (brokerage per segment, DP, auto square-off fee,
 * GST on IPFT, MIS cut-offs), generated from the plans' data: the package README embeds it for
 * the built-in plans and a test keeps them equal.
 *
 * @example
 * ```ts
 * console.log(renderPlanTable([zerodha(), upstox(), angelOne()]));
 * ```
 */
export function renderPlanTable(plans: readonly BrokerPlan[]): string {
  const lines = [
    `| | ${plans.map((p) => p.name).join(' | ')} |`,
    `|---|${plans.map(() => '---').join('|')}|`,
  ];
  for (const segment of SEGMENTS) {
    const cells = plans.map((plan) => {
      const rows = plan.brokerage.filter((r) => r.segment === segment);
      if (rows.length === 0) return '—';
      return rows.map((r) => dated(formatRule(r.rule), r, rows.length > 1)).join('; ');
    });
    lines.push(`| brokerage: ${segment} | ${cells.join(' | ')} |`);
  }
  lines.push(
    `| DP charge (per security per day, delivery sells) | ${plans.map((p) => amounts(p.dpCharge)).join(' | ')} |`,
  );
  lines.push(
    `| auto square-off fee (per order) | ${plans.map((p) => amounts(p.autoSquareOffFee)).join(' | ')} |`,
  );
  lines.push(`| GST on IPFT | ${plans.map((p) => (p.gstOnIpft ? 'yes' : 'no')).join(' | ')} |`);
  for (const segment of MIS_SEGMENTS) {
    lines.push(
      `| MIS cut-off: ${segment} | ${plans.map((p) => cutoff(p.misCutoffs[segment])).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
