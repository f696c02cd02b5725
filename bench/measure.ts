/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `fn` `warmup` times, then `runs` times, and returns the median throughput in items per
 * second, where each call processes `items` items.
 */
export function throughput(fn: () => unknown, items: number, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    const ns = Number(process.hrtime.bigint() - t0);
    rates.push(items / (ns / 1e9));
  }
  return median(rates);
}

/** Path of the shared real data, relative to the project root (bench runs from the root). */
export const SHARED_DATA = new URL('../../shared/data/', import.meta.url);
