import { describe, expect, it } from 'vitest';
import { detectFormat, type FormatId } from '../../src/parsers/index.js';
import { listNse, readNse } from './shared-data.js';

const EXPECTED: Record<string, FormatId | undefined> = {
  daily_nifty50: 'generic-ohlcv',
  nifty_index_1min: 'nse-index-1m',
  'nifty_index_1s_2022-11': 'price-ticks',
  stocks_1min_2016: 'nse-stock-1m',
};
const FO: Record<string, FormatId | undefined> = {
  'FOVOLT_14112025.csv': 'nse-equity-bhavcopy',
  'all_ticks_FUTURES.csv': 'depth-ticks',
  'fo14112025.csv': 'nse-fo-contracts',
  'fo17112025.csv': 'nse-fo-contracts',
  'fohelp.txt': undefined,
  'op14112025.csv': 'nse-fo-contracts',
  'op17112025.csv': 'nse-fo-contracts',
  'optidx14112025.csv': 'nse-fo-index-summary',
};

describe('detectFormat on every file of shared/data/nse', () => {
  for (const [folder, format] of Object.entries(EXPECTED)) {
    it(`${folder}: ${format}`, () => {
      for (const file of listNse(folder)) {
        expect(detectFormat(readNse(`${folder}/${file}`).slice(0, 4096)), file).toBe(format);
      }
    });
  }

  it('fo_bhavcopy_2025-11: each file, and no parser for the help text', () => {
    expect(listNse('fo_bhavcopy_2025-11')).toEqual(Object.keys(FO));
    for (const [file, format] of Object.entries(FO)) {
      expect(detectFormat(readNse(`fo_bhavcopy_2025-11/${file}`).slice(0, 4096)), file).toBe(
        format,
      );
    }
  });
});

describe('detectFormat on other heads', () => {
  it('recognises generic headers in any case and with a BOM, quotes or separate date and time', () => {
    expect(detectFormat('\uFEFFDate,Open,High,Low,Close\n2024-01-01,1,1,1,1')).toBe(
      'generic-ohlcv',
    );
    expect(detectFormat('"datetime","open","high","low","close","volume"\n')).toBe('generic-ohlcv');
    expect(detectFormat('date,time,open,high,low,close,volume\n')).toBe('generic-ohlcv');
  });

  it('returns undefined for empty text and unknown layouts', () => {
    expect(detectFormat('')).toBeUndefined();
    expect(detectFormat('a,b,c\n1,2,3\n')).toBeUndefined();
    expect(detectFormat('time,open,close\n')).toBeUndefined();
  });
});
