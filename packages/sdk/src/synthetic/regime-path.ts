import type { SeededRandom } from './seeded-random.js';

/**
 * Draws a Markov chain of regime indexes, one per trading day: day 0 is `initial`, each next
 * day is drawn from the row of today's regime in `transitions`.
 *
 * @example
 * ```ts
 * simulateRegimePath(new SeededRandom(1), 5, [[0.9, 0.1], [0.2, 0.8]], 0); // e.g. Uint8Array [0, 0, 0, 1, 1]
 * ```
 */
export function simulateRegimePath(
  rng: SeededRandom,
  days: number,
  transitions: readonly (readonly number[])[],
  initial: number,
): Uint8Array {
  const path = new Uint8Array(days);
  let regime = initial;
  for (let k = 0; k < days; k++) {
    if (k > 0) {
      const row = transitions[regime] ?? [];
      const u = rng.uniform();
      let cumulative = 0;
      let next = row.length - 1;
      for (let j = 0; j < row.length; j++) {
        cumulative += row[j] ?? 0;
        if (u < cumulative) {
          next = j;
          break;
        }
      }
      regime = next;
    }
    path[k] = regime;
  }
  return path;
}
