import type { FormatId } from './types.js';

const INDEX_MINUTE_ROW = /^[A-Z0-9&_. -]+,\d{8},\d{2}:\d{2}(,\s*-?[\d.]+){6}\s*$/;
const PRICE_TICK_ROW = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?,\s*[\d.]+\s*$/;

function columns(line: string): string[] {
  return line
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, '').replace(/\*$/, '').toLowerCase());
}

/**
 * Names the format of a market-data file from its first lines (a few KiB are plenty), so a
 * loader can pick the parser without being told. Undefined when no parser reads it.
 *
 * | format | recognised by |
 * |---|---|
 * | `nse-index-1m` | no header, `SYMBOL,YYYYMMDD,HH:MM,o,h,l,c,v,oi` |
 * | `price-ticks` | no header, `YYYY-MM-DD HH:MM:SS,price` |
 * | `nse-stock-1m` | header `Code,Date,Open,High,Low,Close,Volume` |
 * | `nse-fo-contracts` | header starting `INSTRUMENT,SYMBOL,EXP_DATE` |
 * | `nse-equity-bhavcopy` | header starting `SYMBOL, SERIES, DATE1` |
 * | `nse-fo-index-summary` | a title line, then a header starting `Symbol,No of Contracts Traded` |
 * | `depth-ticks` | header with `exchange_timestamp`, `last_price` and `bid_price_1` |
 * | `generic-ohlcv` | any other header naming a time column, open, high, low and close |
 *
 * @example
 * ```ts
 * detectFormat('NIFTY,20210101,09:08,13996.10,13996.10,13996.10,13996.10,0,0\n'); // 'nse-index-1m'
 * detectFormat('timestamp,open,high,low,close,volume,oi\n2020-10-01 00:00:00+05:30,1,1,1,1,0,0\n'); // 'generic-ohlcv'
 * ```
 */
export function detectFormat(head: string): FormatId | undefined {
  const lines = head
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
  const first = lines[0];
  if (first === undefined) return undefined;
  if (INDEX_MINUTE_ROW.test(first)) return 'nse-index-1m';
  if (PRICE_TICK_ROW.test(first)) return 'price-ticks';
  const names = columns(first);
  const has = (...wanted: string[]): boolean => wanted.every((w) => names.includes(w));
  if (names[0] === 'instrument' && names[1] === 'symbol' && names[2] === 'exp_date')
    return 'nse-fo-contracts';
  if (names[0] === 'symbol' && names[1] === 'series' && names[2] === 'date1')
    return 'nse-equity-bhavcopy';
  if (has('exchange_timestamp', 'last_price') && names.some((n) => n.startsWith('bid_price_')))
    return 'depth-ticks';
  if (names.join(',') === 'code,date,open,high,low,close,volume') return 'nse-stock-1m';
  const second = lines[1];
  if (
    names.length === 1 &&
    second !== undefined &&
    /^symbol\s*,\s*no of contracts traded/i.test(second)
  ) {
    return 'nse-fo-index-summary';
  }
  const hasTime = ['time', 'timestamp', 'date', 'datetime', 'date_time'].some((n) =>
    names.includes(n),
  );
  if (hasTime && has('open', 'high', 'low', 'close')) return 'generic-ohlcv';
  return undefined;
}
