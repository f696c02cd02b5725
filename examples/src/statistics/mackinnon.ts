/** Significance levels {@link engleGrangerCriticalValue} knows. */
export type SignificanceLevel = '1%' | '5%' | '10%';

/**
 * MacKinnon (2010), "Critical Values for Cointegration Tests", Queen's Economics Department
 * Working Paper No. 1227, Table 2: response surface of the Engle-Granger τ statistic for
 * N = 2 variables with a constant in the cointegrating regression ("c", no trend):
 * `τ(T) = β∞ + β₁/T + β₂/T² (+ β₃/T³, which is 0 for N = 2)`.
 *
 * The 1% β₂ is -22.527 as printed in the paper (Stata's `egranger` uses it too); statsmodels'
 * table carries -33.527. The two differ by 11/T², under 0.0001 from T = 332 on.
 */
const TAU_C_N2: Readonly<Record<SignificanceLevel, readonly [number, number, number]>> = {
  '1%': [-3.89644, -10.9519, -22.527],
  '5%': [-3.33613, -6.1101, -6.823],
  '10%': [-3.04445, -4.2412, -2.72],
};

/**
 * Finite-sample critical value of the Engle-Granger cointegration test for two series (with a
 * constant in the cointegrating regression) at `level`, for `observations` = T, from MacKinnon's
 * (2010) response surface. The null of no cointegration is rejected when the ADF statistic of the
 * residuals is below (more negative than) it.
 *
 * @example
 * ```ts
 * engleGrangerCriticalValue(750, '5%'); // -3.3443 (= -3.33613 - 6.1101/750 - 6.823/750²)
 * engleGrangerCriticalValue(Infinity, '5%'); // -3.33613, the asymptotic value
 * ```
 */
export function engleGrangerCriticalValue(observations: number, level: SignificanceLevel): number {
  const [asymptotic, first, second] = TAU_C_N2[level];
  const inverse = 1 / observations;
  return asymptotic + first * inverse + second * inverse * inverse;
}
