// Tiny loaders for the real NSE files in ../shared/data (tests only; the SDK's parsers are
// tested elsewhere). Times in the files are naive IST; bars here carry their OPEN time in UTC ms.
import { readFileSync } from 'node:fs';
import { parseIstNaive, type Bar, type InstrumentId, type Timeframe } from '../../src/index.js';

const DATA = new URL('../../../../../shared/data/nse/', import.meta.url);
const MINUTE = 60_000;

function lines(relative: string): string[] {
  return readFileSync(new URL(relative, DATA), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
}

function makeBar(
  instrument: InstrumentId,
  timeframe: Timeframe,
  time: number,
  fields: readonly string[],
): Bar {
  const [open, high, low, close, volume] = fields.map((f) => Number(f.trim()));
  return {
    kind: 'bar',
    instrument,
    timeframe,
    time,
    open: open!,
    high: high!,
    low: low!,
    close: close!,
    volume: volume!,
  };
}

/**
 * NIFTY 50 index, 1-minute, one monthly file (e.g. `2021_JAN`). Rows are labelled by the minute's
 * END, so the open time is the label minus one minute. Pre-open (09:08) and post-close rows are
 * kept: consumers decide.
 */
export function niftyMinuteBars(month: string): Bar[] {
  return lines(`nifty_index_1min/${month}_NIFTY.txt`).map((line) => {
    const [, ymd, hhmm, ...rest] = line.split(',');
    const label = parseIstNaive(
      `${ymd!.slice(0, 4)}-${ymd!.slice(4, 6)}-${ymd!.slice(6, 8)} ${hhmm!}`,
    );
    return makeBar('NSE:NIFTY 50', '1m', label - MINUTE, rest.slice(0, 5));
  });
}

/**
 * A 2016 stock's 1-minute bars (e.g. `RELIANCE`), labelled by the minute's START, sorted by time
 * (the file has a few rows out of order).
 */
export function stockMinuteBars2016(symbol: string): Bar[] {
  const bars = lines(`stocks_1min_2016/${symbol}_minute29.csv`)
    .slice(1)
    .map((line) => {
      const [, stamp, ...rest] = line.split(',');
      return makeBar(`NSE:${symbol}`, '1m', parseIstNaive(stamp!.trim().slice(0, 16)), rest);
    });
  return bars.sort((a, b) => a.time - b.time);
}

/** Daily bars of a NIFTY 50 constituent 2020-10 .. 2025-09, labelled by IST midnight. */
export function dailyBars(symbol: string): Bar[] {
  return lines(`daily_nifty50/${symbol}_2020-10-01_to_2025-09-30.csv`)
    .slice(1)
    .map((line) => {
      const [stamp, ...rest] = line.split(',');
      return makeBar(`NSE:${symbol}`, '1d', parseIstNaive(stamp!.slice(0, 10)), rest);
    });
}
