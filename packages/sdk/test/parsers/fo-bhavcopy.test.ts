import { describe, expect, it } from 'vitest';
import {
  CsvParseError,
  parseNseEquityBhavcopy,
  parseNseFoContracts,
  parseNseFoSummary,
  type ParseReport,
} from '../../src/parsers/index.js';
import { ist, readNse } from './shared-data.js';

const codes = (report: ParseReport): string[] => report.findings.map((f) => f.code);
const finding = (report: ParseReport, code: string) => report.findings.find((f) => f.code === code);

describe('parseNseFoContracts on the F&O option chains (op*.csv)', () => {
  const cases = [
    ['op14112025.csv', 15_132, 15_130, 1816, 13_314],
    ['op17112025.csv', 16_173, 16_171, 1890, 14_281],
  ] as const;
  for (const [file, lines, rows, optidx, optstk] of cases) {
    it(`${file}: ${rows} contracts of 214 underlyings, the footnote on line ${lines} skipped`, () => {
      const { rows: contracts, report } = parseNseFoContracts(
        readNse(`fo_bhavcopy_2025-11/${file}`),
      );
      expect(report.lines).toBe(lines);
      expect(report.rows).toBe(rows);
      expect(contracts).toHaveLength(rows);
      expect(new Set(contracts.map((c) => c.symbol)).size).toBe(214);
      expect(finding(report, 'underlyings')).toMatchObject({
        count: 214,
        details: [`OPTIDX: ${optidx}`, `OPTSTK: ${optstk}`],
      });
      expect(finding(report, 'footnote-skipped')?.message).toContain(
        `line ${lines}: * - OPEN_INT as available`,
      );
      expect(codes(report)).toEqual(
        expect.arrayContaining(['fixed-width', 'weekly-expiries', 'trade-date-missing']),
      );
      expect(report.skippedCount + report.duplicateCount).toBe(0);
    });
  }

  it('types each record: padding trimmed, dd/mm/yyyy expiry, Kite instrument names, lot size', () => {
    const { rows } = parseNseFoContracts(readNse('fo_bhavcopy_2025-11/op14112025.csv'), {
      tradeDate: '2025-11-14',
    });
    // OPTIDX    ,BANKNIFTY ,25/11/2025,00046500.00,PE      ,00000003.95,00000005.20,00000003.30,00000003.50,000000000074795,            13965,              399,              135,      649427357.25,          54857.25
    expect(rows[0]).toEqual({
      instrument: 'NFO:BANKNIFTY25NOV46500PE',
      monthly: true,
      segment: 'OPTIDX',
      type: 'PE',
      symbol: 'BANKNIFTY',
      expiry: '2025-11-25',
      strike: 46_500,
      optionType: 'PE',
      open: 3.95,
      high: 5.2,
      low: 3.3,
      close: 3.5,
      openInterest: 74_795,
      tradedQuantity: 13_965,
      contracts: 399,
      trades: 135,
      lotSize: 35,
      tradedValue: 649_427_357.25,
      premiumValue: 54_857.25,
      tradeDate: '2025-11-14',
    });
    // Line 13645: NIFTY's weekly expiry 18/11/2025, strike 23450 PE.
    const weekly = rows.find(
      (c) => c.symbol === 'NIFTY' && c.expiry === '2025-11-18' && c.strike === 23_450,
    );
    expect(weekly).toMatchObject({
      instrument: 'NFO:NIFTY25N1823450PE',
      monthly: false,
      lotSize: 75,
      openInterest: 377_700,
    });
    const coal = rows.find((c) => c.symbol === 'COALINDIA' && c.strike === 339.75);
    expect(coal?.instrument).toBe('NFO:COALINDIA25NOV339.75PE');
  });

  it('stamps the trade date on the report when given', () => {
    const { report } = parseNseFoContracts(readNse('fo_bhavcopy_2025-11/fo14112025.csv'), {
      tradeDate: '2025-11-14',
    });
    expect(report.firstTime).toBe(ist(2025, 11, 14));
    expect(report.lastTime).toBe(ist(2025, 11, 14));
    expect(report.sessions).toBe(1);
    expect(codes(report)).not.toContain('trade-date-missing');
  });
});

