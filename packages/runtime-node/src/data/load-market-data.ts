import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  detectFormat,
  mergeIterablesByTime,
  parseGenericCsv,
  parseInstrument,
  parseNseIndexMinutes,
  parseNseStockMinutes,
  type Bar,
  type Instrument,
  type InstrumentId,
  type MarketEvent,
} from '@pravah/sdk';
import { UsageError } from '../cli/usage-error.js';
import { decodeArrowCache } from './arrow-cache.js';
import { columnsToBars } from './bar-columns.js';
import { parquetToCsv } from './parquet-input.js';

/** Market data read from files: events in `knownAt` order, their instruments, and what the parsers reported. */
export interface MarketData {
  readonly events: readonly MarketEvent[];
  readonly instruments: readonly Instrument[];
  readonly notes: readonly string[];
}

/**
 * An instrument for an id read from a file: index for NIFTY-style names, else a cash equity
 * (lot 1, tick 0.05).
 *
 * @example
 * ```ts
 * instrumentFor('NSE:NIFTY 50' as InstrumentId).type; // 'IDX'
 * ```
 */
export function instrumentFor(id: InstrumentId): Instrument {
  const at = id.indexOf(':');
  const exchange = id.slice(0, at);
  const symbol = id.slice(at + 1);
  const isIndex = /^NIFTY/.test(symbol) && !/FUT$/.test(symbol);
  return parseInstrument({
    id,
    exchange,
    symbol,
    type: isIndex ? 'IDX' : 'EQ',
    lotSize: 1,
    tickSize: 0.05,
  });
}

/** `--symbol RELIANCE` or `--symbol NSE:RELIANCE` as an instrument id. */
function symbolId(symbol: string): InstrumentId {
  return (symbol.includes(':') ? symbol : `NSE:${symbol}`) as InstrumentId;
}

function symbolFromFileName(file: string): string {
  return path
    .basename(file)
    .replace(/\.(csv|txt|parquet)$/i, '')
    .split(/_/)[0]!
    .toUpperCase();
}

async function filesOf(target: string): Promise<string[]> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new UsageError(
      `data not found: ${target}`,
      'give --data a CSV file or a folder of CSV files',
    );
  }
  if (!info.isDirectory()) return [target];
  const names = (await readdir(target)).filter((n) => /\.(csv|txt|parquet)$/i.test(n)).sort();
  if (names.length === 0) throw new UsageError(`no .csv or .txt files in ${target}`);
  return names.map((n) => path.join(target, n));
}

/** Whether a path names a bar cache written by `pravah data convert`. */
export function isArrowCache(file: string): boolean {
  return /\.(arrow|feather|ipc)$/i.test(file);
}

/**
 * Reads OHLCV bars from a file or a folder: generic CSV with a header (naive times as IST), the
 * NSE index minute files and the NSE stock minute files (format detected from each file's head),
 * Parquet files with the generic columns, and Arrow bar caches written by `pravah data convert`.
 * Bad rows stop the run with the parser's typed error (line, field, value).
 *
 * @example
 * ```ts
 * const { events, instruments } = await loadMarketData('../shared/data/nse/nifty_index_1min');
 * ```
 */
export async function loadMarketData(
  target: string,
  options: { symbol?: string | undefined } = {},
): Promise<MarketData> {
  const files = await filesOf(target);
  if (files.length === 1 && isArrowCache(files[0]!)) {
    const { columns, notes } = decodeArrowCache(await readFile(files[0]!));
    const ids = [...columns.instrumentIds].sort();
    const wanted = options.symbol === undefined ? undefined : symbolId(options.symbol);
    if (wanted !== undefined && !ids.includes(wanted))
      throw new UsageError(
        `--symbol ${options.symbol} is not in the data`,
        `the data holds: ${ids.join(', ')}`,
      );
    const events = columnsToBars(columns, wanted);
    if (events.length === 0) throw new UsageError(`no bars in ${target}`);
    const kept = wanted === undefined ? ids : [wanted];
    return {
      events,
      instruments: kept.map(instrumentFor),
      notes: [
        `${events.length.toLocaleString('en-IN')} bars of ${kept.join(', ')} from the cache ${path.basename(target)}`,
        ...notes,
      ],
    };
  }
  const bySource: Bar[][] = [];
  const notes: string[] = [];
  const indexChunks: string[] = [];
  for (const file of files) {
    const text = /\.parquet$/i.test(file)
      ? await parquetToCsv(await readFile(file))
      : await readFile(file, 'utf8');
    const format = detectFormat(text.slice(0, 4096));
    if (format === 'nse-index-1m') {
      indexChunks.push(text.endsWith('\n') ? text : `${text}\n`);
      continue;
    }
    let rows: Bar[];
    if (format === 'nse-stock-1m') {
      rows = parseNseStockMinutes(text).rows;
    } else if (format === 'generic-ohlcv') {
      rows = parseGenericCsv(text, {
        instrument: `NSE:${symbolFromFileName(file)}` as InstrumentId,
      }).rows;
    } else {
      throw new UsageError(
        `${path.basename(file)}: ${format === undefined ? 'unrecognised format' : `format ${format} holds no OHLCV bars`}`,
        'use an OHLCV CSV with a header (time,open,high,low,close,volume) or an NSE minute file',
      );
    }
    bySource.push(rows);
  }
  if (indexChunks.length > 0) {
    const { rows, report } = parseNseIndexMinutes(indexChunks.join(''));
    bySource.push(rows);
    const dropped =
      report.dropped.preOpen +
      report.dropped.postClose +
      report.dropped.betweenSessions +
      report.dropped.noSession;
    notes.push(
      `${report.rows.toLocaleString('en-IN')} index bars in ${report.sessions} sessions; ${dropped} out-of-session bars dropped`,
    );
  }
  return selectInstruments(
    [...mergeIterablesByTime(bySource)],
    notes,
    target,
    options,
    files.length,
  );
}

function selectInstruments(
  all: MarketEvent[],
  notes: string[],
  target: string,
  options: { symbol?: string | undefined },
  fileCount: number,
): MarketData {
  let events = all;
  const ids = [...new Set(events.map((e) => e.instrument))].sort();
  if (options.symbol !== undefined) {
    const wanted = symbolId(options.symbol);
    if (!ids.includes(wanted))
      throw new UsageError(
        `--symbol ${options.symbol} is not in the data`,
        `the data holds: ${ids.join(', ')}`,
      );
    events = events.filter((e) => e.instrument === wanted);
  }
  if (events.length === 0) throw new UsageError(`no bars in ${target}`);
  const instruments = [...new Set(events.map((e) => e.instrument))].sort().map(instrumentFor);
  notes.unshift(
    `${events.length.toLocaleString('en-IN')} bars of ${instruments.map((i) => i.id).join(', ')} from ${fileCount} file(s)`,
  );
  return { events, instruments, notes };
}
