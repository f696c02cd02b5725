// A lean `pravah live` for the SIGKILL test: the same liveCommand as the CLI, without the
// backtest and report modules the full CLI entry loads (start-up time is what bounds the
// number of kills a test can afford).
import { liveCommand } from '../../../src/cli/live-command.js';

const code = await liveCommand('live', process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exit(code);