describe('parseNseFoContracts on the F&O futures (fo*.csv)', () => {
  const cases = [
    ['fo14112025.csv', 634, 632, 619],
    ['fo17112025.csv', 635, 633, 620],
  ] as const;
  for (const [file, lines, rows, futstk] of cases) {
    it(`${file}: ${rows} futures of 214 underlyings, footnote on line ${lines}`, () => {
      const { rows: futures, report } = parseNseFoContracts(readNse(`fo_bhavcopy_2025-11/${file}`));
      expect(report.lines).toBe(lines);
      expect(report.rows).toBe(rows);
      expect(finding(report, 'underlyings')).toMatchObject({
        count: 214,
        details: ['FUTIDX: 13', `FUTSTK: ${futstk}`],
      });
      expect(finding(report, 'footnote-skipped')?.message).toContain(`line ${lines}`);
      expect(futures.every((f) => f.type === 'FUT' && f.strike === undefined && f.monthly)).toBe(
        true,
      );
    });
  }

  it('names futures SYMBOLYYMONFUT and keeps the rupee traded value', () => {
    const { rows } = parseNseFoContracts(readNse('fo_bhavcopy_2025-11/fo14112025.csv'));
    // FUTIDX    ,NIFTY     ,25/11/2025,00025904.00,00025983.00,00025815.00,00025951.40,000000018343950,   209596912695.00,          8090925,           107879,            67201
    expect(rows.find((f) => f.instrument === 'NFO:NIFTY25NOVFUT')).toEqual({
      instrument: 'NFO:NIFTY25NOVFUT',
      monthly: true,
      segment: 'FUTIDX',
      type: 'FUT',
      symbol: 'NIFTY',
      expiry: '2025-11-25',
      open: 25_904,
      high: 25_983,
      low: 25_815,
      close: 25_951.4,
      openInterest: 18_343_950,
      tradedQuantity: 8_090_925,
      contracts: 107_879,
      trades: 67_201,
      lotSize: 75,
      tradedValue: 209_596_912_695,
    });
    expect(rows.map((f) => f.instrument)).toEqual(
      expect.arrayContaining(['NFO:NIFTY25DECFUT', 'NFO:NIFTY26JANFUT']),
    );
  });
});

describe('parseNseEquityBhavcopy on FOVOLT_14112025.csv (a full equity bhavcopy)', () => {
  const { rows, report } = parseNseEquityBhavcopy(
    readNse('fo_bhavcopy_2025-11/FOVOLT_14112025.csv'),
  );

  it('reads 3,050 securities of 2025-11-14 with the leading spaces trimmed', () => {
    expect(report.lines).toBe(3051);
    expect(report.rows).toBe(3050);
    expect(report.firstTime).toBe(ist(2025, 11, 14));
    expect(codes(report)).toContain('leading-spaces');
    // RELIANCE, EQ, 14-Nov-2025, 1510.90, 1505.50, 1520.90, 1505.50, 1518.20, 1518.90, 1516.51, 7682823, 116510.85, 194941, 5426632, 70.63
    expect(rows.find((r) => r.instrument === 'NSE:RELIANCE')).toEqual({
      instrument: 'NSE:RELIANCE',
      symbol: 'RELIANCE',
      series: 'EQ',
      date: '2025-11-14',
      prevClose: 1510.9,
      open: 1505.5,
      high: 1520.9,
      low: 1505.5,
      last: 1518.2,
      close: 1518.9,
      averagePrice: 1516.51,
      tradedQuantity: 7_682_823,
      turnoverLakhs: 116_510.85,
      trades: 194_941,
      deliveryQuantity: 5_426_632,
      deliveryPercent: 70.63,
    });
  });

  it("reports the 181 series without delivery data ('-'), left out rather than made 0", () => {
    expect(finding(report, 'no-delivery-data')?.count).toBe(181);
    const be = rows.find((r) => r.instrument === 'NSE:AAATECH-BE')!;
    expect(be.deliveryQuantity).toBeUndefined();
    expect('deliveryPercent' in be).toBe(false);
  });

  it('reports the NTPC T0 close outside its range and the symbols in several series', () => {
    expect(finding(report, 'close-outside-range')?.details).toEqual([
      'NTPC T0 (close 328.45, low 327.05, high 327.05)',
    ]);
    expect(finding(report, 'symbols-in-several-series')?.message).toContain(
      'IDEA, NTPC, RADIOCITY',
    );
    expect(finding(report, 'series')?.count).toBe(12);
  });
});

describe('parseNseFoSummary on optidx14112025.csv', () => {
  it('skips the title line and reports symbols repeated without an expiry column', () => {
    const { rows, report } = parseNseFoSummary(readNse('fo_bhavcopy_2025-11/optidx14112025.csv'));
    expect(report.lines).toBe(26);
    expect(rows).toHaveLength(24);
    expect(rows[0]).toEqual({
      symbol: 'BANKNIFTY',
      contracts: 1_458_569,
      tradedQuantity: 51_045_900,
      tradedValueCrore: 300_183.26,
      openInterest: 13_979_585,
    });
    expect(rows.at(-1)).toEqual({
      symbol: 'NIFTYNXT50',
      contracts: 473,
      tradedQuantity: 11_825,
      tradedValueCrore: 84.08,
      openInterest: 7950,
    });
    expect(finding(report, 'title-line')?.message).toContain('Index Options');
    expect(finding(report, 'repeated-symbols')?.message).toContain('NIFTY x7');
  });

  it('rejects a file without the title and header it expects', () => {
    expect(() => parseNseFoSummary('BANKNIFTY ,1,2,3,4\n')).toThrow(CsvParseError);
  });
});
