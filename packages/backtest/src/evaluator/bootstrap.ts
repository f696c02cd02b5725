import { percentile } from '../metrics/statistics.js';

/** Bootstrap estimate of a mean: confidence interval and the probability it reaches a target. */
export interface BootstrapSummary {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  /** Share of resampled means >= the target: how likely the target is really met. */
  readonly probabilityTargetMet: number;
  readonly samples: number;
}

/** mulberry32, so the same seed gives the same interval. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeded percentile bootstrap of the mean of `values`: resample with replacement `samples`
 * times, take the (1 − level)/2 and (1 + level)/2 percentiles of the resampled means.
 */
export function bootstrapMean(
  values: readonly number[],
  target: number,
  options: { samples: number; seed: number; level: number },
): BootstrapSummary | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const next = random(options.seed);
  const means = new Array<number>(options.samples);
  let met = 0;
  for (let s = 0; s < options.samples; s++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(next() * n)]!;
    const m = sum / n;
    means[s] = m;
    if (m >= target) met++;
  }
  let total = 0;
  for (const v of values) total += v;
  return {
    mean: total / n,
    lower: percentile(means, ((1 - options.level) / 2) * 100),
    upper: percentile(means, ((1 + options.level) / 2) * 100),
    level: options.level,
    probabilityTargetMet: met / options.samples,
    samples: options.samples,
  };
}
