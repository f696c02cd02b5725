import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatIst, nseCalendar } from '@pravah/sdk';
import { createBrokers } from '../live/config/create-broker.js';
import { LiveConfigSchema, type LiveConfig } from '../live/config/live-config.js';
import { loadLiveConfig } from '../live/config/load-live-config.js';
import { startDemoMarket, type DemoMarket } from '../live/demo/start-demo-market.js';
import { createLiveLogger } from '../live/observability/live-logger.js';
import { LiveMetrics } from '../live/observability/live-metrics.js';
import { startHealthServer, type HealthServer } from '../live/observability/health-server.js';
import { createRuntime } from '../live/runtime/live-runtime.js';
import type { LiveMode } from '../live/runtime/runtime-options.js';
import { loadStrategy } from '../strategies/load-strategy.js';
import type { CliIo } from './main.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';

export const LIVE_USAGE = `Usage: pravah live|paper|dry-run <strategy> --broker kite|upstox|smartapi|paper --config <file>
       pravah paper <strategy> --demo        (against a local fake Kite market: no account needed)

  live      orders go to the broker
  paper     orders go to a paper broker fed by the broker's live market data
  dry-run   the strategy decides and logs; nothing is sent

Options:
  --broker <name>   kite | upstox | smartapi | paper
  --config <file>   JSON config (journal, limits, params, universe, http, log); see docs/live-trading.md
  --demo            start a fake Kite server on 127.0.0.1 with moving prices and trade against it
                    (broker kite, universe NSE:INFY and a journal in a temporary folder unless a
                    --config says otherwise)

Secrets are read from environment variables (KITE_API_KEY, KITE_ACCESS_TOKEN, ...) or from the
file named by secrets.file in the config, never from the command line. SIGINT/SIGTERM stop new
orders, cancel open ones, flush the journal and exit 0.
`;

const SECRET_FLAGS = /^--(access-?token|api-?key|api-?secret|token|password|pin|totp|secret)/i;

/**
 * `pravah live|paper|dry-run`: runs a strategy against a broker until SIGINT/SIGTERM (or until
 * the runtime stops itself), writing JSON logs to stdout and end-of-day reports next to the
 * journal. Resolves to the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await liveCommand('paper', ['sma-crossover', '--broker', 'kite', '--config', 'paper.json'], io);
 * ```
 */
export async function liveCommand(
  mode: LiveMode,
  argv: readonly string[],
  io: CliIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const secretFlag = argv.find((a) => SECRET_FLAGS.test(a));
  if (secretFlag !== undefined) {
    throw new UsageError(
      `${secretFlag.split('=')[0]} is not accepted: secrets never go on the command line (shell history, ps)`,
      'export them as environment variables or name a secrets file in the config (secrets.file)',
    );
  }
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      broker: { type: 'string' },
      config: { type: 'string' },
      demo: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    io.stdout.write(LIVE_USAGE);
    return EXIT.ok;
  }
  const [strategyRef] = positionals;
  if (strategyRef === undefined) throw new UsageError('missing <strategy>', LIVE_USAGE);
  const demo = values.demo === true;
  const broker = values.broker ?? (demo ? 'kite' : undefined);
  if (demo && broker !== 'kite' && broker !== 'paper') {
    throw new UsageError('--demo runs against a fake Kite server: use --broker kite (or omit it)');
  }
  if (broker !== 'kite' && broker !== 'upstox' && broker !== 'smartapi' && broker !== 'paper') {
    throw new UsageError(
      `--broker must be kite, upstox, smartapi or paper, not ${broker === undefined ? 'missing' : `"${broker}"`}`,
    );
  }
  if (mode === 'live' && broker === 'paper') {
    throw new UsageError('pravah live needs a real broker', 'use pravah paper for paper trading');
  }
  if (values.config === undefined && !demo)
    throw new UsageError('missing --config <file>', LIVE_USAGE);

  const strategy = await loadStrategy(strategyRef);
  let config: LiveConfig =
    values.config === undefined ? demoConfig() : loadLiveConfig(values.config);
  let market: DemoMarket | undefined;
  let brokerEnv = env;
  if (demo) {
    if (config.universe.length === 0) config = { ...config, universe: ['NSE:INFY'] };
    market = await startDemoMarket(
      strategy.universe.length > 0 ? strategy.universe : config.universe,
      100,
    );
    config = {
      ...config,
      sessionAware: false,
      broker: { ...config.broker, baseUrl: market.fake.url, tickerUrl: market.fake.tickerUrl },
      secrets: { env: {} },
    };
    brokerEnv = { ...env, ...market.env };
  }
  const universe = strategy.universe.length > 0 ? strategy.universe : config.universe;
  const brokers = await createBrokers(mode, broker, config, universe, brokerEnv);
  const log = createLiveLogger({
    level: config.log.level,
    secrets: brokers.secrets,
    destination: io.stdout,
  });
  const metrics = new LiveMetrics();
  const runId = config.runId ?? `${strategy.name}-${formatIst(Date.now()).slice(0, 10)}`;
  const reportDir = config.reportDir ?? path.dirname(config.journal);
  mkdirSync(path.dirname(config.journal), { recursive: true });
  const runtime = createRuntime({
    strategy,
    params: config.params,
    universe,
    broker: brokers.orders,
    mode,
    journal: config.journal,
    calendar: nseCalendar,
    runId,
    limits: config.limits,
    logger: log,
    metrics,
    marketEvents: config.marketEvents,
    sessionAware: config.sessionAware,
    warmupMs: config.warmupDays * 86_400_000,
    misBroker: config.misBroker,
    squareOffLeadMs: config.squareOffLeadSeconds * 1000,
    onReport: (report) => {
      mkdirSync(reportDir, { recursive: true });
      const day = formatIst(report.time).slice(0, 10);
      writeFileSync(
        path.join(reportDir, `${runId}-${day}-eod.json`),
        `${JSON.stringify(report, null, 2)}\n`,
      );
    },
  });

  const stop = (signal: string): void => void runtime.stop(signal);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let server: HealthServer | undefined;
  try {
    if (config.http !== false) {
      server = await startHealthServer({
        host: config.http.host,
        port: config.http.port,
        metrics,
        health: () => runtime.health(),
      });
      log.info({ url: server.url }, 'health and metrics endpoint');
    }
    await runtime.start();
    const reason = await runtime.stopped;
    log.info({ reason }, 'stopped');
    return EXIT.ok;
  } catch (error) {
    await runtime.stop('start-up failed').catch(() => undefined);
    throw error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await server?.close();
    await brokers.close();
    await market?.close();
    log.flush();
  }
}

/** The config of `--demo` without `--config`: a journal in a fresh temporary folder. */
function demoConfig(): LiveConfig {
  const dir = mkdtempSync(path.join(tmpdir(), 'pravah-demo-'));
  return LiveConfigSchema.parse({
    journal: path.join(dir, 'demo.journal'),
    universe: ['NSE:INFY'],
    marketEvents: 'ticks',
    warmupDays: 0.01,
    http: { host: '127.0.0.1', port: 0 },
  });
}
