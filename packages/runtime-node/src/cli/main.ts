import { PravahError } from '@pravah/sdk';
import { BACKTEST_USAGE, backtestCommand } from './backtest-command.js';
import { liveCommand } from './live-command.js';
import { dataCommand } from './data-command.js';
import { sweepCommand } from './sweep-command.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: pravah <command> [options]

Commands:
  backtest <strategy>   run a backtest and write a report (pravah backtest --help)
  live|paper|dry-run <strategy>  trade live, on paper, or decide only (pravah live --help)
  sweep <strategy>      run a parameter grid on all cores, rank it, check overfitting (pravah sweep --help)
  data convert|info     build an Arrow cache from CSV/Parquet, describe a data file (pravah data --help)

Options:
  --help, -h            show help
  --version             show the version
  --debug               show stack traces on errors
`;

/** Streams the CLI writes to (injectable for tests). */
export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/**
 * Runs the `pravah` CLI and resolves to its exit code: 0 pass, 1 grade failed per --fail-on,
 * 2 usage or input error, 3 internal error. Errors print as one line plus a hint; stack traces
 * only with --debug.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2));
 * ```
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv.filter((a) => a !== '--debug');
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case '--version':
        io.stdout.write(`${VERSION}\n`);
        return EXIT.ok;
      case 'backtest':
        return await backtestCommand(rest, io);
      case 'live':
      case 'paper':
      case 'dry-run':
        return await liveCommand(command, rest, io);
      case 'sweep':
        return await sweepCommand(rest, io);
      case 'data':
        return await dataCommand(rest, io);
      default:
        throw new UsageError(
          `unknown command "${command}"`,
          'run `pravah --help` for the commands',
        );
    }
  } catch (error) {
    return reportError(error, debug, io, command === 'backtest' ? BACKTEST_USAGE : USAGE);
  }
}

declare const __PRAVAH_VERSION__: string | undefined;
const VERSION = typeof __PRAVAH_VERSION__ === 'string' ? __PRAVAH_VERSION__ : '0.1.0';

function reportError(error: unknown, debug: boolean, io: CliIo, _usage: string): number {
  if (error instanceof UsageError) {
    io.stderr.write(`pravah: ${error.message}\n`);
    if (error.hint) io.stderr.write(`hint: ${error.hint}\n`);
    if (debug) io.stderr.write(`${error.stack ?? ''}\n`);
    return EXIT.usage;
  }
  if (error instanceof PravahError) {
    // Typed errors from the SDK are about the input (data, parameters, configuration).
    io.stderr.write(`pravah: ${error.message}\n`);
    io.stderr.write('hint: fix the input named above; run with --debug for details\n');
    if (debug) io.stderr.write(`${error.stack ?? ''}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`pravah: internal error: ${message.split('\n')[0]}\n`);
  io.stderr.write('hint: this is a bug in Pravah; rerun with --debug and report the output\n');
  if (debug && error instanceof Error) io.stderr.write(`${error.stack ?? ''}\n`);
  return EXIT.internal;
}
