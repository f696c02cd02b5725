import { parquetReadObjects } from 'hyparquet';
import { DataFileError } from './data-file-error.js';

const TIME_COLUMNS = ['time', 'timestamp', 'datetime', 'date'] as const;
const VALUE_COLUMNS = ['open', 'high', 'low', 'close', 'volume'] as const;
const IST_OFFSET_MS = 19_800_000;

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A Parquet time cell as the generic CSV parser reads it: instants as IST with +05:30, text as is. */
function timeCell(value: unknown, row: number, column: string): string {
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) throw new DataFileError(column, String(value), `row ${row} is not a time`);
    const d = new Date(t + IST_OFFSET_MS);
    return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}+05:30`;
  }
  if (typeof value === 'string') return value;
  throw new DataFileError(
    column,
    typeof value === 'bigint' ? value.toString() : value,
    `row ${row}: time must be a Parquet TIMESTAMP or DATE, or text like 2024-01-31 09:15`,
  );
}

function valueCell(value: unknown, row: number, column: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || value === undefined) return '';
  throw new DataFileError(column, value, `row ${row} is not a number`);
}

/**
 * Reads a Parquet file of OHLCV bars (columns `time`|`timestamp`|`datetime`|`date`, `open`,
 * `high`, `low`, `close`, `volume`, optional `oi`) with hyparquet and returns it as generic CSV
 * text, so the generic CSV parser applies the same validation, timeframe detection and IST rules
 * to Parquet as to CSV. Naive text times are IST; TIMESTAMP columns are instants.
 *
 * @example
 * ```ts
 * const { rows } = parseGenericCsv(await parquetToCsv(await readFile('infy.parquet')), { instrument: 'NSE:INFY' });
 * ```
 */
export async function parquetToCsv(bytes: Uint8Array): Promise<string> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file: file as ArrayBuffer });
  } catch (error) {
    throw new DataFileError(
      'file',
      bytes.byteLength,
      `not a Parquet file (${(error as Error).message})`,
    );
  }
  const names = rows[0] === undefined ? [] : Object.keys(rows[0]).map((k) => k.toLowerCase());
  const keys = rows[0] === undefined ? [] : Object.keys(rows[0]);
  const key = (name: string) => keys[names.indexOf(name)];
  const timeKey = TIME_COLUMNS.map(key).find((k) => k !== undefined);
  const missing = VALUE_COLUMNS.filter((c) => key(c) === undefined);
  if (timeKey === undefined || missing.length > 0)
    throw new DataFileError(
      'columns',
      keys,
      `a Parquet bar file needs a time column and ${VALUE_COLUMNS.join(', ')}${missing.length ? ` (missing ${missing.join(', ')})` : ''}`,
    );
  const oiKey = key('oi');
  const valueKeys = VALUE_COLUMNS.map((c) => key(c)!);
  const lines = [`time,${VALUE_COLUMNS.join(',')}${oiKey ? ',oi' : ''}`];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let line = timeCell(row[timeKey], i, timeKey);
    for (let c = 0; c < valueKeys.length; c++)
      line += `,${valueCell(row[valueKeys[c]!], i, valueKeys[c]!)}`;
    if (oiKey) line += `,${valueCell(row[oiKey], i, oiKey)}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
