import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { SweepRun, SweepTask } from './sweep-task.js';

/**
 * The worker entry: the built `sweep-worker.js` beside the bundled CLI, or the package's built
 * one when this module runs from TypeScript sources (Node 20 worker threads cannot load .ts).
 */
function workerEntry(): string {
  const candidates = [
    new URL('./sweep-worker.js', import.meta.url),
    new URL('../../dist/sweep-worker.js', import.meta.url),
  ].map((u) => fileURLToPath(u));
  const found = candidates.find((file) => existsSync(file));
  if (found === undefined)
    throw new Error(
      `sweep worker not built (looked for ${candidates.join(', ')}); run npm run build first`,
    );
  return found;
}

/** Worker threads to use when `--workers` is not given: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs backtests on a pool of worker threads (tinypool), at most `workers` at a time, and
 * returns the runs in task order whatever order they finish in. Each worker loads the strategy
 * and the data once and reuses them for every task it gets.
 *
 * @example
 * ```ts
 * const runs = await runOnWorkers(points.map((params) => ({ setup, params })), 2);
 * ```
 */
export async function runOnWorkers(
  tasks: readonly SweepTask[],
  workers: number,
  onDone?: (finished: number) => void,
): Promise<SweepRun[]> {
  const filename = workerEntry();
  const threads = Math.max(1, Math.min(workers, tasks.length));
  const pool = new Tinypool({
    filename,
    // The built worker needs no loader; do not inherit the parent's (tsx, vitest).
    execArgv: [],
    minThreads: threads,
    maxThreads: threads,
    isolateWorkers: false,
    idleTimeout: 0,
  });
  let finished = 0;
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const run = (await pool.run(task)) as SweepRun;
        onDone?.(++finished);
        return run;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
