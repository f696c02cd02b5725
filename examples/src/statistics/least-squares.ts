import { StatisticsInputError } from './statistics-error.js';

/** Result of {@link leastSquares}. */
export interface LeastSquaresFit {
  /** One coefficient per regressor column, in column order. */
  readonly coefficients: Float64Array;
  /** Standard error of each coefficient: `sqrt(s² · (X'X)⁻¹ⱼⱼ)`, `s² = SSR / (n − k)`. */
  readonly standardErrors: Float64Array;
  /** Sum of squared residuals. */
  readonly ssr: number;
  /** Rows used (n). */
  readonly observations: number;
}

/**
 * Ordinary least squares of `y` on the given regressor columns (no intercept is added: pass a
 * column of ones for one), solved through the normal equations with a Cholesky factorisation.
 * Meant for the few well-scaled columns of unit-root regressions, not for large or
 * ill-conditioned designs. Throws a {@link StatisticsInputError} when a column's length differs
 * from `y`, when there are no more rows than columns, or when the columns are collinear.
 *
 * @example
 * ```ts
 * const ones = new Float64Array(4).fill(1);
 * const fit = leastSquares([ones, Float64Array.of(1, 2, 3, 4)], Float64Array.of(3, 5, 7, 9));
 * fit.coefficients; // Float64Array [1, 2]: y = 1 + 2x
 * ```
 */
export function leastSquares(columns: readonly Float64Array[], y: Float64Array): LeastSquaresFit {
  const k = columns.length;
  const n = y.length;
  if (k === 0)
    throw new StatisticsInputError('leastSquares', 'columns', 0, 'give at least one regressor');
  columns.forEach((column, j) => {
    if (column.length !== n) {
      throw new StatisticsInputError(
        'leastSquares',
        `columns[${j}].length`,
        column.length,
        `must equal y.length ${n}`,
      );
    }
  });
  if (n <= k) {
    throw new StatisticsInputError(
      'leastSquares',
      'y.length',
      n,
      `needs more rows than the ${k} regressor(s)`,
    );
  }
  // X'X (lower triangle) and X'y.
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const ca = columns[a]!;
    let sy = 0;
    for (let t = 0; t < n; t++) sy += ca[t]! * y[t]!;
    xty[a] = sy;
    for (let b = 0; b <= a; b++) {
      const cb = columns[b]!;
      let s = 0;
      for (let t = 0; t < n; t++) s += ca[t]! * cb[t]!;
      xtx[a * k + b] = s;
    }
  }
  const chol = cholesky(xtx, k);
  const coefficients = choleskySolve(chol, k, xty);
  let ssr = 0;
  for (let t = 0; t < n; t++) {
    let fitted = 0;
    for (let j = 0; j < k; j++) fitted += coefficients[j]! * columns[j]![t]!;
    const e = y[t]! - fitted;
    ssr += e * e;
  }
  const s2 = ssr / (n - k);
  const standardErrors = new Float64Array(k);
  const unit = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    unit.fill(0);
    unit[j] = 1;
    standardErrors[j] = Math.sqrt(s2 * choleskySolve(chol, k, unit)[j]!);
  }
  return { coefficients, standardErrors, ssr, observations: n };
}

/** Lower-triangular L with L·Lᵀ = A (A symmetric positive definite, lower triangle given). */
function cholesky(a: Float64Array, k: number): Float64Array {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j]!;
      for (let m = 0; m < j; m++) s -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        // Relative to the diagonal it started from: a pivot that vanished means collinear columns.
        if (!(s > 1e-12 * Math.abs(a[i * k + i]!))) {
          throw new StatisticsInputError(
            'leastSquares',
            `columns[${i}]`,
            'collinear',
            'a regressor is constant or a combination of the others',
          );
        }
        l[i * k + i] = Math.sqrt(s);
      } else {
        l[i * k + j] = s / l[j * k + j]!;
      }
    }
  }
  return l;
}

/** Solves L·Lᵀ·x = b. */
function choleskySolve(l: Float64Array, k: number, b: Float64Array): Float64Array {
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= l[i * k + m]! * z[m]!;
    z[i] = s / l[i * k + i]!;
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let m = i + 1; m < k; m++) s -= l[m * k + i]! * x[m]!;
    x[i] = s / l[i * k + i]!;
  }
  return x;
}
