import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import { parseBar, parseInstrument, type Bar, type Instrument } from '../../src/model/index.js';

// The model on real NSE files: every symbol, strike and expiry NSE published on a day must form
// a valid instrument, and every published OHLC row a valid bar, unless the row itself is wrong.
const DATA = new URL('../../../../../shared/data/nse/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, DATA), 'utf8');
const lines = (text: string): string[] => text.split(/\r?\n/).filter((line) => line.trim() !== '');
const IST_MIDNIGHT_14_NOV_2025 = Date.UTC(2025, 10, 13, 18, 30);
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

describe('model on the NSE equity bhavcopy of 14 Nov 2025 (FOVOLT_14112025.csv)', () => {
  const rows = lines(read('fo_bhavcopy_2025-11/FOVOLT_14112025.csv'))
    .slice(1)
    .map((line) => line.split(',').map((cell) => cell.trim()));

  it('turns every symbol and series into a distinct, valid NSE instrument', () => {
    const instruments: Instrument[] = rows.map(([symbol, series]) => {
      const tradingSymbol = series === 'EQ' ? symbol! : `${symbol}-${series}`;
      return parseInstrument({
        id: `NSE:${tradingSymbol}`,
        exchange: 'NSE',
        symbol: tradingSymbol,
        type: 'EQ',
        lotSize: 1,
        tickSize: 0.01,
      });
    });
    expect(instruments).toHaveLength(3050);
    expect(new Set(instruments.map((i) => i.id)).size).toBe(3050);
    expect(instruments.map((i) => i.id)).toContain('NSE:M&M');
    expect(instruments.map((i) => i.id)).toContain('NSE:BAJAJ-AUTO');
  });

  it('accepts every daily bar but one, and names the close of that one', () => {
    const rejected: { symbol: string; series: string; error: ValidationError }[] = [];
    let accepted = 0;
    for (const [symbol, series, , , open, high, low, , close, , volume] of rows) {
      const tradingSymbol = series === 'EQ' ? symbol! : `${symbol}-${series}`;
      try {
        parseBar({
          kind: 'bar',
          instrument: `NSE:${tradingSymbol}`,
          timeframe: '1d',
          time: IST_MIDNIGHT_14_NOV_2025,
          open: Number(open),
          high: Number(high),
          low: Number(low),
          close: Number(close),
          volume: Number(volume),
        });
        accepted++;
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        rejected.push({ symbol: symbol!, series: series!, error });
      }
    }
    expect(accepted).toBe(3049);
    // NTPC's T0 (same-day settlement) series printed one trade at 327.05, yet its CLOSE_PRICE is
    // 328.45: NSE's closing price comes from the main session, not from this series' trades.
    expect(rejected.map((r) => [r.symbol, r.series, r.error.field, r.error.value])).toEqual([
      ['NTPC', 'T0', 'close', 328.45],
    ]);
  });
});

describe('model on the NSE F&O option chain of 14 Nov 2025 (op14112025.csv)', () => {
  const rows = lines(read('fo_bhavcopy_2025-11/op14112025.csv'))
    .slice(1)
    .map((line) => line.split(',').map((cell) => cell.trim()))
    .filter((cells) => cells.length >= 12); // the trailing footnote line has one cell

  it('turns every contract into a valid NFO option with lot size from quantity / contracts', () => {
    const instruments = rows.map(
      ([, underlying, expiry, strikeText, type, , , , , , quantity, contracts]) => {
        const [day, month, year] = expiry!.split('/');
        const strike = Number(strikeText);
        const lotSize = Number(quantity) / Number(contracts);
        const symbol = `${underlying}${year!.slice(2)}${MONTHS[Number(month) - 1]}${strike}${type}`;
        return parseInstrument({
          id: `NFO:${symbol}`,
          exchange: 'NFO',
          symbol,
          type,
          lotSize,
          tickSize: 0.05,
          expiry: `${year}-${month}-${day}`,
          strike,
          optionType: type,
          underlying,
        });
      },
    );
    expect(instruments).toHaveLength(15_130);
    const bankNiftyPut = instruments.find((i) => i.id === 'NFO:BANKNIFTY25NOV46500PE');
    expect(bankNiftyPut).toMatchObject({
      lotSize: 35,
      strike: 46500,
      expiry: '2025-11-25',
      optionType: 'PE',
    });
    expect(new Set(instruments.map((i) => i.underlying)).size).toBeGreaterThan(200);
  });

  it('accepts the daily bar of every contract, with open interest', () => {
    const bars: Bar[] = rows.map(
      ([, underlying, expiry, strikeText, type, open, high, low, close, oi, quantity]) => {
        const [, month, year] = expiry!.split('/');
        return parseBar({
          kind: 'bar',
          instrument: `NFO:${underlying}${year!.slice(2)}${MONTHS[Number(month) - 1]}${Number(strikeText)}${type}`,
          timeframe: '1d',
          time: IST_MIDNIGHT_14_NOV_2025,
          open: Number(open),
          high: Number(high),
          low: Number(low),
          close: Number(close),
          volume: Number(quantity),
          oi: Number(oi),
        });
      },
    );
    expect(bars).toHaveLength(15_130);
    expect(bars[0]).toMatchObject({
      open: 3.95,
      high: 5.2,
      low: 3.3,
      close: 3.5,
      volume: 13965,
      oi: 74795,
    });
  });
});

describe('model on five years of daily NIFTY 50 constituents (daily_nifty50/)', () => {
  it('accepts all 61,135 daily bars of the 50 files', () => {
    const files = readdirSync(new URL('daily_nifty50/', DATA)).filter((f) => f.endsWith('.csv'));
    expect(files).toHaveLength(50);
    let count = 0;
    for (const file of files) {
      const symbol = file.slice(0, file.indexOf('_'));
      for (const line of lines(read(`daily_nifty50/${file}`)).slice(1)) {
        const [timestamp, open, high, low, close, volume, oi] = line.split(',');
        parseBar({
          kind: 'bar',
          instrument: `NSE:${symbol}`,
          timeframe: '1d',
          time: Date.parse(timestamp!.replace(' ', 'T')),
          open: Number(open),
          high: Number(high),
          low: Number(low),
          close: Number(close),
          volume: Number(volume),
          oi: Number(oi),
        });
        count++;
      }
    }
    expect(count).toBe(61_135);
  });
});
