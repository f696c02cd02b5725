import {
  TimeUnit,
  dictionary,
  float64,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  timestamp,
  uint16,
  utf8,
  type Table,
} from '@uwdata/flechette';
import type { InstrumentId, Timeframe } from '@pravah/sdk';
import type { BarColumns } from './bar-columns.js';
import { DataFileError } from './data-file-error.js';

/** Value of the `pravah.layout` schema metadata key of a bar cache written by this version. */
export const BAR_CACHE_LAYOUT = 'pravah-bars-v1';

const OHLCV = ['open', 'high', 'low', 'close', 'volume'] as const;

/** A bar cache read back: the columns and the notes the loader wrote when it was made. */
export interface BarCache {
  readonly columns: BarColumns;
  readonly notes: readonly string[];
}

/**
 * Encodes bar columns as an Arrow IPC file: `instrument` and `timeframe` dictionary-encoded,
 * `time` a UTC millisecond timestamp (the bar's open), OHLCV as float64, `oi` only when some bar
 * has it. Any Arrow reader (pyarrow, DuckDB, polars) opens the file.
 *
 * @example
 * ```ts
 * await writeFile('nifty.arrow', encodeArrowCache(barsToColumns(bars), ['from nifty_index_1min']));
 * ```
 */
export function encodeArrowCache(columns: BarColumns, notes: readonly string[]): Uint8Array {
  const n = columns.length;
  const instrument = new Array<string>(n);
  const timeframe = new Array<string>(n);
  let hasOi = false;
  for (let i = 0; i < n; i++) {
    instrument[i] = columns.instrumentIds[columns.instrument[i]!]!;
    timeframe[i] = columns.timeframes[columns.timeframe[i]!]!;
    if (!hasOi && !Number.isNaN(columns.oi[i]!)) hasOi = true;
  }
  const arrays: Record<string, unknown[] | Float64Array> = {
    instrument,
    timeframe,
    time: columns.time,
    open: columns.open,
    high: columns.high,
    low: columns.low,
    close: columns.close,
    volume: columns.volume,
  };
  if (hasOi) arrays['oi'] = Array.from(columns.oi, (v) => (Number.isNaN(v) ? null : v));
  const table = tableFromArrays(arrays as Record<string, unknown[]>, {
    types: {
      instrument: dictionary(utf8(), uint16()),
      timeframe: dictionary(utf8(), uint16()),
      time: timestamp(TimeUnit.MILLISECOND, 'UTC'),
      ...Object.fromEntries(OHLCV.map((k) => [k, float64()])),
      oi: float64(),
    },
  });
  table.schema.metadata = new Map([
    ['pravah.layout', BAR_CACHE_LAYOUT],
    ['pravah.notes', JSON.stringify(notes)],
  ]);
  const bytes = tableToIPC(table, { format: 'file' });
  if (bytes === null) throw new Error('flechette returned no bytes for an in-memory sink');
  return bytes;
}

function float64Column(table: Table, name: string): Float64Array {
  const column = table.getChild(name);
  if (column.nullCount > 0)
    throw new DataFileError(name, null, 'the column has missing values; rebuild the cache');
  const values = column.toArray();
  return values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>);
}

/** The batch shape of a dictionary-encoded flechette column: keys into a batch of strings. */
interface DictionaryBatchLike {
  readonly length: number;
  readonly values: ArrayLike<number>;
  readonly dictionary: { readonly length: number; at(index: number): unknown };
  readonly nullCount: number;
}

function isDictionaryBatch(batch: unknown): batch is DictionaryBatchLike {
  const b = batch as Partial<DictionaryBatchLike>;
  return typeof b.dictionary === 'object' && b.values !== undefined && typeof b.length === 'number';
}

/**
 * Fills `into` with an index per row into the returned table of distinct strings. Reads the
 * dictionary keys directly (no string per row) and falls back to the row values otherwise.
 */
function indexColumn<T extends string>(
  table: Table,
  name: string,
  into: Uint16Array | Uint8Array,
): T[] {
  const index = new Map<string, number>();
  const indexOf = (v: unknown, row: number): number => {
    if (typeof v !== 'string') throw new DataFileError(name, v, `row ${row} has no ${name}`);
    let k = index.get(v);
    if (k === undefined) {
      k = index.size;
      if (k >= 2 ** (into.BYTES_PER_ELEMENT * 8))
        throw new DataFileError(name, v, `more distinct values than the cache layout holds`);
      index.set(v, k);
    }
    return k;
  };
  const column = table.getChild(name);
  let row = 0;
  for (const batch of column.data as unknown[]) {
    if (isDictionaryBatch(batch) && batch.nullCount === 0) {
      const local = new Int32Array(batch.dictionary.length);
      for (let d = 0; d < local.length; d++) local[d] = indexOf(batch.dictionary.at(d), row);
      const keys = batch.values;
      for (let i = 0; i < batch.length; i++) into[row++] = local[keys[i]!]!;
    } else {
      const values = batch as { at(i: number): unknown; length: number };
      for (let i = 0; i < values.length; i++, row++) into[row] = indexOf(values.at(i), row);
    }
  }
  return [...index.keys()] as T[];
}

/**
 * Reads a bar cache written by {@link encodeArrowCache}; fails with a DataFileError naming what
 * is missing when the file is some other Arrow table.
 *
 * @example
 * ```ts
 * const { columns, notes } = decodeArrowCache(await readFile('nifty.arrow'));
 * ```
 */
export function decodeArrowCache(bytes: Uint8Array): BarCache {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    throw new DataFileError(
      'file',
      bytes.byteLength,
      `not an Arrow IPC file (${(error as Error).message})`,
    );
  }
  const names = table.schema.fields.map((f) => f.name);
  const missing = ['instrument', 'timeframe', 'time', ...OHLCV].filter((c) => !names.includes(c));
  if (missing.length > 0)
    throw new DataFileError('columns', names, `a bar cache needs ${missing.join(', ')}`);
  const n = table.numRows;
  const instrument = new Uint16Array(n);
  const timeframe = new Uint8Array(n);
  const instrumentIds = indexColumn<InstrumentId>(table, 'instrument', instrument);
  const timeframes = indexColumn<Timeframe>(table, 'timeframe', timeframe);
  let oi: Float64Array;
  if (names.includes('oi')) {
    const raw = table.getChild('oi').toArray() as ArrayLike<number | null>;
    oi = Float64Array.from(raw, (v) => v ?? Number.NaN);
  } else {
    oi = new Float64Array(n).fill(Number.NaN);
  }
  const notesJson = table.schema.metadata?.get('pravah.notes');
  const notes = notesJson === undefined ? [] : (JSON.parse(notesJson) as string[]);
  return {
    columns: {
      length: n,
      instrumentIds,
      timeframes,
      instrument,
      timeframe,
      time: float64Column(table, 'time'),
      open: float64Column(table, 'open'),
      high: float64Column(table, 'high'),
      low: float64Column(table, 'low'),
      close: float64Column(table, 'close'),
      volume: float64Column(table, 'volume'),
      oi,
    },
    notes,
  };
}
