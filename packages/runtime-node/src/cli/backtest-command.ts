import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBacktest, type BacktestResult } from '@pravah/backtest';
import {
  defaultMarket,
  ValidationError,
  type Bar,
  type Instrument,
  type MarketEvent,
} from '@pravah/sdk';
import { loadMarketData } from '../data/load-market-data.js';
import { writeReport, resultJson, type WrittenReport } from '../report/write-report.js';
import { renderTerminalSummary } from '../report/terminal-summary.js';
import { loadStrategy } from '../strategies/load-strategy.js';
import { feesFor, slippageModel } from '../sweep/run-costs.js';
import { EXIT } from './exit-codes.js';
import {
  gradeFails,
  parseDateOption,
  parseFailOn,
  parseNumberOption,
  parseParamsOption,
  parseSlippage,
  type SlippageChoice,
} from './parse-choices.js';
import { Progress } from './progress.js';
import { UsageError } from './usage-error.js';

export const BACKTEST_USAGE = `Usage: pravah backtest <strategy> [options]

<strategy> is an example name (sma-crossover, ...) or a path to a .ts/.js file exporting defineStrategy(...).

Options:
  --data <file|dir>       OHLCV CSV (header; naive times are IST), any format in shared/data/nse, or a folder of them;
                          also Parquet, and .arrow caches from \`pravah data convert\` (much faster to load).
                          Without --data the embedded synthetic market is used.
  --symbol <SYM>          instrument to trade when the data holds several (e.g. RELIANCE or NSE:RELIANCE)
  --from <date>           first IST date (2024-01-31 or 2024-01-31T09:15)
  --to <date>             last IST date
  --capital <rupees>      starting cash (default 1000000)
  --params '<json>'       strategy parameters, validated by the strategy's schema
  --broker-plan <plan>    zerodha | upstox | angel-one | none (default zerodha)
  --slippage <model>      none | bps:N | ticks:N | volume (default none)
  --seed <n>              seed for everything random (default 42)
  --report <dir>          write report.html, summary.md and result.json there
  --json <file>           write the BacktestResult JSON there
  --fail-on <grade>       red | amber | never (default never): exit 1 when the grade is at least this bad
  --quiet                 no progress and no summary on the terminal
  --debug                 show stack traces
`;

/** Parsed `pravah backtest` options. */
interface BacktestArgs {
  readonly strategy: string;
  readonly data: string | undefined;
  readonly symbol: string | undefined;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly capital: number;
  readonly params: unknown;
  readonly plan: 'zerodha' | 'upstox' | 'angel-one' | 'none';
  readonly slippage: SlippageChoice;
  readonly seed: number;
  readonly report: string | undefined;
  readonly json: string | undefined;
  readonly failOn: ReturnType<typeof parseFailOn>;
  readonly quiet: boolean;
}

