import { describe, expect, it } from 'vitest';
import {
  CsvParseError,
  parseDepthTicks,
  parseGenericCsv,
  parseNseEquityBhavcopy,
  parseNseFoContracts,
  parseNseIndexMinutes,
  parseNseStockMinutes,
  parsePriceTicks,
  type ParseResult,
} from '../../src/parsers/index.js';

function parseError(parse: () => unknown): CsvParseError {
  try {
    parse();
  } catch (error) {
    if (error instanceof CsvParseError) return error;
    throw error;
  }
  throw new Error('expected a CsvParseError');
}

const GOOD = 'NIFTY,20210101,09:16,13997.90,14020.85,13991.35,14013.15,0,0';
const nifty = (bad: string): string => `${GOOD}\n${bad}\nNIFTY,20210101,09:18,1,1,1,1,0,0\n`;

// [what, line 2 of a NIFTY file, field, value, reason]
const NIFTY_CASES: [string, string, string, string, string][] = [
  [
    'too few columns',
    'NIFTY,20210101,09:17,1,1,1',
    '(row)',
    'NIFTY,20210101,09:17,1,1,1',
    'expected 9 columns, found 6',
  ],
  [
    'too many columns',
    'NIFTY,20210101,09:17,1,1,1,1,0,0,7',
    '(row)',
    'NIFTY,20210101,09:17,1,1,1,1,0,0,7',
    'expected 9 columns, found 10',
  ],
  ['a non-numeric price', 'NIFTY,20210101,09:17,1,abc,1,1,0,0', 'high', 'abc', 'not a number'],
  ['an empty price', 'NIFTY,20210101,09:17,1,1,,1,0,0', 'low', '', 'empty, expected a number'],
  ['high below low', 'NIFTY,20210101,09:17,10,9,11,10,0,0', 'high', '9', 'high 9 is below low 11'],
  [
    'close outside the range',
    'NIFTY,20210101,09:17,10,12,9,13,0,0',
    'close',
    '13',
    'close 13 lies outside [low 9, high 12]',
  ],
  ['a zero price', 'NIFTY,20210101,09:17,0,0,0,0,0,0', 'low', '0', 'price must be positive, got 0'],
  ['negative volume', 'NIFTY,20210101,09:17,1,1,1,1,-5,0', 'volume', '-5', 'volume -5 is negative'],
  [
    'an impossible date',
    'NIFTY,20210230,09:17,1,1,1,1,0,0',
    'date',
    '20210230',
    'not a valid timestamp, expected a date YYYYMMDD',
  ],
  [
    'an unparseable time',
    'NIFTY,20210101,9:17,1,1,1,1,0,0',
    'time',
    '9:17',
    'not a valid timestamp, expected a time HH:MM',
  ],
  [
    'an hour past 23',
    'NIFTY,20210101,24:00,1,1,1,1,0,0',
    'time',
    '24:00',
    'not a valid timestamp, expected a time HH:MM',
  ],
  [
    'a lower-case symbol (no instrument)',
    'nifty,20210101,09:17,1,1,1,1,0,0',
    'symbol',
    'nifty',
    'cannot name an instrument from "nifty"',
  ],
];

describe('bad rows in an NSE index minute file', () => {
  for (const [what, line, field, value, reason] of NIFTY_CASES) {
    it(`${what}: fails naming line 2, field ${field}, or is skipped and counted`, () => {
      const error = parseError(() => parseNseIndexMinutes(nifty(line), { session: 'all' }));
      expect(error.line).toBe(2);
      expect(error.field).toBe(field);
      expect(error.value).toBe(value);
      expect(error.reason).toContain(reason);
      expect(error.format).toBe('nse-index-1m');
      expect(error.message).toContain(`nse-index-1m line 2, field "${field}"`);
      expect(error.message).toContain("onBadRow: 'skip'");

      const skipped = parseNseIndexMinutes(nifty(line), { session: 'all', onBadRow: 'skip' });
      expect(skipped.rows).toHaveLength(2);
      expect(skipped.report.skippedCount).toBe(1);
      expect(skipped.report.skipped[0]).toMatchObject({ line: 2, field, value });
      expect(skipped.report.findings.find((f) => f.code === 'bad-rows-skipped')?.count).toBe(1);
    });
  }
});

