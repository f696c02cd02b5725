import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { knownAt, ValidationError, type Strategy } from '@pravah/sdk';
import { barsToColumns } from '../data/bar-columns.js';
import { loadMarketData } from '../data/load-market-data.js';
import { loadStrategy } from '../strategies/load-strategy.js';
import { expandGrid } from '../sweep/parameter-grid.js';
import { sweepMarket } from '../sweep/market-source.js';
import type { RankBy } from '../sweep/rank-runs.js';
import { defaultWorkers } from '../sweep/run-sweep.js';
import {
  runSweep,
  runWalkForward,
  type SweepOutcome,
  type WalkForwardOutcome,
} from '../sweep/sweep.js';
import { SweepInputError } from '../sweep/sweep-input-error.js';
import type { SweepData, SweepSetup } from '../sweep/sweep-task.js';
import { parseWalkForward, walkForwardWindows } from '../sweep/walk-forward-windows.js';
import { EXIT } from './exit-codes.js';
import {
  parseDateOption,
  parseNumberOption,
  parseParamsOption,
  parseSlippage,
} from './parse-choices.js';
import { UsageError } from './usage-error.js';

export const SWEEP_USAGE = `Usage: pravah sweep <strategy> --grid '<json>' [options]

Runs <strategy> once per point of a parameter grid on a pool of worker threads, ranks the runs,
and warns when the best one is likely overfitted (deflated Sharpe ratio, CSCV PBO).

Options:
  --grid '<json>'         parameter -> values, e.g. '{"fast":[5,10],"slow":[20,30,50]}'
  --params '<json>'       fixed parameters every grid point starts from
  --workers <n>           worker threads (default: one per core)
  --walk-forward <tr:te>  rolling walk-forward: optimise on tr, test on the next te, in trading
                          days (60d:20d) or bars (600:200); prints the stitched out-of-sample result
  --rank-by <rule>        sharpe (net of charges, default) | grade (badge first, then Sharpe)
  --top <n>               rows of the ranked table (default 20)
  --json <file>           write every run's parameters and metrics, and the overfitting statistics
  --data, --symbol, --from, --to, --capital, --broker-plan, --slippage, --seed
                          as for pravah backtest
  --quiet                 print nothing but errors
`;

interface SweepArgs {
  readonly strategy: string;
  readonly grid: unknown;
  readonly base: unknown;
  readonly data: string | undefined;
  readonly symbol: string | undefined;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly capital: number;
  readonly plan: SweepSetup['plan'];
  readonly slippage: SweepSetup['slippage'];
  readonly seed: number;
  readonly workers: number;
  readonly walkForward: string | undefined;
  readonly rankBy: RankBy;
  readonly top: number;
  readonly json: string | undefined;
  readonly quiet: boolean;
}

