import type { BacktestResult } from '@pravah/backtest';
import { CHECK_LABELS, checkValue, fixed, percent, rupees } from './format.js';

const COLOUR = { green: '\u001b[32m', amber: '\u001b[33m', red: '\u001b[31m' } as const;
const RESET = '\u001b[0m';

/** A compact, aligned summary for the terminal; colours only when `colour` is true. */
export function renderTerminalSummary(result: BacktestResult, colour: boolean): string {
  const m = result.metrics;
  const g = result.grade;
  const paint = (status: keyof typeof COLOUR, text: string) =>
    colour ? `${COLOUR[status]}${text}${RESET}` : text;
  const row = (label: string, value: string) => `  ${label.padEnd(22)}${value}`;
  return [
    `${result.strategy.name} on ${result.run.instruments.join(', ')}  ${result.run.from ?? ''} → ${result.run.to ?? ''}`,
    row('Final equity', rupees(m.finalEquity)),
    row('Net P&L', `${rupees(m.netPnl)} (${percent(m.totalReturn)})`),
    row('Sharpe / Sortino', `${fixed(m.sharpe)} / ${fixed(m.sortino)}`),
    row('Max drawdown', percent(m.maxDrawdown)),
    row('Trades / win rate', `${m.trades} / ${percent(m.winRate, 1)}`),
    row('Charges', rupees(m.totalCharges)),
    `  Weekly target: ${paint(g.badge, g.badge.toUpperCase())}`,
    ...g.checks.map((c) =>
      row(
        `  ${CHECK_LABELS[c.name] ?? c.name}`,
        `${checkValue(c.name, c.value)} vs ${checkValue(c.name, c.threshold)}  ${paint(c.status, c.status)}`,
      ),
    ),
    '',
  ].join('\n');
}