describe('bad rows in a generic CSV', () => {
  const header = 'instrument,time,open,high,low,close,volume';
  const csv = (bad: string): string => `${header}\nNSE:INFY,2024-01-01 09:15,1,1,1,1,1\n${bad}\n`;
  const cases: [string, string, string, string][] = [
    [
      'unknown exchange in an instrument id',
      'XYZ:INFY,2024-01-01 09:16,1,1,1,1,1',
      'instrument',
      'unknown exchange "XYZ"',
    ],
    [
      'an unparseable timestamp',
      'NSE:INFY,01/02/2024 09:16,1,1,1,1,1',
      'time',
      'not a valid timestamp',
    ],
    ['a non-numeric price', 'NSE:INFY,2024-01-01 09:16,1,1,1,1.2.3,1', 'close', 'not a number'],
    ['negative volume', 'NSE:INFY,2024-01-01 09:16,1,1,1,1,-1', 'volume', 'volume -1 is negative'],
    ['high below low', 'NSE:INFY,2024-01-01 09:16,2,1,3,2,1', 'high', 'high 1 is below low 3'],
    [
      'a missing column',
      'NSE:INFY,2024-01-01 09:16,1,1,1,1',
      '(row)',
      'expected 7 columns, found 6',
    ],
  ];
  for (const [what, line, field, reason] of cases) {
    it(`${what}: line 3, field ${field}`, () => {
      const error = parseError(() => parseGenericCsv(csv(line), { timeframe: '1m' }));
      expect([error.line, error.field]).toEqual([3, field]);
      expect(error.reason).toContain(reason);
      const skipped = parseGenericCsv(csv(line), { timeframe: '1m', onBadRow: 'skip' });
      expect(skipped.report.skipped).toMatchObject([{ line: 3, field }]);
      expect(skipped.rows).toHaveLength(1);
    });
  }

  it('a header without close fails on line 1', () => {
    const error = parseError(() =>
      parseGenericCsv('time,open,high,low\n', { instrument: 'NSE:INFY' }),
    );
    expect([error.line, error.field, error.reason]).toEqual([
      1,
      'close',
      'the header has no close column',
    ]);
  });

  it('never turns bad numbers into NaN: exponent and padded forms are read, junk is rejected', () => {
    const { rows } = parseGenericCsv(
      `${header}\nNSE:INFY,2024-01-01,1e2, 0100.50 ,99,100,12\n`,
      {},
    );
    expect(rows[0]).toMatchObject({ open: 100, high: 100.5, low: 99, close: 100, volume: 12 });
    for (const junk of ['NaN', 'Infinity', '0x10', '1,5', '--1']) {
      const result = parseGenericCsv(`${header}\nNSE:INFY,2024-01-01,${junk},1,1,1,1\n`, {
        onBadRow: 'skip',
        timeframe: '1d',
      });
      expect(result.rows, junk).toHaveLength(0);
      expect(result.report.skippedCount, junk).toBe(1);
    }
  });
});

describe('bad rows in the other NSE formats', () => {
  it('stock minutes: a non-numeric price names line and column', () => {
    const error = parseError(() =>
      parseNseStockMinutes(
        'Code,Date,Open,High,Low,Close,Volume\nINFY,2016-08-16 09:15:00, 1030, x, 1029, 1030, 5\n',
      ),
    );
    expect([error.line, error.field, error.value]).toEqual([2, 'high', 'x']);
  });

  it('F&O contracts: an unknown instrument type, a bad expiry, an option without a type', () => {
    const header =
      'INSTRUMENT,SYMBOL    ,EXP_DATE  ,STR_PRICE  ,OPT_TYPE,OPEN_PRICE ,HI_PRICE   ,LO_PRICE   ,CLOSE_PRICE,OPEN_INT*      ,TRD_QTY ,NO_OF_CONT ,NO_OF_TRADE,NOTION_VAL ,PR_VAL';
    const row = (instrument: string, expiry: string, type: string): string =>
      `${header}\n${instrument},NIFTY     ,${expiry},00026000.00,${type},00000001.00,00000002.00,00000001.00,00000001.50,000000000000075,75,1,1,1950000.00,112.50\n`;
    expect(parseError(() => parseNseFoContracts(row('OPTFUT    ', '25/11/2025', 'CE'))).field).toBe(
      'INSTRUMENT',
    );
    expect(parseError(() => parseNseFoContracts(row('OPTIDX    ', '31/11/2025', 'CE'))).field).toBe(
      'EXP_DATE',
    );
    expect(parseError(() => parseNseFoContracts(row('OPTIDX    ', '25/11/2025', 'XX'))).field).toBe(
      'OPT_TYPE',
    );
    const good = parseNseFoContracts(row('OPTIDX    ', '25/11/2025', 'CE'));
    expect(good.rows[0]!.instrument).toBe('NFO:NIFTY25NOV26000CE');
  });

  it('equity bhavcopy: a non-numeric delivery quantity and a bad date', () => {
    const header =
      'SYMBOL, SERIES, DATE1, PREV_CLOSE, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, LAST_PRICE, CLOSE_PRICE, AVG_PRICE, TTL_TRD_QNTY, TURNOVER_LACS, NO_OF_TRADES, DELIV_QTY, DELIV_PER';
    const row = (date: string, delivery: string): string =>
      `${header}\nINFY, EQ, ${date}, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ${delivery}, 50.00\n`;
    expect(parseError(() => parseNseEquityBhavcopy(row('14-Nov-2025', 'many')))).toMatchObject({
      line: 2,
      field: 'DELIV_QTY',
    });
    expect(parseError(() => parseNseEquityBhavcopy(row('31-Nov-2025', '1')))).toMatchObject({
      line: 2,
      field: 'DATE1',
    });
  });

  it('ticks: a non-positive price and a bad timestamp', () => {
    expect(
      parseError(() => parsePriceTicks('2022-11-14 10:00:00,0\n', { instrument: 'NSE:NIFTY 50' })),
    ).toMatchObject({ line: 1, field: 'price' });
    expect(
      parseError(() => parsePriceTicks('2022-11-14 10:61:00,1\n', { instrument: 'NSE:NIFTY 50' })),
    ).toMatchObject({ line: 1, field: 'time' });
    const header = 'Symbol,exchange_timestamp,last_price,bid_price_1,bid_qty_1';
    const r: ParseResult<unknown> = parseDepthTicks(
      `${header}\nTCS,2025-11-17 12:00:00.5,-3,1,1\n`,
      { onBadRow: 'skip' },
    );
    expect(r.report.skipped).toMatchObject([{ line: 2, field: 'last_price' }]);
  });
});