function parseBacktestArgs(argv: readonly string[]): BacktestArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        symbol: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        capital: { type: 'string' },
        params: { type: 'string' },
        'broker-plan': { type: 'string' },
        slippage: { type: 'string' },
        seed: { type: 'string' },
        report: { type: 'string' },
        json: { type: 'string' },
        'fail-on': { type: 'string' },
        quiet: { type: 'boolean' },
        debug: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, 'run `pravah backtest --help` for the options');
  }
  const { values, positionals } = parsed;
  const strategy = positionals[0];
  if (strategy === undefined)
    throw new UsageError('missing <strategy>', 'e.g. pravah backtest sma-crossover');
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const plan = values['broker-plan'] ?? 'zerodha';
  if (plan !== 'zerodha' && plan !== 'upstox' && plan !== 'angel-one' && plan !== 'none') {
    throw new UsageError(`--broker-plan must be zerodha, upstox, angel-one or none, not "${plan}"`);
  }
  const capital = parseNumberOption('capital', values.capital, 1_000_000);
  if (capital <= 0) throw new UsageError(`--capital must be positive, not ${capital}`);
  const seed = parseNumberOption('seed', values.seed, 42);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, not ${seed}`);
  return {
    strategy,
    data: values.data,
    symbol: values.symbol,
    from: parseDateOption('from', values.from, false),
    to: parseDateOption('to', values.to, true),
    capital,
    params: parseParamsOption(values.params),
    plan,
    slippage: parseSlippage(values.slippage),
    seed,
    report: values.report,
    json: values.json,
    failOn: parseFailOn(values['fail-on']),
    quiet: values.quiet ?? false,
  };
}

/** Everything the run needs from the data: events in time order, instruments, and the price series for the chart. */
interface MarketInput {
  readonly events: readonly MarketEvent[];
  readonly instruments: readonly Instrument[];
  readonly notes: readonly string[];
}

async function marketInput(args: BacktestArgs): Promise<MarketInput> {
  if (args.data === undefined) {
    const market = defaultMarket();
    return {
      events: Array.from(market.bars()),
      instruments: market.instruments,
      notes: [`embedded synthetic market (seed ${market.seed}, ${market.from} to ${market.to})`],
    };
  }
  return loadMarketData(path.resolve(args.data), { symbol: args.symbol });
}

/** Price series of the only traded instrument, for the report's price chart. */
function priceSeries(events: readonly MarketEvent[], instruments: readonly Instrument[]) {
  if (instruments.length !== 1) return undefined;
  const instrument = instruments[0]!.id;
  const bars = events.filter((e): e is Bar => e.kind === 'bar');
  return bars.length === 0 ? undefined : { instrument, bars };
}

/**
 * `pravah backtest`: loads the strategy and data, runs the backtest, prints a summary, writes
 * the JSON and the report, and returns the exit code (0 pass, 1 grade failed per --fail-on).
 */
export async function backtestCommand(
  argv: readonly string[],
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(BACKTEST_USAGE);
    return EXIT.ok;
  }
  const args = parseBacktestArgs(argv);
  const strategy = await loadStrategy(args.strategy);
  let params: unknown;
  try {
    params = strategy.parseParams(args.params);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new UsageError(
        `bad --params for ${strategy.name}: ${error.field || '(root)'}: ${error.issues[0]?.message ?? 'invalid'} (got ${JSON.stringify(error.value)})`,
        "check the parameter names and types in the strategy's schema",
      );
    }
    throw error;
  }
  const market = await marketInput(args);
  const progress = new Progress(
    market.events.length,
    io.stderr,
    !args.quiet && io.stderr.isTTY === true,
  );
  const fees = feesFor(args.plan);
  const slippage = slippageModel(args.slippage);
  let result: BacktestResult;
  try {
    result = runBacktest(strategy, {
      feed: market.events,
      instruments: market.instruments,
      capital: args.capital,
      params,
      seed: args.seed,
      planName: args.plan,
      ...(fees ? { fees } : {}),
      ...(slippage ? { slippage } : {}),
      ...(args.from !== undefined ? { from: args.from } : {}),
      ...(args.to !== undefined ? { to: args.to } : {}),
      onProgress: (n) => progress.update(n),
      progressEvery: 50_000,
    });
  } finally {
    progress.done();
  }

  if (args.json !== undefined) {
    await mkdir(path.dirname(path.resolve(args.json)), { recursive: true });
    await writeFile(args.json, resultJson(result));
  }
  let report: WrittenReport | undefined;
  if (args.report !== undefined)
    report = await writeReport(args.report, result, priceSeries(market.events, market.instruments));
  if (!args.quiet) {
    io.stdout.write(renderTerminalSummary(result, io.stdout.isTTY === true));
    for (const note of market.notes) io.stdout.write(`  data: ${note}\n`);
    if (report) io.stdout.write(`  report: ${report.html}\n`);
    if (args.json !== undefined) io.stdout.write(`  json: ${args.json}\n`);
  }
  if (gradeFails(result.grade.badge, args.failOn)) {
    io.stderr.write(`pravah: grade ${result.grade.badge} fails --fail-on ${args.failOn}\n`);
    return EXIT.gradeFailed;
  }
  return EXIT.ok;
}
