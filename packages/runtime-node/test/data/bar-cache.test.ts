import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { tableFromArrays, tableToIPC } from '@uwdata/flechette';
import { describe, expect, it } from 'vitest';
import type { Bar } from '@pravah/sdk';
import { decodeArrowCache, encodeArrowCache } from '../../src/data/arrow-cache.js';
import { barsToColumns, columnsToBars } from '../../src/data/bar-columns.js';
import { DataFileError } from '../../src/data/data-file-error.js';
import { loadMarketData } from '../../src/data/load-market-data.js';
import { encodeParquet } from './support/write-parquet.js';

const NSE = fileURLToPath(new URL('../../../../../shared/data/nse/', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'pravah-data-'));

describe('Arrow bar cache', () => {
  it('round-trips the whole NIFTY 1-minute folder: CSV -> cache -> the same bars', async () => {
    const csv = await loadMarketData(path.join(NSE, 'nifty_index_1min'));
    expect(csv.events).toHaveLength(194_423 - 0 - dropped(csv.notes));
    const file = path.join(dir, 'nifty.arrow');
    writeFileSync(
      file,
      encodeArrowCache(barsToColumns(csv.events.filter((e) => e.kind === 'bar')), csv.notes),
    );
    const cached = await loadMarketData(file);
    expect(cached.events).toEqual(csv.events);
    expect(cached.instruments).toEqual(csv.instruments);
    expect(cached.notes.slice(1)).toEqual(csv.notes);
  }, 120_000);

  it('round-trips several instruments, --symbol selection and open interest', async () => {
    const csv = await loadMarketData(path.join(NSE, 'stocks_1min_2016'));
    const bars = csv.events.filter((e): e is Bar => e.kind === 'bar');
    const withOi = bars.map((b, i) => (i % 3 === 0 ? { ...b, oi: i * 10 } : b));
    const file = path.join(dir, 'stocks.arrow');
    writeFileSync(file, encodeArrowCache(barsToColumns(withOi), []));
    const { columns } = decodeArrowCache(
      new Uint8Array(encodeArrowCache(barsToColumns(withOi), [])),
    );
    expect(columnsToBars(columns)).toEqual(withOi);
    expect(columns.instrumentIds).toEqual(csv.instruments.map((i) => i.id));
    expect(columns.instrumentIds.length).toBeGreaterThan(10);
    const infy = await loadMarketData(file, { symbol: 'INFY' });
    expect(infy.events).toEqual(withOi.filter((b) => b.instrument === 'NSE:INFY'));
    await expect(loadMarketData(file, { symbol: 'NOPE' })).rejects.toThrow(/not in the data/);
  }, 120_000);

  it('packs any bars into columns and back unchanged (shared memory too)', () => {
    const bar = fc.record({
      instrument: fc.constantFrom('NSE:A', 'NSE:B', 'NFO:C'),
      timeframe: fc.constantFrom('1m' as const, '5m' as const, '1d' as const),
      time: fc.integer({ min: 1e12, max: 2e12 }),
      price: fc.double({ min: 1, max: 1e5, noNaN: true }),
      volume: fc.integer({ min: 0, max: 1e9 }),
      oi: fc.option(fc.integer({ min: 0, max: 1e7 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(bar, { maxLength: 50 }), fc.boolean(), (rows, shared) => {
        const bars: Bar[] = rows.map((r) => ({
          kind: 'bar',
          instrument: r.instrument,
          timeframe: r.timeframe,
          time: r.time,
          open: r.price,
          high: r.price * 1.01,
          low: r.price * 0.99,
          close: r.price,
          volume: r.volume,
          ...(r.oi === undefined ? {} : { oi: r.oi }),
        }));
        const columns = barsToColumns(bars, { shared });
        if (shared && bars.length > 0)
          expect(columns.time.buffer).toBeInstanceOf(SharedArrayBuffer);
        expect(columnsToBars(columns)).toEqual(bars);
        expect(columnsToBars(decodeArrowCache(encodeArrowCache(columns, ['n'])).columns)).toEqual(
          bars,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('rejects files that are not bar caches with a DataFileError naming the problem', () => {
    expect(() => decodeArrowCache(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(DataFileError);
    const other = tableToIPC(tableFromArrays({ time: [1, 2], close: [3, 4] }), {
      format: 'file',
    })!;
    expect(() => decodeArrowCache(other)).toThrow(
      /columns: a bar cache needs instrument, timeframe, open, high, low, volume/,
    );
  });
});

describe('Parquet input', () => {
  it('reads Parquet bars (text and TIMESTAMP times) into the same bars as the CSV', async () => {
    const csv = await loadMarketData(path.join(NSE, 'nifty_index_1min', '2022_JAN_NIFTY.txt'));
    const bars = csv.events.filter((e): e is Bar => e.kind === 'bar');
    const ist = (t: number) =>
      new Date(t + 19_800_000).toISOString().slice(0, 16).replace('T', ' ');
    const values = (k: 'open' | 'high' | 'low' | 'close' | 'volume') => ({
      name: k,
      kind: 'double' as const,
      values: bars.map((b) => b[k]),
    });
    const ohlcv = (['open', 'high', 'low', 'close', 'volume'] as const).map(values);
    const textFile = path.join(dir, 'NIFTY 50.parquet');
    writeFileSync(
      textFile,
      encodeParquet([
        { name: 'time', kind: 'utf8', values: bars.map((b) => ist(b.time)) },
        ...ohlcv,
      ]),
    );
    const stampFile = path.join(dir, 'stamped', 'NIFTY 50.parquet');
    mkdirp(path.dirname(stampFile));
    writeFileSync(
      stampFile,
      encodeParquet([
        { name: 'Timestamp', kind: 'timestamp-ms', values: bars.map((b) => b.time) },
        ...ohlcv,
      ]),
    );
    for (const file of [textFile, stampFile]) {
      const loaded = await loadMarketData(file);
      expect(loaded.events).toEqual(bars);
    }
  }, 120_000);

  it('names the missing columns of a Parquet file that holds no bars', async () => {
    const file = path.join(dir, 'bad.parquet');
    writeFileSync(file, encodeParquet([{ name: 'close', kind: 'double', values: [1, 2] }]));
    await expect(loadMarketData(file)).rejects.toThrow(/needs a time column .*missing open, high/);
  });
});

function dropped(notes: readonly string[]): number {
  const m = /(\d+) out-of-session bars dropped/.exec(notes.join('\n'));
  return m ? Number(m[1]) : 0;
}

function mkdirp(folder: string): void {
  mkdirSync(folder, { recursive: true });
}
