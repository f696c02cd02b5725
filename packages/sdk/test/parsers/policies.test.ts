import { describe, expect, it } from 'vitest';
import {
  CsvParseError,
  parseGenericCsv,
  parseNseFoContracts,
  parseNseIndexMinutes,
} from '../../src/parsers/index.js';
import { ist } from './shared-data.js';

const header = 'instrument,time,open,high,low,close,volume';
const csv = (...rows: string[]): string => `${header}\n${rows.join('\n')}\n`;

describe('duplicate policy', () => {
  const text = csv(
    'NSE:INFY,2024-01-01 09:15,1,1,1,1,10',
    'NSE:TCS,2024-01-01 09:15,5,5,5,5,50',
    'NSE:INFY,2024-01-01 09:15,2,2,2,2,20',
    'NSE:INFY,2024-01-01 09:16,3,3,3,3,30',
  );

  it("'fail' (default) names the duplicate line and the line it repeats", () => {
    let error: unknown;
    try {
      parseGenericCsv(text, { timeframe: '1m' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvParseError);
    expect(error).toMatchObject({ line: 4, field: 'time', value: '2024-01-01 09:15:00' });
    expect((error as Error).message).toContain(
      'duplicate of line 2 (same instrument NSE:INFY and time)',
    );
  });

  it("'keep-first' keeps line 2 and reports line 4; same time on another instrument is no duplicate", () => {
    const { rows, report } = parseGenericCsv(text, { timeframe: '1m', onDuplicate: 'keep-first' });
    expect(rows.map((b) => [b.instrument, b.volume])).toEqual([
      ['NSE:INFY', 10],
      ['NSE:TCS', 50],
      ['NSE:INFY', 30],
    ]);
    expect(report.duplicates).toEqual([
      { line: 4, duplicateOf: 2, time: ist(2024, 1, 1, 9, 15), key: 'NSE:INFY', keptLine: 2 },
    ]);
    expect(report.duplicateCount).toBe(1);
  });

  it("'keep-last' keeps line 4 in the place of line 2", () => {
    const { rows, report } = parseGenericCsv(text, { timeframe: '1m', onDuplicate: 'keep-last' });
    expect(rows.map((b) => b.volume)).toEqual([20, 50, 30]);
    expect(report.duplicates[0]!.keptLine).toBe(4);
  });

  it('finds duplicates that only meet after sorting', () => {
    const unordered = csv(
      'NSE:INFY,2024-01-01 09:16,3,3,3,3,30',
      'NSE:INFY,2024-01-01 09:15,1,1,1,1,10',
      'NSE:INFY,2024-01-01 09:16,4,4,4,4,40',
    );
    const { rows, report } = parseGenericCsv(unordered, {
      timeframe: '1m',
      onDuplicate: 'keep-first',
    });
    expect(rows.map((b) => b.volume)).toEqual([10, 30]);
    expect(report.duplicates[0]).toMatchObject({ line: 4, duplicateOf: 2 });
    expect(report.outOfOrder).toMatchObject([{ line: 3, afterLine: 2 }]);
  });

  it('applies to end-of-day records by contract', () => {
    const fo =
      'INSTRUMENT,SYMBOL,EXP_DATE,OPEN_PRICE,HI_PRICE,LO_PRICE,CLOSE_PRICE,OPEN_INT*,TRD_VAL,TRD_QTY,NO_OF_CONT,NO_OF_TRADE\n' +
      'FUTIDX,NIFTY,25/11/2025,1,2,1,2,10,0,0,0,0\nFUTIDX,NIFTY,25/11/2025,1,3,1,3,20,0,0,0,0\n';
    expect(() => parseNseFoContracts(fo)).toThrow(/line 3, field "\(row\)": duplicate of line 2/);
    expect(parseNseFoContracts(fo, { onDuplicate: 'keep-last' }).rows[0]!.openInterest).toBe(20);
    expect(
      parseNseFoContracts(fo, { onDuplicate: 'keep-first' }).report.duplicates[0],
    ).toMatchObject({ line: 3, duplicateOf: 2, keptLine: 2 });
  });
});

describe('out-of-order policy', () => {
  const text = csv(
    'NSE:INFY,2024-01-01 09:17,3,3,3,3,3',
    'NSE:INFY,2024-01-01 09:15,1,1,1,1,1',
    'NSE:INFY,2024-01-01 09:16,2,2,2,2,2',
  );

  it("'sort' (default) sorts stably and lists every row earlier than one above it", () => {
    const { rows, report } = parseGenericCsv(text, { timeframe: '1m' });
    expect(rows.map((b) => b.volume)).toEqual([1, 2, 3]);
    expect(report.sorted).toBe(true);
    expect(report.outOfOrder.map((o) => [o.line, o.afterLine])).toEqual([
      [3, 2],
      [4, 2],
    ]);
  });

  it("'fail' throws at the first such row", () => {
    expect(() => parseGenericCsv(text, { timeframe: '1m', onOutOfOrder: 'fail' })).toThrow(
      /line 3, field "time".*earlier than line 2/,
    );
  });

  it('merges instruments listed one after another without calling them out of order', () => {
    const grouped = csv(
      'NSE:INFY,2024-01-01 09:15,1,1,1,1,1',
      'NSE:INFY,2024-01-01 09:16,2,2,2,2,2',
      'NSE:TCS,2024-01-01 09:15,3,3,3,3,3',
    );
    const { rows, report } = parseGenericCsv(grouped, { timeframe: '1m' });
    expect(rows.map((b) => b.volume)).toEqual([1, 3, 2]);
    expect(report.outOfOrderCount).toBe(0);
    expect(report.sorted).toBe(true);
  });

  it('lists at most maxListed rows but counts them all', () => {
    const many = csv(
      ...Array.from(
        { length: 10 },
        (_, i) => `NSE:INFY,2024-01-01 10:${String(59 - i).padStart(2, '0')},1,1,1,1,1`,
      ),
    );
    const { report } = parseGenericCsv(many, { timeframe: '1m', maxListed: 3 });
    expect(report.outOfOrderCount).toBe(9);
    expect(report.outOfOrder).toHaveLength(3);
  });
});

describe('session filter', () => {
  const line = (hhmm: string): string => `NIFTY,20240102,${hhmm},1,1,1,1,0,0`;
  const text = ['09:08', '09:16', '15:30', '15:31'].map(line).join('\n');

  it('takes a calendar function of trading windows per date', () => {
    const { rows, report } = parseNseIndexMinutes(text, {
      session: (date) =>
        date === '2024-01-02' ? [{ open: '09:15', close: '09:16', name: 'short' }] : [],
    });
    expect(rows.map((b) => b.time)).toEqual([ist(2024, 1, 2, 9, 15)]);
    expect(report.dropped).toEqual({ preOpen: 1, postClose: 2, betweenSessions: 0, noSession: 0 });
    const closed = parseNseIndexMinutes(text, { session: () => [] });
    expect(closed.report.dropped.noSession).toBe(4);
  });

  it('rejects malformed windows', () => {
    expect(() =>
      parseNseIndexMinutes(text, { session: () => [{ open: '9:15', close: '15:30', name: 'x' }] }),
    ).toThrow(/must be HH:MM/);
  });
});
