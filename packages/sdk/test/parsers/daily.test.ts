import { describe, expect, it } from 'vitest';
import type { InstrumentId } from '../../src/model/instrument.js';
import { detectFormat, parseGenericCsv } from '../../src/parsers/index.js';
import { ist, listNse, readNse } from './shared-data.js';

describe('parseGenericCsv on daily_nifty50 (50 files, +05:30 offsets)', () => {
  const files = listNse('daily_nifty50');

  it('has 50 files, all detected as generic OHLCV', () => {
    expect(files).toHaveLength(50);
    for (const file of files)
      expect(detectFormat(readNse(`daily_nifty50/${file}`).slice(0, 4096)), file).toBe(
        'generic-ohlcv',
      );
  });

  for (const file of files) {
    const symbol = file.split('_')[0]!;
    const [count, firstDay] =
      symbol === 'ETERNAL'
        ? [1041, [2021, 7, 23]]
        : symbol === 'JIOFIN'
          ? [526, [2023, 8, 21]]
          : [1241, [2020, 10, 1]];
    it(`${symbol}: ${count} daily bars from ${firstDay.join('-')} to 2025-09-30, oi always 0`, () => {
      const { rows, report } = parseGenericCsv(readNse(`daily_nifty50/${file}`), {
        instrument: `NSE:${symbol}` as InstrumentId,
      });
      expect(report.rows).toBe(count);
      expect(report.sessions).toBe(count);
      expect(report.firstTime).toBe(ist(firstDay[0]!, firstDay[1]!, firstDay[2]!));
      expect(report.lastTime).toBe(ist(2025, 9, 30));
      expect(rows.every((b) => b.timeframe === '1d' && b.oi === 0)).toBe(true);
      const codes = report.findings.map((f) => f.code);
      expect(codes).toEqual(
        expect.arrayContaining(['oi-zero', 'timeframe-detected', 'utc-offsets']),
      );
      expect(report.findings.find((f) => f.code === 'utc-offsets')?.count).toBe(count);
      expect(report.outOfOrderCount + report.duplicateCount + report.skippedCount).toBe(0);
    });
  }

  it('keeps real crash days: ADANIENT fell 28% on 2023-02-01', () => {
    const { rows } = parseGenericCsv(
      readNse('daily_nifty50/ADANIENT_2020-10-01_to_2025-09-30.csv'),
      { instrument: 'NSE:ADANIENT' },
    );
    const day = rows.findIndex((b) => b.time === ist(2023, 2, 1));
    expect(rows[day]).toMatchObject({
      open: 2995,
      high: 3010.75,
      low: 1941.2,
      close: 2135.35,
      volume: 13525314,
    });
    expect(rows[day]!.close / rows[day - 1]!.close - 1).toBeCloseTo(-0.282, 3);
  });
});
