import { SweepInputError } from '../sweep-input-error.js';

/** Result of {@link probabilityOfBacktestOverfitting}. */
export interface PboResult {
  /** Share of the splits whose in-sample best ranks at or below the out-of-sample median. */
  readonly pbo: number;
  /** Logit λ of each split's out-of-sample relative rank of the in-sample best. */
  readonly logits: readonly number[];
  readonly splits: number;
}

function sharpeOfRows(column: readonly number[], rows: readonly number[]): number {
  let mean = 0;
  for (const r of rows) mean += column[r]!;
  mean /= rows.length;
  let v = 0;
  for (const r of rows) v += (column[r]! - mean) ** 2;
  const sd = Math.sqrt(v / rows.length);
  return sd === 0 ? 0 : mean / sd;
}

function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (start: number) => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = start; i < n; i++) {
      pick.push(i);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return out;
}

/**
 * Probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV):
 * the T×N matrix of per-period returns (one column per trial) is cut into S equal row blocks;
 * for every choice of S/2 blocks as in-sample (the rest out-of-sample), the trial with the best
 * in-sample Sharpe is ranked out of sample; PBO is the share of splits where its relative rank
 * ω = rank/(N+1) is at most 1/2 (logit λ = ln(ω/(1−ω)) ≤ 0). Ties rank by trial order.
 *
 * Source: D. H. Bailey, J. M. Borwein, M. López de Prado and Q. J. Zhu, "The Probability of
 * Backtest Overfitting", Journal of Computational Finance 20(4), 2017, pp. 39-69 (SSRN 2326253),
 * section 2 (the CSCV algorithm).
 *
 * @example
 * ```ts
 * const { pbo } = probabilityOfBacktestOverfitting(columnsOfDailyReturns, 8);
 * ```
 */
export function probabilityOfBacktestOverfitting(
  returnsByTrial: readonly (readonly number[])[],
  blocks = 8,
): PboResult {
  const trials = returnsByTrial.length;
  if (trials < 2) throw new SweepInputError('trials', trials, 'PBO needs at least 2 trials');
  if (blocks < 2 || blocks % 2 !== 0)
    throw new SweepInputError('blocks', blocks, 'must be an even number >= 2');
  const periods = returnsByTrial[0]!.length;
  if (returnsByTrial.some((c) => c.length !== periods))
    throw new SweepInputError('returnsByTrial', periods, 'every trial needs the same periods');
  const size = Math.floor(periods / blocks);
  if (size < 2)
    throw new SweepInputError(
      'periods',
      periods,
      `need at least ${2 * blocks} periods for ${blocks} blocks`,
    );
  // Leftover rows at the end (periods not divisible by blocks) are left out, as in the paper.
  const blockRows = Array.from({ length: blocks }, (_, b) =>
    Array.from({ length: size }, (_, i) => b * size + i),
  );
  const logits: number[] = [];
  let overfit = 0;
  for (const inSample of combinations(blocks, blocks / 2)) {
    const isRows = inSample.flatMap((b) => blockRows[b]!);
    const oosRows = blockRows.filter((_, b) => !inSample.includes(b)).flat();
    let best = 0;
    let bestSharpe = -Infinity;
    const oos: number[] = [];
    for (let n = 0; n < trials; n++) {
      const s = sharpeOfRows(returnsByTrial[n]!, isRows);
      if (s > bestSharpe) {
        bestSharpe = s;
        best = n;
      }
      oos.push(sharpeOfRows(returnsByTrial[n]!, oosRows));
    }
    // Rank 1 = worst out of sample; equal values rank below the chosen trial only by index.
    let rank = 1;
    for (let n = 0; n < trials; n++) {
      if (n === best) continue;
      if (oos[n]! < oos[best]! || (oos[n] === oos[best] && n < best)) rank++;
    }
    const omega = rank / (trials + 1);
    const logit = Math.log(omega / (1 - omega));
    logits.push(logit);
    if (logit <= 0) overfit++;
  }
  return { pbo: overfit / logits.length, logits, splits: logits.length };
}
