import { describe, expect, it } from 'vitest';
import {
  CsvParseError,
  parseDepthTicks,
  parsePriceTicks,
  type ParseReport,
} from '../../src/parsers/index.js';
import { ist, listNse, readNse } from './shared-data.js';

const finding = (report: ParseReport, code: string) => report.findings.find((f) => f.code === code);
const ticksFile = readNse('fo_bhavcopy_2025-11/all_ticks_FUTURES.csv');

describe('parseDepthTicks on all_ticks_FUTURES.csv', () => {
  it('fails by default on the malformed line 184', () => {
    let error: unknown;
    try {
      parseDepthTicks(ticksFile);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvParseError);
    expect(error).toMatchObject({
      line: 184,
      field: '(row)',
      value: '5',
      reason: 'expected 29 columns, found 1',
    });
  });

  it('fails on the first repeated tick unless a duplicate policy is chosen', () => {
    expect(() => parseDepthTicks(ticksFile, { onBadRow: 'skip' })).toThrow(
      /line 122, field "time": duplicate of line 62/,
    );
  });

  const { rows, report } = parseDepthTicks(ticksFile, {
    onBadRow: 'skip',
    onDuplicate: 'keep-first',
  });

  it('reads 5,535 ticks, skips the malformed line, removes 1,136 repeats, sorts the rest', () => {
    expect(report.lines).toBe(5537);
    expect(report.skipped).toEqual([
      { line: 184, field: '(row)', value: '5', reason: 'expected 29 columns, found 1' },
    ]);
    expect(report.duplicateCount).toBe(1136);
    expect(report.duplicates[0]).toMatchObject({
      line: 122,
      duplicateOf: 62,
      key: 'NFO:TRENT',
      keptLine: 62,
    });
    expect(report.outOfOrderCount).toBe(1056);
    expect(report.sorted).toBe(true);
    expect(report.rows).toBe(4399);
    const perSymbol = new Map<string, number>();
    for (const t of rows) perSymbol.set(t.instrument, (perSymbol.get(t.instrument) ?? 0) + 1);
    expect(Object.fromEntries(perSymbol)).toEqual({
      'NFO:MCX': 1008,
      'NFO:RELIND': 1221,
      'NFO:TCS': 1010,
      'NFO:TRENT': 1160,
    });
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.time).toBeGreaterThanOrEqual(rows[i - 1]!.time);
  });

  it('keeps microsecond order and returns ms times from 12:07:57.022 to 13:08:04.041', () => {
    expect(report.firstTime).toBe(ist(2025, 11, 17, 12, 7, 57) + 22);
    expect(report.lastTime).toBe(ist(2025, 11, 17, 13, 8, 4) + 41);
    expect(rows[0]).toEqual({
      kind: 'tick',
      instrument: 'NFO:MCX',
      time: ist(2025, 11, 17, 12, 7, 57) + 22,
      price: 9767,
      quantity: 125,
      volume: 349_250,
      oi: 2_620_375,
    });
  });

  it('reports the all-zero asks and the mis-mapped depth, and leaves that depth out', () => {
    expect(finding(report, 'asks-all-zero')?.count).toBe(5535);
    expect(finding(report, 'depth-mis-mapped')?.count).toBe(5535);
    expect(finding(report, 'depth-omitted')?.count).toBe(5535);
    expect(rows.some((t) => t.depth !== undefined || t.bid !== undefined)).toBe(false);
    expect(finding(report, 'symbols')?.message).toBe(
      '4 symbol(s): MCX as NFO:MCX, RELIND as NFO:RELIND, TCS as NFO:TCS, TRENT as NFO:TRENT',
    );
  });

  it("reads bid_price_2 as the best ask with depth: 'bid2-as-ask1'", () => {
    const remapped = parseDepthTicks(ticksFile, {
      onBadRow: 'skip',
      onDuplicate: 'keep-first',
      depth: 'bid2-as-ask1',
    });
    // MCX,2025-11-17 12:07:57.022308,9767.0,...,9760.5,125,9768.0,125,...
    expect(remapped.rows[0]).toMatchObject({
      bid: 9760.5,
      ask: 9768,
      depth: {
        buy: [{ price: 9760.5, quantity: 125, orders: 0 }],
        sell: [{ price: 9768, quantity: 125, orders: 0 }],
      },
    });
    expect(remapped.rows.every((t) => t.bid! < t.ask!)).toBe(true);
  });

  it('names instruments through instrumentOf and rejects an unknown exchange', () => {
    const named = parseDepthTicks(ticksFile, {
      onBadRow: 'skip',
      onDuplicate: 'keep-last',
      instrumentOf: (s) => `NFO:${s === 'RELIND' ? 'RELIANCE' : s}25NOVFUT`,
    });
    expect(new Set(named.rows.map((t) => t.instrument))).toEqual(
      new Set(['NFO:MCX25NOVFUT', 'NFO:RELIANCE25NOVFUT', 'NFO:TCS25NOVFUT', 'NFO:TRENT25NOVFUT']),
    );
    expect(named.report.duplicates[0]!.keptLine).toBe(122);
    expect(() => parseDepthTicks(ticksFile, { instrumentOf: (s) => `XNSE:${s}` })).toThrow(
      /line 2, field "symbol": cannot name an instrument from "MCX": unknown exchange "XNSE"/,
    );
  });
});

