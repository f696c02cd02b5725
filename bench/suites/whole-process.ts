// Whole-process backtest throughput (DESIGN.md §10, issue 5): the CLI as a user runs it, in a
// fresh Node process each time: read the 25 NIFTY 1-minute CSV files, run SMA(10/30) with
// Zerodha charges, write the BacktestResult JSON. Bars per second of wall time, process start
// and module loading included. Needs the built CLI (packages/runtime-node/dist/cli.js).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../measure.js';
import type { BenchResult } from '../types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'packages/runtime-node/dist/cli.js');
const NIFTY_DIR = fileURLToPath(
  new URL('../../../shared/data/nse/nifty_index_1min/', import.meta.url),
);
const BARS = 194_423;
const RUNS = 5;
const WARMUPS = 1;

/**
 * CPU seconds (user + system) of this process's waited-for children so far, from
 * /proc/self/stat (cutime + cstime, in clock ticks of 1/100 s on Linux): the figure, since the
 * 2-core machine is shared and wall time would count time spent descheduled.
 */
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

export default function wholeProcessSuite(): BenchResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'pravah-bench-'));
  const json = join(dir, 'result.json');
  const run = (): { cpu: number; wall: number } => {
    const cpu0 = childCpuSeconds();
    const t0 = performance.now();
    execFileSync(
      process.execPath,
      [CLI, 'backtest', 'sma-crossover', '--data', NIFTY_DIR, '--json', json, '--quiet'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return { wall: (performance.now() - t0) / 1000, cpu: childCpuSeconds() - cpu0 };
  };
  try {
    for (let i = 0; i < WARMUPS; i++) run();
    const runs: { cpu: number; wall: number }[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(run());
    const result = JSON.parse(readFileSync(json, 'utf8')) as {
      run: { events: number };
      trades: unknown[];
    };
    const cpu = median(runs.map((r) => r.cpu));
    const wall = median(runs.map((r) => r.wall));
    return [
      {
        name: 'whole process: pravah backtest sma-crossover --data <NIFTY 1m folder> --json',
        value: BARS / cpu,
        unit: 'bars/s',
        budget: { min: 1_000_000 },
        note:
          `${BARS.toLocaleString('en-US')} CSV rows (25 files) read, ${result.run.events.toLocaleString('en-US')} ` +
          `events run, ${result.trades.length} trades, ${Math.round(statSync(json).size / 1024)} KiB JSON written; ` +
          `fresh \`node packages/runtime-node/dist/cli.js\` per run (start-up included), ` +
          `median of ${RUNS} runs after ${WARMUPS} warm-up: ${(cpu * 1000).toFixed(0)} ms of CPU (user + ` +
          `system, all threads) = the figure; wall clock ${(wall * 1000).toFixed(0)} ms = ` +
          `${Math.round(BARS / wall).toLocaleString('en-US')} bars/s on the shared 2-core machine`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
