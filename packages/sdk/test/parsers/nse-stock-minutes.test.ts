import { describe, expect, it } from 'vitest';
import { CsvParseError, parseNseStockMinutes } from '../../src/parsers/index.js';
import { ist, listNse, readNse } from './shared-data.js';

// Rows earlier than a row above them, counted with awk ($2 < running max).
const OUT_OF_ORDER: Record<string, number> = {
  AXISBANK: 9,
  BHARTIARTL: 2,
  HDFCBANK: 12,
  HINDUNILVR: 8,
  ICICIBANK: 7,
  INFY: 13,
  ITC: 2,
  KOTAKBANK: 5,
  LT: 2,
  NIFTY50: 3,
  RELIANCE: 9,
  TATAMOTORS: 6,
};
// Stock minutes with volume 0, counted with awk.
const ZERO_VOLUME: Record<string, number> = { BHARTIARTL: 5, HDFCBANK: 3 };

describe('parseNseStockMinutes on stocks_1min_2016', () => {
  const files = listNse('stocks_1min_2016');

  it('has the twelve files', () => {
    expect(files.map((f) => f.split('_')[0])).toEqual(Object.keys(OUT_OF_ORDER));
  });

  for (const file of files) {
    const symbol = file.split('_')[0]!;
    it(`${symbol}: 6,750 start-labelled bars 2016-08-16 09:15 to 2016-09-09 15:29, out-of-order rows reported and sorted`, () => {
      const { rows, report } = parseNseStockMinutes(readNse(`stocks_1min_2016/${file}`));
      expect(report.lines).toBe(6751);
      expect(report.rows).toBe(6750);
      expect(report.sessions).toBe(18);
      expect(report.firstTime).toBe(ist(2016, 8, 16, 9, 15));
      expect(report.lastTime).toBe(ist(2016, 9, 9, 15, 29));
      expect(report.outOfOrderCount).toBe(OUT_OF_ORDER[symbol]);
      expect(report.sorted).toBe(true);
      expect(report.duplicateCount).toBe(0);
      expect(report.dropped).toEqual({
        preOpen: 0,
        postClose: 0,
        betweenSessions: 0,
        noSession: 0,
      });
      for (let i = 1; i < rows.length; i++)
        expect(rows[i]!.time).toBeGreaterThan(rows[i - 1]!.time);
      expect(rows[0]!.instrument).toBe(symbol === 'NIFTY50' ? 'NSE:NIFTY 50' : `NSE:${symbol}`);
      const codes = report.findings.map((f) => f.code);
      expect(codes).toContain('out-of-order-sorted');
      if (symbol === 'NIFTY50') expect(codes).toContain('volume-zero');
      else if (ZERO_VOLUME[symbol]) {
        expect(report.findings.find((f) => f.code === 'zero-volume-bars')?.count).toBe(
          ZERO_VOLUME[symbol],
        );
      } else expect(codes).not.toContain('zero-volume-bars');
    });
  }

  it('lists INFY out-of-order rows with their line numbers and the row they follow', () => {
    const { rows, report } = parseNseStockMinutes(readNse('stocks_1min_2016/INFY_minute29.csv'));
    expect(report.outOfOrder.map((o) => o.line)).toEqual([
      5, 383, 393, 398, 403, 1240, 1245, 1250, 1755, 2313, 3339, 3341, 5165,
    ]);
    // Line 5 is INFY,2016-08-16 09:17:00 after line 4's 09:18.
    expect(report.outOfOrder[0]).toEqual({
      line: 5,
      time: ist(2016, 8, 16, 9, 17),
      afterLine: 4,
      afterTime: ist(2016, 8, 16, 9, 18),
    });
    // Leading spaces are read: INFY,2016-08-16 09:17:00, 1031.8, 1031.8, 1029.5, 1030.7, 179220
    expect(rows[2]).toEqual({
      kind: 'bar',
      instrument: 'NSE:INFY',
      timeframe: '1m',
      time: ist(2016, 8, 16, 9, 17),
      open: 1031.8,
      high: 1031.8,
      low: 1029.5,
      close: 1030.7,
      volume: 179220,
    });
  });

  it("fails at the first out-of-order row under onOutOfOrder: 'fail'", () => {
    let error: unknown;
    try {
      parseNseStockMinutes(readNse('stocks_1min_2016/INFY_minute29.csv'), { onOutOfOrder: 'fail' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvParseError);
    expect(error).toMatchObject({ line: 5, field: 'time', value: '2016-08-16 09:17:00' });
    expect((error as Error).message).toContain('earlier than line 4 (2016-08-16 09:18:00)');
  });
});
