import { z } from 'zod';
import { parseWith } from '@pravah/sdk';
import { leastSquares } from './least-squares.js';
import { engleGrangerCriticalValue, type SignificanceLevel } from './mackinnon.js';
import { StatisticsInputError } from './statistics-error.js';

/** Options of {@link engleGranger}. */
export interface EngleGrangerOptions {
  /** Lagged differences in the ADF regression of the residuals (augmentation). Default 1. */
  readonly lags?: number;
  /** Significance level of the decision. Default `'5%'`. */
  readonly level?: SignificanceLevel;
}

/** Result of {@link engleGranger}: the cointegrating regression and the unit-root test of its residuals. */
export interface EngleGrangerResult {
  /** α in `y = α + β·x + u`. */
  readonly intercept: number;
  /** β in `y = α + β·x + u`: units of `x` that hedge one unit of `y`. */
  readonly hedgeRatio: number;
  /** Standard deviation of the residuals u (divided by n), the unit of the spread's z-score. */
  readonly residualStdDev: number;
  /** t-statistic of γ in `Δuₜ = γ·uₜ₋₁ + Σ δᵢ·Δuₜ₋ᵢ + εₜ`. */
  readonly adfStatistic: number;
  readonly lags: number;
  /** Pairs of observations in the cointegrating regression (n). */
  readonly observations: number;
  readonly level: SignificanceLevel;
  /** MacKinnon (2010) critical value at `level` for T = n − 1. */
  readonly criticalValue: number;
  /** True when `adfStatistic < criticalValue`: the residuals are stationary, the pair cointegrates. */
  readonly cointegrated: boolean;
}

const OptionsSchema = z.strictObject({
  lags: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(20, 'must be at most 20')
    .default(1),
  level: z.enum(['1%', '5%', '10%']).default('5%'),
});

/** Fewest observations accepted beyond what the regressions need: below this the test means little. */
const MIN_OBSERVATIONS = 20;

function checkSeries(name: string, series: ArrayLike<number>): void {
  for (let i = 0; i < series.length; i++) {
    const v = series[i]!;
    if (!Number.isFinite(v)) {
      throw new StatisticsInputError(
        'engleGranger',
        `${name}[${i}]`,
        v,
        'every observation must be a finite number',
      );
    }
  }
}

/**
 * The Engle-Granger two-step cointegration test of two price series.
 *
 * 1. Cointegrating regression by OLS: `y = α + β·x + u` (β is the hedge ratio).
 * 2. Augmented Dickey-Fuller regression of the residuals, without a constant (they have mean 0
 *    by construction): `Δuₜ = γ·uₜ₋₁ + Σᵢ₌₁..ₚ δᵢ·Δuₜ₋ᵢ + εₜ`, with `p = lags`. The statistic is
 *    the t-value of γ (`s² = SSR / (rows − 1 − p)`).
 *
 * The statistic is compared with MacKinnon's (2010) critical value for two variables with a
 * constant at T = n − 1 ({@link engleGrangerCriticalValue}); the ordinary ADF table would be
 * wrong here, since β was estimated. This is the specification of statsmodels' `coint(y, x,
 * trend='c', maxlag=p, autolag=None)`.
 *
 * Throws a {@link StatisticsInputError} for series of different lengths, fewer than
 * `lags + 20` observations, a non-finite value, or a constant `x`.
 *
 * @example
 * ```ts
 * const test = engleGranger(hdfcCloses, iciciCloses, { lags: 1, level: '5%' });
 * if (test.cointegrated) console.log(`spread = y - ${test.hedgeRatio.toFixed(3)}·x`, test.adfStatistic);
 * ```
 */
export function engleGranger(
  y: ArrayLike<number>,
  x: ArrayLike<number>,
  options: EngleGrangerOptions = {},
): EngleGrangerResult {
  const { lags, level } = parseWith(OptionsSchema, options, 'engleGranger options');
  const n = y.length;
  if (x.length !== n) {
    throw new StatisticsInputError(
      'engleGranger',
      'x.length',
      x.length,
      `must equal y.length ${n}`,
    );
  }
  if (n < lags + MIN_OBSERVATIONS) {
    throw new StatisticsInputError(
      'engleGranger',
      'y.length',
      n,
      `needs at least ${lags + MIN_OBSERVATIONS} observations for ${lags} lag(s)`,
    );
  }
  checkSeries('y', y);
  checkSeries('x', x);

  // Step 1 in centred form (stabler than normal equations on raw prices).
  let meanX = 0;
  let meanY = 0;
  for (let t = 0; t < n; t++) {
    meanX += x[t]!;
    meanY += y[t]!;
  }
  meanX /= n;
  meanY /= n;
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < n; t++) {
    const dx = x[t]! - meanX;
    sxx += dx * dx;
    sxy += dx * (y[t]! - meanY);
  }
  if (!(sxx > 0)) {
    throw new StatisticsInputError('engleGranger', 'x', 'constant', 'the regressor must vary');
  }
  const hedgeRatio = sxy / sxx;
  const intercept = meanY - hedgeRatio * meanX;
  const residuals = new Float64Array(n);
  let sumSquares = 0;
  for (let t = 0; t < n; t++) {
    const u = y[t]! - intercept - hedgeRatio * x[t]!;
    residuals[t] = u;
    sumSquares += u * u;
  }

  // Step 2: rows t = lags + 1 .. n − 1 of the ADF regression.
  const rows = n - 1 - lags;
  const change = new Float64Array(rows);
  const columns: Float64Array[] = [];
  for (let j = 0; j <= lags; j++) columns.push(new Float64Array(rows));
  for (let r = 0; r < rows; r++) {
    const t = r + lags + 1;
    change[r] = residuals[t]! - residuals[t - 1]!;
    columns[0]![r] = residuals[t - 1]!;
    for (let i = 1; i <= lags; i++) columns[i]![r] = residuals[t - i]! - residuals[t - i - 1]!;
  }
  const adf = leastSquares(columns, change);
  const adfStatistic = adf.coefficients[0]! / adf.standardErrors[0]!;
  const criticalValue = engleGrangerCriticalValue(n - 1, level);
  return {
    intercept,
    hedgeRatio,
    residualStdDev: Math.sqrt(sumSquares / n),
    adfStatistic,
    lags,
    observations: n,
    level,
    criticalValue,
    cointegrated: adfStatistic < criticalValue,
  };
}
