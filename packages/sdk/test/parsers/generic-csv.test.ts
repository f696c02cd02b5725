import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { Bar } from '../../src/model/bar.js';
import { parseGenericCsv } from '../../src/parsers/index.js';
import { ist } from './shared-data.js';

describe('parseGenericCsv', () => {
  it('matches column names case-insensitively and ignores unknown columns', () => {
    const csv =
      'Symbol Name,DATETIME,Open,HIGH,low,Close,Volume,Turnover\nInfosys,2024-01-01 09:15:00,100,101,99,100.5,1200,9\n';
    const { rows } = parseGenericCsv(csv, { instrument: 'NSE:INFY', timeframe: '1m' });
    expect(rows).toEqual([
      {
        kind: 'bar',
        instrument: 'NSE:INFY',
        timeframe: '1m',
        time: ist(2024, 1, 1, 9, 15),
        open: 100,
        high: 101,
        low: 99,
        close: 100.5,
        volume: 1200,
      },
    ]);
  });

  it('reads naive times as IST, honours Z and offsets, and accepts T, fractions and compact dates', () => {
    const csv = [
      'time,open,high,low,close',
      '2024-01-01 09:15,1,1,1,1',
      '2024-01-01T03:46:00Z,1,1,1,1',
      '2024-01-01T09:17:00+05:30,1,1,1,1',
      '2024-01-01T04:48:00.000+0100,1,1,1,1',
      '2024/01/01 09:19:00,1,1,1,1',
      '"2024-01-01 09:20:00",1,1,1,1',
    ].join('\n');
    const { rows, report } = parseGenericCsv(csv, { instrument: 'NSE:INFY' });
    expect(rows.map((b) => (b.time - ist(2024, 1, 1, 9, 15)) / 60_000)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(report.findings.find((f) => f.code === 'utc-offsets')?.count).toBe(3);
    expect(report.findings.find((f) => f.code === 'naive-ist')?.count).toBe(3);
  });

  it('reads date-only rows as daily bars at IST midnight, in YYYY-MM-DD or YYYYMMDD', () => {
    const { rows, report } = parseGenericCsv(
      'date,open,high,low,close,volume\n2024-01-01,1,2,1,2,5\n20240102,2,3,2,3,6\n',
      {
        instrument: 'NSE:INFY',
      },
    );
    expect(rows.map((b) => [b.timeframe, b.time])).toEqual([
      ['1d', ist(2024, 1, 1)],
      ['1d', ist(2024, 1, 2)],
    ]);
    expect(report.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['date-only', 'timeframe-detected']),
    );
  });

  it('combines separate date and time columns', () => {
    const { rows } = parseGenericCsv(
      'Date,Time,Open,High,Low,Close\n2024-01-01,09:15:00,1,1,1,1\n2024-01-01,09:20,1,1,1,1\n',
      {
        instrument: 'NSE:INFY',
      },
    );
    expect(rows.map((b) => b.time)).toEqual([ist(2024, 1, 1, 9, 15), ist(2024, 1, 1, 9, 20)]);
    expect(rows[0]!.timeframe).toBe('5m');
  });

  it('detects the timeframe from the median spacing, despite gaps', () => {
    const times = ['09:15', '09:30', '09:45', '11:00', '11:15'];
    const csv = `time,open,high,low,close\n${times.map((t) => `2024-01-01 ${t},1,1,1,1`).join('\n')}`;
    expect(parseGenericCsv(csv, { instrument: 'NSE:INFY' }).rows[0]!.timeframe).toBe('15m');
    expect(() =>
      parseGenericCsv(
        'time,open,high,low,close\n2024-01-01 09:15,1,1,1,1\n2024-01-01 09:22,1,1,1,1\n',
        { instrument: 'NSE:INFY' },
      ),
    ).toThrow(
      /rows are 420000 ms apart \(median\), which is no supported timeframe: pass options.timeframe/,
    );
  });

  it("shifts end-labelled bars to their open with labels: 'end' and flags files that look end-labelled", () => {
    const csv = 'time,open,high,low,close\n2024-01-01 15:29,1,1,1,1\n2024-01-01 15:30,1,1,1,1\n';
    const shifted = parseGenericCsv(csv, {
      instrument: 'NSE:INFY',
      timeframe: '1m',
      labels: 'end',
    });
    expect(shifted.rows.map((b) => b.time)).toEqual([
      ist(2024, 1, 1, 15, 28),
      ist(2024, 1, 1, 15, 29),
    ]);
    const asIs = parseGenericCsv(csv, { instrument: 'NSE:INFY' });
    expect(asIs.report.findings.find((f) => f.code === 'looks-end-labelled')?.count).toBe(1);
    expect(() => parseGenericCsv(csv, { instrument: 'NSE:INFY', labels: 'end' })).toThrow(
      ValidationError,
    );
  });

  it('carries oi when the file has it, and takes instruments from an instrument or symbol column', () => {
    const csv =
      'instrument,time,open,high,low,close,volume,oi\nNFO:NIFTY25NOVFUT,2025-11-14 09:15,1,2,1,2,75,1500\nNSE:INFY,2025-11-14 09:15,3,3,3,3,1,0\n';
    const { rows } = parseGenericCsv(csv, { timeframe: '1m' });
    expect(rows.map((b) => [b.instrument, b.oi])).toEqual([
      ['NFO:NIFTY25NOVFUT', 1500],
      ['NSE:INFY', 0],
    ]);
    const bySymbol = parseGenericCsv(
      'ticker,date,open,high,low,close\nNIFTY50,2024-01-01,1,1,1,1\nTCS,2024-01-01,1,1,1,1\n',
      {},
    );
    expect(bySymbol.rows.map((b) => b.instrument)).toEqual(['NSE:NIFTY 50', 'NSE:TCS']);
    const onBse = parseGenericCsv('symbol,date,open,high,low,close\nTCS,2024-01-01,1,1,1,1\n', {
      exchange: 'BSE',
    });
    expect(onBse.rows[0]!.instrument).toBe('BSE:TCS');
  });

  it('needs an instrument from somewhere', () => {
    expect(() => parseGenericCsv('time,open,high,low,close\n2024-01-01,1,1,1,1\n')).toThrow(
      /pass options.instrument/,
    );
    expect(() =>
      parseGenericCsv('time,open,high,low,close\n', { instrument: 'XYZ:INFY' as 'NSE:INFY' }),
    ).toThrow(ValidationError);
  });

  it('reports a missing volume column and fills 0', () => {
    const { rows, report } = parseGenericCsv('time,open,high,low,close\n2024-01-01,1,1,1,1\n', {
      instrument: 'NSE:INFY',
    });
    expect(rows[0]!.volume).toBe(0);
    expect(report.findings.map((f) => f.code)).toContain('no-volume-column');
  });

  it('round-trips: random valid bars written as CSV parse back equal', () => {
    const barArb = fc
      .record({
        minute: fc.integer({ min: 0, max: 1_000_000 }),
        low: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        spread: fc.double({ min: 0, max: 1e4, noNaN: true }),
        openAt: fc.double({ min: 0, max: 1, noNaN: true }),
        closeAt: fc.double({ min: 0, max: 1, noNaN: true }),
        volume: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e9, noNaN: true })),
        oi: fc.nat(),
      })
      .map(({ minute, low, spread, openAt, closeAt, volume, oi }) => {
        const high = low + spread;
        const clamp = (x: number): number => Math.min(high, Math.max(low, x));
        const bar: Bar = {
          kind: 'bar',
          instrument: 'NFO:NIFTY25NOVFUT',
          timeframe: '1m',
          time: ist(2020, 1, 1) + minute * 60_000,
          open: clamp(low + spread * openAt),
          high,
          low,
          close: clamp(low + spread * closeAt),
          volume,
          oi,
        };
        return bar;
      });
    const isoIst = (ms: number): string =>
      new Date(ms + 19_800_000).toISOString().slice(0, 19).replace('T', ' ');
    fc.assert(
      fc.property(
        fc.uniqueArray(barArb, { selector: (b) => b.time, minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (bars, zoned) => {
          const sorted = [...bars].sort((a, b) => a.time - b.time);
          const lines = sorted.map((b) =>
            [
              zoned ? new Date(b.time).toISOString() : isoIst(b.time),
              b.open,
              b.high,
              b.low,
              b.close,
              b.volume,
              b.oi,
            ].join(','),
          );
          const csv = `Timestamp,Open,High,Low,Close,Volume,OI\n${lines.join('\n')}\n`;
          const { rows, report } = parseGenericCsv(csv, {
            instrument: 'NFO:NIFTY25NOVFUT',
            timeframe: '1m',
          });
          expect(rows).toEqual(sorted);
          expect(report.rows).toBe(sorted.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