function parseSweepArgs(argv: readonly string[]): SweepArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        grid: { type: 'string' },
        params: { type: 'string' },
        workers: { type: 'string' },
        'walk-forward': { type: 'string' },
        'rank-by': { type: 'string' },
        top: { type: 'string' },
        data: { type: 'string' },
        symbol: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        capital: { type: 'string' },
        'broker-plan': { type: 'string' },
        slippage: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'string' },
        quiet: { type: 'boolean' },
        debug: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, 'run `pravah sweep --help` for the options');
  }
  const { values, positionals } = parsed;
  const strategy = positionals[0];
  if (strategy === undefined)
    throw new UsageError(
      'missing <strategy>',
      `e.g. pravah sweep sma-crossover --grid '{"fast":[5,10]}'`,
    );
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  if (values.grid === undefined)
    throw new UsageError('missing --grid', `e.g. --grid '{"fast":[5,10],"slow":[20,30]}'`);
  let grid: unknown;
  try {
    grid = JSON.parse(values.grid);
  } catch {
    throw new UsageError(
      `--grid must be JSON, not ${values.grid}`,
      `e.g. --grid '{"fast":[5,10]}'`,
    );
  }
  const plan = values['broker-plan'] ?? 'zerodha';
  if (plan !== 'zerodha' && plan !== 'upstox' && plan !== 'angel-one' && plan !== 'none')
    throw new UsageError(`--broker-plan must be zerodha, upstox, angel-one or none, not "${plan}"`);
  const rankBy = values['rank-by'] ?? 'sharpe';
  if (rankBy !== 'sharpe' && rankBy !== 'grade')
    throw new UsageError(`--rank-by must be sharpe or grade, not "${rankBy}"`);
  const capital = parseNumberOption('capital', values.capital, 1_000_000);
  if (capital <= 0) throw new UsageError(`--capital must be positive, not ${capital}`);
  const seed = parseNumberOption('seed', values.seed, 42);
  const workers = parseNumberOption('workers', values.workers, defaultWorkers());
  const top = parseNumberOption('top', values.top, 20);
  for (const [name, v] of [
    ['seed', seed],
    ['workers', workers],
    ['top', top],
  ] as const) {
    if (!Number.isInteger(v) || (name !== 'seed' && v < 1))
      throw new UsageError(
        `--${name} must be ${name === 'seed' ? 'an integer' : 'a positive integer'}, not ${v}`,
      );
  }
  return {
    strategy,
    grid,
    base: parseParamsOption(values.params),
    data: values.data,
    symbol: values.symbol,
    from: parseDateOption('from', values.from, false),
    to: parseDateOption('to', values.to, true),
    capital,
    plan,
    slippage: parseSlippage(values.slippage),
    seed,
    workers,
    walkForward: values['walk-forward'],
    rankBy,
    top,
    json: values.json,
    quiet: values.quiet ?? false,
  };
}

/** Grid points, each validated by the strategy's schema before any worker starts. */
function gridPoints(args: SweepArgs, strategy: Strategy): Record<string, unknown>[] {
  if (typeof args.base !== 'object' || args.base === null || Array.isArray(args.base))
    throw new UsageError('--params must be a JSON object');
  let points: Record<string, unknown>[];
  try {
    points = expandGrid(args.grid, args.base as Record<string, unknown>);
  } catch (error) {
    if (error instanceof SweepInputError) throw new UsageError(`bad --grid: ${error.message}`);
    throw error;
  }
  for (const point of points) {
    try {
      strategy.parseParams(point);
    } catch (error) {
      if (error instanceof ValidationError)
        throw new UsageError(
          `bad grid point ${JSON.stringify(point)} for ${strategy.name}: ${error.field || '(root)'}: ${error.issues[0]?.message ?? 'invalid'}`,
          "every combination must pass the strategy's schema; narrow the grid",
        );
      throw error;
    }
  }
  return points;
}

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

