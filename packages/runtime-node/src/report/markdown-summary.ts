import type { BacktestResult } from '@pravah/backtest';
import { BADGE_EMOJI, CHECK_LABELS, checkValue, fixed, percent, rupees } from './format.js';

/**
 * GitHub-flavoured Markdown summary of a backtest: badge, key metrics and the weekly-target
 * checks. This is what CI appends to `$GITHUB_STEP_SUMMARY`.
 *
 * @example
 * ```ts
 * fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY!, renderSummaryMarkdown(result));
 * ```
 */
export function renderSummaryMarkdown(result: BacktestResult): string {
  const m = result.metrics;
  const g = result.grade;
  const lines = [
    `## ${BADGE_EMOJI[g.badge]} ${result.strategy.name}: ${g.badge.toUpperCase()}`,
    '',
    `${result.run.instruments.join(', ')} · ${result.run.from ?? '?'} → ${result.run.to ?? '?'} · plan: ${result.run.plan} · slippage: ${result.run.slippage}`,
    '',
    '| metric | value |',
    '|---|---:|',
    `| Final equity | ${rupees(m.finalEquity)} |`,
    `| Net P&L | ${rupees(m.netPnl)} |`,
    `| Total return | ${percent(m.totalReturn)} |`,
    `| Annualised return | ${percent(m.annualisedReturn)} |`,
    `| Sharpe | ${fixed(m.sharpe)} |`,
    `| Sortino | ${fixed(m.sortino)} |`,
    `| Max drawdown | ${percent(m.maxDrawdown)} |`,
    `| Trades | ${m.trades} |`,
    `| Win rate | ${percent(m.winRate, 1)} |`,
    `| Profit factor | ${fixed(m.profitFactor)} |`,
    `| Charges | ${rupees(m.totalCharges)} (${m.chargesShareOfGrossPnl === null ? 'n/a' : percent(m.chargesShareOfGrossPnl, 1)} of gross P&L) |`,
    '',
    '### Weekly target',
    '',
    '| check | value | threshold | status |',
    '|---|---:|---:|:---:|',
    ...g.checks.map(
      (c) =>
        `| ${CHECK_LABELS[c.name] ?? c.name} | ${checkValue(c.name, c.value)} | ${checkValue(c.name, c.threshold)} | ${BADGE_EMOJI[c.status]} ${c.status} |`,
    ),
    '',
  ];
  const net = g.confidence.net;
  if (net) {
    lines.push(
      `Mean weekly return ${net.mean.toFixed(2)}%, ${Math.round(net.level * 100)}% bootstrap interval [${net.lower.toFixed(2)}%, ${net.upper.toFixed(2)}%]; probability the target is met: ${percent(net.probabilityTargetMet, 0)} over ${g.confidence.weeks} weeks.`,
      '',
    );
  }
  return lines.join('\n');
}
