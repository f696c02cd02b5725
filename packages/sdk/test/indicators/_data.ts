// Tiny readers for the real NSE minute files used by the indicator and resample tests. They
// stay here on purpose: the SDK's parsers are tested on their own, and these tests must not
// depend on them. Times become epoch ms (UTC) from naive IST (a fixed UTC+05:30 offset).
import { readFileSync } from 'node:fs';
import type { Bar, InstrumentId } from '../../src/model/index.js';

export const NSE_DATA = new URL('../../../../../shared/data/nse/', import.meta.url);

const IST_OFFSET_MS = 19_800_000;

/** Epoch ms of a naive IST wall-clock time. */
export function istToEpoch(y: number, mo: number, d: number, h: number, mi: number): number {
  return Date.UTC(y, mo - 1, d, h, mi) - IST_OFFSET_MS;
}

/** One row of the NIFTY 1-minute files, `time` being the minute's END as labelled in the file. */
export interface NiftyRow {
  readonly endTime: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/**
 * Reads `nifty_index_1min/<file>` (no header: `symbol,YYYYMMDD,HH:MM,o,h,l,c,volume,oi`),
 * rows in file order (they are time-ordered within a month file).
 */
export function readNiftyMonth(file: string): NiftyRow[] {
  const text = readFileSync(new URL(`nifty_index_1min/${file}`, NSE_DATA), 'utf8');
  const rows: NiftyRow[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const f = line.trim().split(',');
    const date = f[1]!;
    const [hh, mm] = f[2]!.split(':').map(Number) as [number, number];
    rows.push({
      endTime: istToEpoch(+date.slice(0, 4), +date.slice(4, 6), +date.slice(6, 8), hh, mm),
      open: Number(f[3]),
      high: Number(f[4]),
      low: Number(f[5]),
      close: Number(f[6]),
      volume: Number(f[7]),
    });
  }
  return rows;
}

/** Three months of NIFTY minutes (about 23,000 rows), enough to exercise every indicator. */
export function niftyQuarter(): NiftyRow[] {
  return ['2021_JAN_NIFTY.txt', '2021_FEB_NIFTY.txt', '2021_MAR_NIFTY.txt'].flatMap(readNiftyMonth);
}

/** NIFTY rows as 1-minute Bars whose `time` is the file's END label (use sourceLabel 'end'). */
export function niftyEndLabelledBars(rows: readonly NiftyRow[]): Bar[] {
  return rows.map((r) => ({
    kind: 'bar',
    instrument: 'NSE:NIFTY 50',
    timeframe: '1m',
    time: r.endTime,
    open: r.open,
    high: r.high,
    low: r.low,
    close: r.close,
    volume: r.volume,
  }));
}

/**
 * Reads `stocks_1min_2016/<SYMBOL>_minute29.csv` (header, values with a leading space,
 * START-labelled minutes, a few rows out of order) as 1-minute Bars, time-sorted unless
 * `order` is `'file'`.
 */
export function readStockMinutes2016(symbol: string, order: 'sorted' | 'file' = 'sorted'): Bar[] {
  const text = readFileSync(new URL(`stocks_1min_2016/${symbol}_minute29.csv`, NSE_DATA), 'utf8');
  const bars: Bar[] = [];
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const f = line.split(',').map((s) => s.trim());
    const stamp = f[1]!; // YYYY-MM-DD HH:MM:SS
    bars.push({
      kind: 'bar',
      instrument: `NSE:${symbol}` as InstrumentId,
      timeframe: '1m',
      time: istToEpoch(
        +stamp.slice(0, 4),
        +stamp.slice(5, 7),
        +stamp.slice(8, 10),
        +stamp.slice(11, 13),
        +stamp.slice(14, 16),
      ),
      open: Number(f[2]),
      high: Number(f[3]),
      low: Number(f[4]),
      close: Number(f[5]),
      volume: Number(f[6]),
    });
  }
  return order === 'file' ? bars : bars.sort((a, b) => a.time - b.time);
}

/** IST calendar date key (days since epoch in IST) of an epoch-ms time. */
export function istDay(time: number): number {
  return Math.floor((time + IST_OFFSET_MS) / 86_400_000);
}