function renderTable(outcome: SweepOutcome, top: number): string {
  const header = ['rank', 'params', 'sharpe', 'return', 'max dd', 'trades', 'win', 'grade'];
  const rows = outcome.ranked
    .slice(0, top)
    .map((r) => [
      String(r.rank),
      JSON.stringify(r.params),
      r.metrics.sharpe.toFixed(2),
      pct(r.metrics.totalReturn),
      pct(r.metrics.maxDrawdown),
      String(r.metrics.trades),
      pct(r.metrics.winRate),
      r.badge,
    ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

function renderOverfitting(outcome: SweepOutcome): string {
  const o = outcome.overfitting;
  const parts = [
    `overfitting: ${o.trials} trials over ${o.days} days`,
    `deflated Sharpe ratio ${o.deflatedSharpe === null ? 'n/a' : o.deflatedSharpe.toFixed(3)}`,
    `PBO ${o.pbo === null ? 'n/a' : `${(o.pbo * 100).toFixed(0)}%`}`,
  ];
  return [parts.join('; '), ...o.warnings.map((w) => `WARNING: ${w}`)].join('\n') + '\n';
}

function renderWalkForward(wf: WalkForwardOutcome): string {
  const lines = wf.steps.map(
    (s) =>
      `  #${s.index + 1} test ${s.test.from.slice(0, 10)}..${s.test.to.slice(0, 10)}  params ${JSON.stringify(s.params)}  in-sample sharpe ${s.trainSharpe.toFixed(2)}  out-of-sample return ${pct(s.testMetrics.totalReturn)}, ${s.testMetrics.trades} trades`,
  );
  const o = wf.outOfSample;
  lines.push(
    `out-of-sample (${wf.steps.length} windows stitched, ${o.days} days): return ${pct(o.totalReturn)}, sharpe ${o.annualisedSharpe.toFixed(2)}, max dd ${pct(o.maxDrawdown)}, ${o.trades} trades`,
  );
  return `walk-forward:\n${lines.join('\n')}\n`;
}

/**
 * `pravah sweep`: runs a parameter grid (or a rolling walk-forward over it) on a worker pool,
 * prints the ranked table and the overfitting statistics, and writes everything as JSON.
 */
export async function sweepCommand(
  argv: readonly string[],
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(SWEEP_USAGE);
    return EXIT.ok;
  }
  const args = parseSweepArgs(argv);
  let walkSpec;
  try {
    walkSpec = args.walkForward === undefined ? undefined : parseWalkForward(args.walkForward);
  } catch (error) {
    if (error instanceof SweepInputError) throw new UsageError(`bad --${error.message}`);
    throw error;
  }
  const strategy = await loadStrategy(args.strategy);
  const points = gridPoints(args, strategy);
  // The main thread loads the data once and shares the columns with the workers (no copy).
  const market =
    args.data === undefined
      ? undefined
      : await loadMarketData(path.resolve(args.data), { symbol: args.symbol });
  const data: SweepData = market
    ? {
        kind: 'shared',
        key: `${path.resolve(args.data!)}|${args.symbol ?? ''}`,
        columns: barsToColumns(
          market.events.filter((e) => e.kind === 'bar'),
          { shared: true },
        ),
        instruments: market.instruments,
      }
    : { kind: 'default' };
  const setup: SweepSetup = {
    strategy: args.strategy,
    cwd: process.cwd(),
    data,
    capital: args.capital,
    plan: args.plan,
    slippage: args.slippage,
    seed: args.seed,
  };
  const showProgress = !args.quiet && io.stderr.isTTY === true;
  const request = {
    setup,
    points,
    workers: args.workers,
    rankBy: args.rankBy,
    range: { from: args.from, to: args.to },
    onProgress: (n: number, total: number) => {
      if (showProgress) io.stderr.write(`\r  ${n}/${total} backtests`);
    },
  };
  const started = Date.now();
  const outcome = await runSweep(request);
  let walk: WalkForwardOutcome | undefined;
  if (walkSpec) {
    const events = market?.events ?? (await sweepMarket({ kind: 'default' })).events;
    const from = args.from ?? -Infinity;
    const to = args.to ?? Infinity;
    const inRange = events.filter((e) => knownAt(e) >= from && knownAt(e) <= to);
    walk = await runWalkForward(request, walkForwardWindows(inRange, walkSpec));
  }
  if (showProgress) io.stderr.write('\n');
  const seconds = (Date.now() - started) / 1000;
  if (args.json !== undefined) {
    await mkdir(path.dirname(path.resolve(args.json)), { recursive: true });
    await writeFile(
      args.json,
      `${JSON.stringify(
        {
          strategy: strategy.name,
          grid: args.grid,
          rankBy: args.rankBy,
          workers: args.workers,
          seconds,
          runs: outcome.ranked,
          overfitting: outcome.overfitting,
          ...(walk ? { walkForward: walk } : {}),
        },
        null,
        2,
      )}\n`,
    );
  }
  if (!args.quiet) {
    io.stdout.write(
      `${strategy.name}: ${points.length} backtests on ${Math.min(args.workers, points.length)} worker(s) in ${seconds.toFixed(1)} s, ranked by ${args.rankBy}\n`,
    );
    io.stdout.write(renderTable(outcome, args.top));
    io.stdout.write(renderOverfitting(outcome));
    if (walk) io.stdout.write(renderWalkForward(walk));
    if (args.json !== undefined) io.stdout.write(`  json: ${args.json}\n`);
  }
  return EXIT.ok;
}
