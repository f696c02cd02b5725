/** What a column of a generic OHLCV CSV holds. */
export const SKIP = 0;
export const TIMESTAMP = 1;
export const DATE = 2;
export const TIME_OF_DAY = 3;
export const OPEN = 4;
export const HIGH = 5;
export const LOW = 6;
export const CLOSE = 7;
export const VOLUME = 8;
export const OI = 9;
export const INSTRUMENT = 10;
export const SYMBOL = 11;

const NAMES: Readonly<Record<string, number>> = Object.freeze({
  timestamp: TIMESTAMP,
  datetime: TIMESTAMP,
  date_time: TIMESTAMP,
  'date time': TIMESTAMP,
  open: OPEN,
  high: HIGH,
  low: LOW,
  close: CLOSE,
  volume: VOLUME,
  vol: VOLUME,
  oi: OI,
  open_interest: OI,
  openinterest: OI,
  'open interest': OI,
  instrument: INSTRUMENT,
  symbol: SYMBOL,
  code: SYMBOL,
  ticker: SYMBOL,
  tradingsymbol: SYMBOL,
});

/** Column roles of a header, or the name of a required column that is missing. */
export interface CsvLayout {
  readonly roles: Int8Array;
  readonly names: readonly string[];
  readonly hasVolume: boolean;
  readonly hasOi: boolean;
  readonly hasInstrument: boolean;
  readonly hasSymbol: boolean;
  readonly separateTime: boolean;
}

/** Normalises a header cell: trimmed, unquoted, lower case. */
function cell(text: string): string {
  let t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).trim();
  return t.toLowerCase();
}

/**
 * Maps header names (case-insensitive) to roles: a timestamp column (`time`, `timestamp`,
 * `date`, `datetime`) or separate `date` and `time` columns; `open`, `high`, `low`, `close`;
 * optional `volume` and `oi`; an optional `instrument` (full ids) or `symbol` column.
 * Returns the missing required column's name instead when there is one.
 */
export function readCsvHeader(line: string): CsvLayout | string {
  const names = line.split(',').map(cell);
  const roles = new Int8Array(names.length);
  const index = (name: string): number => names.indexOf(name);
  names.forEach((name, i) => {
    roles[i] = NAMES[name] ?? SKIP;
  });
  const hasTimestamp = roles.includes(TIMESTAMP);
  const date = index('date');
  const time = index('time');
  let separateTime = false;
  if (!hasTimestamp) {
    if (date >= 0 && time >= 0) {
      roles[date] = DATE;
      roles[time] = TIME_OF_DAY;
      separateTime = true;
    } else if (date >= 0) roles[date] = TIMESTAMP;
    else if (time >= 0) roles[time] = TIMESTAMP;
    else return 'time';
  }
  for (const [role, name] of [
    [OPEN, 'open'],
    [HIGH, 'high'],
    [LOW, 'low'],
    [CLOSE, 'close'],
  ] as const) {
    if (!roles.includes(role)) return name;
  }
  for (let role = TIMESTAMP; role <= SYMBOL; role++) {
    if (roles.indexOf(role) !== roles.lastIndexOf(role))
      return `a single ${names[roles.indexOf(role)]}`;
  }
  return {
    roles,
    names,
    hasVolume: roles.includes(VOLUME),
    hasOi: roles.includes(OI),
    hasInstrument: roles.includes(INSTRUMENT),
    hasSymbol: roles.includes(SYMBOL),
    separateTime,
  };
}
