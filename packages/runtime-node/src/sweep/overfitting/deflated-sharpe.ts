import { SweepInputError } from '../sweep-input-error.js';
import { normalCdf, normalQuantile } from './normal.js';

const EULER_MASCHERONI = 0.5772156649015329;

/** Per-period Sharpe ratio, skewness and (non-excess) kurtosis of a return series. */
export interface ReturnMoments {
  readonly sharpe: number;
  readonly skewness: number;
  readonly kurtosis: number;
  readonly count: number;
}

/**
 * Per-period (not annualised) Sharpe ratio, skewness and kurtosis of returns, with population
 * moments as in Bailey & López de Prado (2014). A constant series has Sharpe 0, skew 0, kurtosis 3.
 *
 * @example
 * ```ts
 * returnMoments([0.01, -0.01, 0.02]).sharpe;
 * ```
 */
export function returnMoments(returns: readonly number[]): ReturnMoments {
  const n = returns.length;
  if (n === 0) return { sharpe: 0, skewness: 0, kurtosis: 3, count: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += returns[i]!;
  mean /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  if (m2 === 0) return { sharpe: 0, skewness: 0, kurtosis: 3, count: n };
  const sd = Math.sqrt(m2);
  return { sharpe: mean / sd, skewness: m3 / (m2 * sd), kurtosis: m4 / (m2 * m2), count: n };
}

/**
 * Expected maximum Sharpe ratio of `trials` independent strategies with zero true Sharpe, whose
 * Sharpe ratios vary with `sharpeVariance` (Bailey & López de Prado 2014, eq. for SR₀):
 * SR₀ = √V[SRₙ] · ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e))), γ the Euler–Mascheroni constant.
 *
 * @example
 * ```ts
 * expectedMaxSharpe(100, 0.5 / 250); // 0.1132 (per day)
 * ```
 */
export function expectedMaxSharpe(trials: number, sharpeVariance: number): number {
  if (trials < 2) return 0;
  const g = EULER_MASCHERONI;
  return (
    Math.sqrt(sharpeVariance) *
    ((1 - g) * normalQuantile(1 - 1 / trials) + g * normalQuantile(1 - 1 / (trials * Math.E)))
  );
}

/** Inputs of {@link deflatedSharpeRatio}: the selected strategy's per-period statistics and the trials. */
export interface DeflatedSharpeInput {
  /** Per-period Sharpe ratio of the selected (best) strategy. */
  readonly sharpe: number;
  /** Number of returns it was measured on. */
  readonly observations: number;
  readonly skewness: number;
  /** Kurtosis, not excess kurtosis (3 for normal returns). */
  readonly kurtosis: number;
  /** Number of strategies tried (grid points). */
  readonly trials: number;
  /** Variance of the per-period Sharpe ratios across the trials. */
  readonly sharpeVariance: number;
}

/**
 * The deflated Sharpe ratio: the probability that the selected strategy's true Sharpe ratio is
 * above the best one expected from `trials` skill-less tries, correcting for selection bias,
 * short samples and non-normal returns.
 *
 * Source: D. H. Bailey and M. López de Prado, "The Deflated Sharpe Ratio: Correcting for
 * Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio Management 40(5),
 * 2014, pp. 94-107 (SSRN 2460551):
 * DSR = Φ( (SR* − SR₀) √(T − 1) / √(1 − γ₃ SR* + (γ₄ − 1)/4 · SR*²) ), with SR₀ from
 * {@link expectedMaxSharpe}. Their numerical example (N = 100, V = 0.5/250, SR* = 2.5/√250,
 * T = 1250, γ₃ = −3, γ₄ = 10) gives 0.9004.
 *
 * @example
 * ```ts
 * deflatedSharpeRatio({ sharpe: 2.5 / Math.sqrt(250), observations: 1250, skewness: -3,
 *   kurtosis: 10, trials: 100, sharpeVariance: 0.5 / 250 }); // 0.9004
 * ```
 */
export function deflatedSharpeRatio(input: DeflatedSharpeInput): number {
  const { sharpe, observations, skewness, kurtosis, trials, sharpeVariance } = input;
  if (observations < 2)
    throw new SweepInputError('observations', observations, 'need at least 2 returns');
  if (!(sharpeVariance >= 0))
    throw new SweepInputError('sharpeVariance', sharpeVariance, 'must be a variance (>= 0)');
  const sr0 = expectedMaxSharpe(trials, sharpeVariance);
  const denominator = 1 - skewness * sharpe + ((kurtosis - 1) / 4) * sharpe * sharpe;
  // A denominator at or below 0 happens only for absurd moments; the statistic is undefined there.
  if (!(denominator > 0)) return sharpe > sr0 ? 1 : 0;
  return normalCdf(((sharpe - sr0) * Math.sqrt(observations - 1)) / Math.sqrt(denominator));
}