// From awk over the files: rows inside 09:15:00-15:29:59, before, after; first and last kept.
const SECONDS: [string, number, number, number, number, string, string][] = [
  ['2022-11-14', 23_540, 22_500, 839, 201, '18376.4', '18320.25'],
  ['2022-11-15', 23_570, 22_485, 883, 202, '18362.75', '18421.55'],
  ['2022-11-16', 23_550, 22_500, 850, 200, '18398.25', '18404.85'],
  ['2022-11-17', 23_551, 22_500, 848, 203, '18358.7', '18333.95'],
  ['2022-11-18', 23_574, 22_500, 842, 232, '18382.95', '18304.35'],
];

describe('parsePriceTicks on nifty_index_1s_2022-11', () => {
  it('has the five days', () => {
    expect(listNse('nifty_index_1s_2022-11')).toEqual(SECONDS.map(([d]) => `NIFTY50_1s_${d}.csv`));
  });

  for (const [date, lines, kept, preOpen, postClose, first, last] of SECONDS) {
    it(`${date}: ${lines} CRLF rows, ${kept} in session, no time going backwards`, () => {
      const text = readNse(`nifty_index_1s_2022-11/NIFTY50_1s_${date}.csv`);
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const { rows, report } = parsePriceTicks(text, { instrument: 'NSE:NIFTY 50' });
      expect(report.lines).toBe(lines);
      expect(report.rows).toBe(kept);
      expect(report.dropped).toEqual({ preOpen, postClose, betweenSessions: 0, noSession: 0 });
      expect(report.firstTime).toBe(ist(y, m, d, 9, 15, 0));
      expect(report.lastTime).toBe(ist(y, m, d, 15, 29, 59));
      expect(rows[0]!.price).toBe(Number(first));
      expect(rows.at(-1)!.price).toBe(Number(last));
      expect(report.outOfOrderCount).toBe(0);
      expect(finding(report, 'times-backwards')).toMatchObject({
        count: 0,
        message: 'no tick time goes backwards',
      });
      const everything = parsePriceTicks(text, { instrument: 'NSE:NIFTY 50', session: 'all' });
      expect(everything.report.rows).toBe(lines);
    });
  }

  it('reports the pauses in the samples', () => {
    const day15 = parsePriceTicks(readNse('nifty_index_1s_2022-11/NIFTY50_1s_2022-11-15.csv'), {
      instrument: 'NSE:NIFTY 50',
    });
    expect(finding(day15.report, 'gaps')?.details).toEqual([
      '2022-11-15 13:45:04 -> 2022-11-15 13:45:20 (16 s)',
    ]);
    const day14 = parsePriceTicks(readNse('nifty_index_1s_2022-11/NIFTY50_1s_2022-11-14.csv'), {
      instrument: 'NSE:NIFTY 50',
      session: 'all',
    });
    expect(finding(day14.report, 'gaps')?.details).toEqual([
      '2022-11-14 09:07:00 -> 2022-11-14 09:08:01 (61 s)',
    ]);
  });

  it('reports times that go backwards with their lines, and sorts them', () => {
    const text =
      '2022-11-14 10:00:00,100\n2022-11-14 10:00:02,101\n2022-11-14 10:00:01,102\n2022-11-14 10:00:03,103\n';
    const { rows, report } = parsePriceTicks(text, { instrument: 'NSE:NIFTY 50' });
    expect(report.outOfOrder).toEqual([
      {
        line: 3,
        time: ist(2022, 11, 14, 10, 0, 1),
        afterLine: 2,
        afterTime: ist(2022, 11, 14, 10, 0, 2),
      },
    ]);
    expect(finding(report, 'times-backwards')?.count).toBe(1);
    expect(rows.map((t) => t.price)).toEqual([100, 102, 101, 103]);
  });
});
