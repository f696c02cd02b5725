import type { Bar, InstrumentId, Timeframe } from '@pravah/sdk';
import { DataFileError } from './data-file-error.js';

/**
 * Bars stored column by column: one typed array per field, instruments and timeframes as
 * indexes into small tables. This is the layout of the Arrow cache and of the bars a sweep
 * shares with its workers (backed by SharedArrayBuffer, so no worker copies them).
 */
export interface BarColumns {
  readonly length: number;
  readonly instrumentIds: readonly InstrumentId[];
  readonly timeframes: readonly Timeframe[];
  readonly instrument: Uint16Array;
  readonly timeframe: Uint8Array;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Open interest; NaN where a bar carries none. */
  readonly oi: Float64Array;
}

function float64(length: number, shared: boolean): Float64Array {
  return shared
    ? new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT))
    : new Float64Array(length);
}

/**
 * Packs bars (in their given order) into {@link BarColumns}; with `shared`, every array lives in
 * a SharedArrayBuffer so `postMessage` hands it to worker threads without a copy.
 *
 * @example
 * ```ts
 * const columns = barsToColumns(bars, { shared: true });
 * const again = columnsToBars(columns); // deep-equal to bars
 * ```
 */
export function barsToColumns(
  bars: readonly Bar[],
  options: { shared?: boolean } = {},
): BarColumns {
  const shared = options.shared ?? false;
  const n = bars.length;
  const instrumentIndex = new Map<InstrumentId, number>();
  const timeframeIndex = new Map<Timeframe, number>();
  const instrument = shared
    ? new Uint16Array(new SharedArrayBuffer(n * Uint16Array.BYTES_PER_ELEMENT))
    : new Uint16Array(n);
  const timeframe = shared ? new Uint8Array(new SharedArrayBuffer(n)) : new Uint8Array(n);
  const columns = {
    time: float64(n, shared),
    open: float64(n, shared),
    high: float64(n, shared),
    low: float64(n, shared),
    close: float64(n, shared),
    volume: float64(n, shared),
    oi: float64(n, shared),
  };
  for (let i = 0; i < n; i++) {
    const bar = bars[i]!;
    if ((bar as { kind: string }).kind !== 'bar')
      throw new DataFileError('event', i, 'only bars can be stored in columns, not ticks');
    let ii = instrumentIndex.get(bar.instrument);
    if (ii === undefined) {
      ii = instrumentIndex.size;
      if (ii > 0xffff)
        throw new DataFileError('instrument', bar.instrument, 'too many instruments');
      instrumentIndex.set(bar.instrument, ii);
    }
    let ti = timeframeIndex.get(bar.timeframe);
    if (ti === undefined) {
      ti = timeframeIndex.size;
      timeframeIndex.set(bar.timeframe, ti);
    }
    instrument[i] = ii;
    timeframe[i] = ti;
    columns.time[i] = bar.time;
    columns.open[i] = bar.open;
    columns.high[i] = bar.high;
    columns.low[i] = bar.low;
    columns.close[i] = bar.close;
    columns.volume[i] = bar.volume;
    columns.oi[i] = bar.oi ?? Number.NaN;
  }
  return {
    length: n,
    instrumentIds: [...instrumentIndex.keys()],
    timeframes: [...timeframeIndex.keys()],
    instrument,
    timeframe,
    ...columns,
  };
}

/**
 * Rebuilds the bars of {@link BarColumns} (all, or one instrument's), in column order, shaped
 * exactly as the CSV parsers shape them (`oi` present only where it was stored).
 *
 * @example
 * ```ts
 * const bars = columnsToBars(readArrowCache(bytes).columns);
 * ```
 */
export function columnsToBars(columns: BarColumns, onlyInstrument?: InstrumentId): Bar[] {
  const { instrumentIds, timeframes, instrument, timeframe, time, open, high, low, close } =
    columns;
  const { volume, oi } = columns;
  const only = onlyInstrument === undefined ? -1 : instrumentIds.indexOf(onlyInstrument);
  if (onlyInstrument !== undefined && only < 0) return [];
  const bars: Bar[] = [];
  for (let i = 0; i < columns.length; i++) {
    if (only >= 0 && instrument[i] !== only) continue;
    const base = {
      kind: 'bar' as const,
      instrument: instrumentIds[instrument[i]!]!,
      timeframe: timeframes[timeframe[i]!]!,
      time: time[i]!,
      open: open[i]!,
      high: high[i]!,
      low: low[i]!,
      close: close[i]!,
      volume: volume[i]!,
    };
    const o = oi[i]!;
    bars.push(Number.isNaN(o) ? base : { ...base, oi: o });
  }
  return bars;
}
