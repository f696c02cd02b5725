// Intraday activity profile: high at the open, higher still into the close, quiet at midday.
// Calibrated on the real 2016 NSE minute files (../shared/data/nse/stocks_1min_2016): there the
// first half hour trades about 1-3x the midday rate, the last half hour about 3-4.5x and the
// first minute 2-13x.
const OPEN_SPIKE = 3;
const OPEN_DECAY_MINUTES = 5;
const CLOSE_RAMP = 4;
const CLOSE_DECAY_MINUTES = 20;
const U_CURVATURE = 0.3;

const cache = new Map<number, Float64Array>();

/**
 * Shares of a session's activity per minute (they sum to 1) for a session of `minutes`
 * minutes; volume is split by these shares and so is the day's intraday variance.
 */
export function intradayProfile(minutes: number): Float64Array {
  const hit = cache.get(minutes);
  if (hit !== undefined) return hit;
  const weights = new Float64Array(minutes);
  let total = 0;
  for (let m = 0; m < minutes; m++) {
    const x = minutes === 1 ? 0.5 : m / (minutes - 1);
    const w =
      1 +
      OPEN_SPIKE * Math.exp(-m / OPEN_DECAY_MINUTES) +
      CLOSE_RAMP * Math.exp(-(minutes - 1 - m) / CLOSE_DECAY_MINUTES) +
      U_CURVATURE * (2 * x - 1) * (2 * x - 1);
    weights[m] = w;
    total += w;
  }
  for (let m = 0; m < minutes; m++) weights[m] = (weights[m] ?? 0) / total;
  cache.set(minutes, weights);
  return weights;
}
