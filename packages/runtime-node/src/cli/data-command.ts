import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeArrowCache, encodeArrowCache } from '../data/arrow-cache.js';
import { barsToColumns } from '../data/bar-columns.js';
import { isArrowCache, loadMarketData } from '../data/load-market-data.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';

export const DATA_USAGE = `Usage: pravah data <subcommand>

Subcommands:
  convert <file|dir> --out <file.arrow> [--symbol SYM]
                          read any CSV or Parquet input pravah backtest --data reads and write it
                          as an Arrow IPC bar cache; pass the .arrow file to --data afterwards
  info <file>             bars, instruments, timeframes and time range of a data file or cache
`;

function istText(epochMs: number): string {
  return new Date(epochMs + 19_800_000).toISOString().slice(0, 16).replace('T', ' ');
}

async function convert(
  argv: readonly string[],
  io: { stdout: NodeJS.WriteStream },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { out: { type: 'string' }, symbol: { type: 'string' }, quiet: { type: 'boolean' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, 'run `pravah data --help`');
  }
  const input = parsed.positionals[0];
  const out = parsed.values.out;
  if (input === undefined || out === undefined)
    throw new UsageError(
      'convert needs <input> and --out <file.arrow>',
      'e.g. pravah data convert ../shared/data/nse/nifty_index_1min --out nifty.arrow',
    );
  if (!isArrowCache(out))
    throw new UsageError(
      `--out must end in .arrow (Arrow IPC), not ${path.basename(out)}`,
      'Parquet is read (--data x.parquet) but not written; use an .arrow cache',
    );
  const started = performance.now();
  const market = await loadMarketData(path.resolve(input), { symbol: parsed.values.symbol });
  const bars = market.events.filter((e) => e.kind === 'bar');
  const bytes = encodeArrowCache(barsToColumns(bars), market.notes);
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await writeFile(out, bytes);
  if (!parsed.values.quiet) {
    const seconds = (performance.now() - started) / 1000;
    io.stdout.write(
      `wrote ${out}: ${bars.length.toLocaleString('en-IN')} bars of ${market.instruments.map((i) => i.id).join(', ')}, ${(bytes.byteLength / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s\n`,
    );
  }
  return EXIT.ok;
}

async function info(argv: readonly string[], io: { stdout: NodeJS.WriteStream }): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'));
  if (file === undefined)
    throw new UsageError('info needs a file', 'e.g. pravah data info nifty.arrow');
  const target = path.resolve(file);
  const size = await stat(target).then(
    (s) => s.size,
    () => {
      throw new UsageError(`data not found: ${target}`);
    },
  );
  const lines: string[] = [`${file}`];
  if (isArrowCache(target)) {
    const { columns, notes } = decodeArrowCache(await readFile(target));
    lines.push(
      `  format: Arrow IPC bar cache, ${(size / 1e6).toFixed(1)} MB`,
      `  bars: ${columns.length.toLocaleString('en-IN')}`,
      `  instruments: ${columns.instrumentIds.join(', ')}`,
      `  timeframes: ${columns.timeframes.join(', ')}`,
    );
    if (columns.length > 0)
      lines.push(
        `  from ${istText(columns.time[0]!)} to ${istText(columns.time[columns.length - 1]!)} IST (bar open times)`,
      );
    for (const note of notes) lines.push(`  source: ${note}`);
  } else {
    const market = await loadMarketData(target);
    const bars = market.events.filter((e) => e.kind === 'bar');
    lines.push(
      `  format: CSV/Parquet, ${(size / 1e6).toFixed(1)} MB`,
      `  bars: ${bars.length.toLocaleString('en-IN')}`,
      `  instruments: ${market.instruments.map((i) => i.id).join(', ')}`,
      `  timeframes: ${[...new Set(bars.map((b) => b.timeframe))].join(', ')}`,
    );
    if (bars.length > 0)
      lines.push(
        `  from ${istText(bars[0]!.time)} to ${istText(bars[bars.length - 1]!.time)} IST (bar open times)`,
      );
    for (const note of market.notes) lines.push(`  ${note}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/**
 * `pravah data convert|info`: builds Arrow bar caches from CSV or Parquet input, and describes
 * data files.
 */
export async function dataCommand(
  argv: readonly string[],
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'convert':
      if (rest.includes('--help')) break;
      return convert(rest, io);
    case 'info':
      if (rest.includes('--help')) break;
      return info(rest, io);
    case undefined:
    case '--help':
    case '-h':
      break;
    default:
      throw new UsageError(`unknown data subcommand "${sub}"`, 'use convert or info');
  }
  io.stdout.write(DATA_USAGE);
  return sub === undefined ? EXIT.usage : EXIT.ok;
}
