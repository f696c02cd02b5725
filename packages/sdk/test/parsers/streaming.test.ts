import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDepthTicksParser,
  createGenericCsvParser,
  createNseEquityBhavcopyParser,
  createNseIndexMinutesParser,
  createNseStockMinutesParser,
  createPriceTicksParser,
  parseDepthTicks,
  parseNseEquityBhavcopy,
  parseNseIndexMinutes,
  parseNseStockMinutes,
  parsePriceTicks,
  type ParseResult,
  type StreamingParser,
} from '../../src/parsers/index.js';
import { readNse } from './shared-data.js';

/** Feeds `text` to a parser in chunks cut at `cuts` (fractions of the length), taking as it goes. */
function inChunks<R>(parser: StreamingParser<R>, text: string, cuts: number[]): ParseResult<R> {
  const points = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  const taken: R[] = [];
  let from = 0;
  for (const at of [...points, text.length]) {
    parser.push(text.slice(from, at));
    taken.push(...parser.take());
    from = at;
  }
  const { rows, report } = parser.end();
  return { rows: [...taken, ...rows], report };
}

const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

describe('streaming parsers: chunk boundaries anywhere give the whole-string result', () => {
  const nifty = readNse('nifty_index_1min/2021_FEB_NIFTY.txt');
  const stock = readNse('stocks_1min_2016/INFY_minute29.csv');
  const seconds = readNse('nifty_index_1s_2022-11/NIFTY50_1s_2022-11-14.csv').slice(0, 60_000);
  const ticks = readNse('fo_bhavcopy_2025-11/all_ticks_FUTURES.csv');
  const bhav = readNse('fo_bhavcopy_2025-11/FOVOLT_14112025.csv');

  it('NIFTY minutes (LF), also while taking final rows under onOutOfOrder: fail', () => {
    const whole = parseNseIndexMinutes(nifty, { onOutOfOrder: 'fail' });
    fc.assert(
      fc.property(cutsArb, (cuts) => {
        expect(
          inChunks(createNseIndexMinutesParser({ onOutOfOrder: 'fail' }), nifty, cuts),
        ).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it('stock minutes with out-of-order rows (nothing is final before the end)', () => {
    const whole = parseNseStockMinutes(stock);
    fc.assert(
      fc.property(cutsArb, (cuts) => {
        const parser = createNseStockMinutesParser();
        parser.push(stock.slice(0, 1000));
        expect(parser.take()).toEqual([]);
        expect(inChunks(parser, stock.slice(1000), cuts)).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it('CRLF seconds, cut between \\r and \\n too', () => {
    const whole = parsePriceTicks(seconds, { instrument: 'NSE:NIFTY 50', onOutOfOrder: 'fail' });
    const crlf = seconds.indexOf('\r\n') + 1;
    const split = inChunks(
      createPriceTicksParser({ instrument: 'NSE:NIFTY 50', onOutOfOrder: 'fail' }),
      seconds,
      [crlf / seconds.length],
    );
    expect(split).toEqual(whole);
    fc.assert(
      fc.property(cutsArb, (cuts) => {
        expect(
          inChunks(
            createPriceTicksParser({ instrument: 'NSE:NIFTY 50', onOutOfOrder: 'fail' }),
            seconds,
            cuts,
          ),
        ).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it('depth ticks and the equity bhavcopy', () => {
    const options = { onBadRow: 'skip', onDuplicate: 'keep-first' } as const;
    const wholeTicks = parseDepthTicks(ticks, options);
    const wholeBhav = parseNseEquityBhavcopy(bhav);
    fc.assert(
      fc.property(cutsArb, (cuts) => {
        expect(inChunks(createDepthTicksParser(options), ticks, cuts)).toEqual(wholeTicks);
        expect(inChunks(createNseEquityBhavcopyParser(), bhav, cuts)).toEqual(wholeBhav);
      }),
      { numRuns: 15 },
    );
  });

  it('take() hands out bars as soon as a later time arrives, holding back the last time', () => {
    const parser = createGenericCsvParser({
      instrument: 'NSE:INFY',
      timeframe: '1m',
      onOutOfOrder: 'fail',
    });
    parser.push(
      'time,open,high,low,close\n2024-01-01 09:15,1,1,1,1\n2024-01-01 09:16,2,2,2,2\n2024-01-01 09:1',
    );
    expect(parser.take().map((b) => b.close)).toEqual([1]);
    expect(parser.take()).toEqual([]);
    parser.push('7,3,3,3,3');
    expect(parser.take()).toEqual([]); // the 09:17 line is not complete yet
    parser.push('\n');
    expect(parser.take().map((b) => b.close)).toEqual([2]);
    const { rows, report } = parser.end();
    expect(rows.map((b) => b.close)).toEqual([3]);
    expect(report.rows).toBe(3);
    expect(report.firstTime).toBeLessThan(report.lastTime!);
  });

  it('finds an end-of-day duplicate of a row already taken', () => {
    const header =
      'SYMBOL, SERIES, DATE1, PREV_CLOSE, OPEN_PRICE, HIGH_PRICE, LOW_PRICE, LAST_PRICE, CLOSE_PRICE, AVG_PRICE, TTL_TRD_QNTY, TURNOVER_LACS, NO_OF_TRADES, DELIV_QTY, DELIV_PER';
    const row = 'INFY, EQ, 14-Nov-2025, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100.00';
    const parser = createNseEquityBhavcopyParser({ onDuplicate: 'keep-first' });
    parser.push(`${header}\n${row}\n`);
    expect(parser.take()).toHaveLength(1);
    parser.push(`${row}\n`);
    const { rows, report } = parser.end();
    expect(rows).toEqual([]);
    expect(report.rows).toBe(1);
    expect(report.duplicates).toEqual([
      { line: 3, duplicateOf: 2, time: undefined, key: 'INFY EQ', keptLine: 2 },
    ]);
  });

  it('take() waits while the timeframe is still to be detected', () => {
    const parser = createGenericCsvParser({ instrument: 'NSE:INFY', onOutOfOrder: 'fail' });
    parser.push(
      'time,open,high,low,close\n2024-01-01 09:15,1,1,1,1\n2024-01-01 09:20,2,2,2,2\n2024-01-01 09:25,2,2,2,2\n',
    );
    expect(parser.take()).toEqual([]);
    expect(parser.end().rows.map((b) => b.timeframe)).toEqual(['5m', '5m', '5m']);
  });
});
