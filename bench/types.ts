/** One measured figure of a benchmark suite. */
export interface BenchResult {
  /** What was measured, e.g. `parse NIFTY 1-minute CSV`. */
  readonly name: string;
  /** Median of the measured runs. */
  readonly value: number;
  /** e.g. `rows/s`, `updates/s`, `µs`. */
  readonly unit: string;
  /** Budget from DESIGN.md §10 or the issue: `min` for throughputs, `max` for latencies. */
  readonly budget?: { readonly min?: number; readonly max?: number };
  /** How it was measured: input size, repetitions, what is included. */
  readonly note?: string;
}

/** A suite file's default export. */
export type BenchSuite = () => Promise<readonly BenchResult[]> | readonly BenchResult[];
