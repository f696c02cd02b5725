import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  knownAt,
  parseGenericCsv,
  parseInstrument,
  parseNseIndexMinutes,
  parseNseStockMinutes,
  ValidationError,
  type Bar,
  type Instrument,
  type InstrumentId,
} from '@pravah/sdk';

/** `<repo>/../shared/data/nse/`, the real NSE files (never copied into the project). */
export const NSE_DATA = fileURLToPath(new URL('../../../shared/data/nse/', import.meta.url));

/** A cash-market instrument as the shared data's stocks trade: lot 1, tick 0.05 by default. */
export function equity(symbol: string, tickSize = 0.05): Instrument {
  return parseInstrument({
    id: `NSE:${symbol}`,
    exchange: 'NSE',
    symbol,
    type: 'EQ',
    lotSize: 1,
    tickSize,
  });
}

export const NIFTY_INDEX: Instrument = parseInstrument({
  id: 'NSE:NIFTY 50',
  exchange: 'NSE',
  symbol: 'NIFTY 50',
  type: 'IDX',
  lotSize: 1,
  tickSize: 0.05,
});

/** The 25 monthly NIFTY 1-minute files, regular session only, labelled by open time. */
export function niftyMinutes(): Bar[] {
  const dir = `${NSE_DATA}nifty_index_1min/`;
  const bars: Bar[] = [];
  for (const file of readdirSync(dir).sort()) {
    for (const bar of parseNseIndexMinutes(readFileSync(dir + file, 'utf8')).rows) bars.push(bar);
  }
  return bars.sort((a, b) => a.time - b.time);
}

/** One stock's 2016 minutes (`stocks_1min_2016/<SYMBOL>_minute29.csv`), sorted by time. */
export function stockMinutes2016(symbol: string): Bar[] {
  const text = readFileSync(`${NSE_DATA}stocks_1min_2016/${symbol}_minute29.csv`, 'utf8');
  return parseNseStockMinutes(text).rows;
}

/** File names of the 50 daily NIFTY 50 constituents, sorted. */
export function dailyFiles(): string[] {
  return readdirSync(`${NSE_DATA}daily_nifty50/`)
    .filter((f) => f.endsWith('.csv'))
    .sort();
}

/** Symbol of a daily file, e.g. `M&M` from `M&M_2020-10-01_to_2025-09-30.csv`. */
export function dailySymbol(file: string): string {
  return file.slice(0, file.indexOf('_'));
}

/** One constituent's daily bars. */
export function dailyBars(file: string): Bar[] {
  const id = `NSE:${dailySymbol(file)}` as InstrumentId;
  return parseGenericCsv(readFileSync(`${NSE_DATA}daily_nifty50/${file}`, 'utf8'), {
    instrument: id,
  }).rows;
}

/** Bars of several instruments merged into one feed ordered by `knownAt`, then instrument. */
export function mergeByKnownAt(...series: readonly (readonly Bar[])[]): Bar[] {
  return series
    .flat()
    .sort(
      (a, b) =>
        knownAt(a) - knownAt(b) ||
        (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : 0),
    );
}

const IST_OFFSET_MS = 19_800_000;

/** IST `HH:MM` of an ISO time with +05:30 (as BacktestResult carries). */
export const hhmm = (iso: string): string => iso.slice(11, 16);

/** IST `HH:MM` of epoch ms. */
export function istClock(time: number): string {
  const minutes = Math.floor(((time + IST_OFFSET_MS) % 86_400_000) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The error `fn` throws (fails the test when it throws nothing). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/** The field a ValidationError thrown by `fn` names (fails unless `fn` throws a ValidationError). */
export function invalidField(fn: () => unknown): string {
  const error = thrown(fn);
  if (!(error instanceof ValidationError))
    throw new Error(`expected a ValidationError, got ${String(error)}`);
  return error.field;
}
