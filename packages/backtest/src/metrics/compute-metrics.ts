import Decimal from 'decimal.js';
import { downsideDeviation, mean, sampleStdDev } from './statistics.js';

/** Trading days per year used to annualise daily figures. */
export const TRADING_DAYS_PER_YEAR = 252;

/** Headline performance figures of a run. Returns are fractions (0.05 = 5%). */
export interface Metrics {
  readonly initialCapital: number;
  readonly finalEquity: number;
  readonly netPnl: number;
  /** P&L before charges: realised gross plus the change in unrealised value. */
  readonly grossPnl: number;
  readonly totalCharges: number;
  readonly totalReturn: number;
  readonly annualisedReturn: number;
  /** Annualised standard deviation of daily returns. */
  readonly volatility: number;
  /** Annualised, risk-free rate 0. */
  readonly sharpe: number;
  /** Annualised, target 0. */
  readonly sortino: number;
  /** Annualised return / max drawdown. */
  readonly calmar: number;
  readonly maxDrawdown: number;
  readonly maxDrawdownPeak: string | null;
  readonly maxDrawdownTrough: string | null;
  readonly maxDrawdownRecovery: string | null;
  readonly trades: number;
  readonly winRate: number;
  /** Gross profit of winning trades / gross loss of losing trades (net of charges); null with no losers. */
  readonly profitFactor: number | null;
  /** Mean net P&L per trade, rupees. */
  readonly expectancy: number;
  readonly averageHoldingMinutes: number;
  /** Share of observations with an open position, 0..1. */
  readonly exposure: number;
  /** Traded value / initial capital. */
  readonly turnover: number;
  /** Charges / |gross P&L|; null when gross P&L is 0. */
  readonly chargesShareOfGrossPnl: number | null;
  readonly tradingDays: number;
}

/** Inputs of {@link computeMetrics}: plain numbers, so any run (backtest or live) can be measured. */
export interface MetricsInput {
  readonly initialCapital: number;
  readonly finalEquity: number;
  readonly totalCharges: Decimal;
  readonly turnover: Decimal;
  /** Closing equity per trading day, in order. */
  readonly dailyEquity: readonly number[];
  readonly trades: readonly { pnl: number; holdingMs: number }[];
  readonly drawdown: {
    maxDrawdown: number;
    peak: string | null;
    trough: string | null;
    recovery: string | null;
  };
  readonly exposure: number;
}

const round = (x: number, digits = 6): number => {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * Computes the metrics of a run from its daily equity, trades and drawdown.
 *
 * @example
 * ```ts
 * const m = computeMetrics({ initialCapital: 1e5, finalEquity: 1.1e5, dailyEquity, trades, ... });
 * m.sharpe;
 * ```
 */
export function computeMetrics(input: MetricsInput): Metrics {
  const { initialCapital, finalEquity } = input;
  const daily: number[] = [];
  let previous = initialCapital;
  for (const equity of input.dailyEquity) {
    daily.push(previous === 0 ? 0 : equity / previous - 1);
    previous = equity;
  }
  const days = daily.length;
  const totalReturn = initialCapital === 0 ? 0 : finalEquity / initialCapital - 1;
  const annualisedReturn =
    days === 0 || totalReturn <= -1
      ? totalReturn
      : (1 + totalReturn) ** (TRADING_DAYS_PER_YEAR / days) - 1;
  const sd = sampleStdDev(daily);
  const dd = downsideDeviation(daily);
  const m = mean(daily);
  const annual = Math.sqrt(TRADING_DAYS_PER_YEAR);
  const wins = input.trades.filter((t) => t.pnl > 0);
  const losses = input.trades.filter((t) => t.pnl < 0);
  const grossWin = wins.reduce((s, t) => s + t.pnl, 0);
  const grossLoss = -losses.reduce((s, t) => s + t.pnl, 0);
  const netPnl = finalEquity - initialCapital;
  const charges = input.totalCharges.toNumber();
  const grossPnl = netPnl + charges;
  return {
    initialCapital,
    finalEquity: round(finalEquity, 2),
    netPnl: round(netPnl, 2),
    grossPnl: round(grossPnl, 2),
    totalCharges: new Decimal(input.totalCharges).toDecimalPlaces(2).toNumber(),
    totalReturn: round(totalReturn),
    annualisedReturn: round(annualisedReturn),
    volatility: round(sd * annual),
    sharpe: round(sd === 0 ? 0 : (m / sd) * annual),
    sortino: round(dd === 0 ? 0 : (m / dd) * annual),
    calmar: round(
      input.drawdown.maxDrawdown === 0 ? 0 : annualisedReturn / input.drawdown.maxDrawdown,
    ),
    maxDrawdown: round(input.drawdown.maxDrawdown),
    maxDrawdownPeak: input.drawdown.peak,
    maxDrawdownTrough: input.drawdown.trough,
    maxDrawdownRecovery: input.drawdown.recovery,
    trades: input.trades.length,
    winRate: round(input.trades.length === 0 ? 0 : wins.length / input.trades.length),
    profitFactor: grossLoss === 0 ? null : round(grossWin / grossLoss),
    expectancy: round(mean(input.trades.map((t) => t.pnl)), 2),
    averageHoldingMinutes: round(mean(input.trades.map((t) => t.holdingMs)) / 60_000, 2),
    exposure: round(input.exposure),
    turnover: round(initialCapital === 0 ? 0 : input.turnover.toNumber() / initialCapital),
    chargesShareOfGrossPnl: grossPnl === 0 ? null : round(charges / Math.abs(grossPnl)),
    tradingDays: days,
  };
}
