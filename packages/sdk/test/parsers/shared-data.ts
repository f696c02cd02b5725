import { readFileSync, readdirSync } from 'node:fs';

/** `<repo>/../shared/data/nse/`, the real NSE files (never copied into the project). */
const NSE = new URL('../../../../../shared/data/nse/', import.meta.url);

/** Text of a file under shared/data/nse, e.g. `stocks_1min_2016/INFY_minute29.csv`. */
export function readNse(path: string): string {
  return readFileSync(new URL(path, NSE), 'utf8');
}

/** File names in a folder of shared/data/nse, sorted. */
export function listNse(folder: string): string[] {
  return readdirSync(new URL(`${folder}/`, NSE)).sort();
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The NIFTY monthly files in calendar order (names spell months JUNE/JUL inconsistently). */
export function niftyMinuteFiles(): string[] {
  const key = (name: string): number => {
    const [year, month] = name.split('_');
    return Number(year) * 100 + MONTHS.indexOf(month!.slice(0, 3));
  };
  return listNse('nifty_index_1min').sort((a, b) => key(a) - key(b));
}

/** Epoch ms of an IST wall-clock time (UTC+05:30), computed with Date.UTC as an oracle. */
export function ist(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - 19_800_000;
}
