import { describe, expect, it } from 'vitest';
import {
  CsvParseError,
  parseNseIndexMinutes,
  type Finding,
  type ParseReport,
} from '../../src/parsers/index.js';
import { ist, niftyMinuteFiles, readNse } from './shared-data.js';

const files = niftyMinuteFiles();
const all = files.map((f) => readNse(`nifty_index_1min/${f}`)).join('');

function finding(report: ParseReport, code: string): Finding {
  const found = report.findings.find((f) => f.code === code);
  if (!found)
    throw new Error(`no finding ${code} in ${report.findings.map((f) => f.code).join(', ')}`);
  return found;
}

// Lines per file from `wc -l`, first and last rows from `head`/`tail`.
const FILES: Record<string, [number, string, string]> = {
  '2021_JAN_NIFTY.txt': [7557, '2021-01-01 09:08', '2021-01-29 15:32'],
  '2021_FEB_NIFTY.txt': [7312, '2021-02-01 09:08', '2021-02-26 15:32'],
  '2021_MAR_NIFTY.txt': [7937, '2021-03-01 09:08', '2021-03-31 15:31'],
  '2021_APR_NIFTY.txt': [7177, '2021-04-01 09:09', '2021-04-30 15:32'],
  '2021_MAY_NIFTY.txt': [7556, '2021-05-03 09:08', '2021-05-31 15:31'],
  '2021_JUNE_NIFTY.txt': [8315, '2021-06-01 09:08', '2021-06-30 15:32'],
  '2021_JULY_NIFTY.txt': [7890, '2021-07-01 09:08', '2021-07-30 15:31'],
  '2021_AUG_NIFTY.txt': [7938, '2021-08-02 09:08', '2021-08-31 15:32'],
  '2021_SEP_NIFTY.txt': [7938, '2021-09-01 09:08', '2021-09-30 15:32'],
  '2021_OCT_NIFTY.txt': [7561, '2021-10-01 09:08', '2021-10-29 15:32'],
  '2021_NOV_NIFTY.txt': [7241, '2021-11-01 09:08', '2021-11-30 15:33'],
  '2021_DEC_NIFTY.txt': [8694, '2021-12-01 09:08', '2021-12-31 15:32'],
  '2022_JAN_NIFTY.txt': [7547, '2022-01-03 09:08', '2022-01-31 15:32'],
  '2022_FEB_NIFTY.txt': [7558, '2022-02-01 09:08', '2022-02-28 15:32'],
  '2022_MAR_NIFTY.txt': [7898, '2022-03-02 09:08', '2022-03-31 15:32'],
  '2022_APR_NIFTY.txt': [7182, '2022-04-01 09:08', '2022-04-29 15:32'],
  '2022_MAY_NIFTY.txt': [7936, '2022-05-02 09:08', '2022-05-31 15:32'],
  '2022_JUN_NIFTY.txt': [8315, '2022-06-01 09:08', '2022-06-30 15:32'],
  '2022_JUL_NIFTY.txt': [7938, '2022-07-01 09:08', '2022-07-29 15:32'],
  '2022_AUG_NIFTY.txt': [7560, '2022-08-01 09:08', '2022-08-30 15:32'],
  '2022_SEP_NIFTY.txt': [8316, '2022-09-01 09:08', '2022-09-30 15:32'],
  '2022_OCT_NIFTY.txt': [6866, '2022-10-03 09:08', '2022-10-31 15:32'],
  '2022_NOV_NIFTY.txt': [7938, '2022-11-01 09:08', '2022-11-30 15:32'],
  '2022_DEC_NIFTY.txt': [8316, '2022-12-01 09:09', '2022-12-30 15:32'],
  '2023_JAN_NIFTY.txt': [7937, '2023-01-02 09:08', '2023-01-31 15:32'],
};

/** Epoch ms of an end-labelled `YYYY-MM-DD HH:MM` label's open time (one minute earlier). */
function openOfLabel(label: string): number {
  const [y, mo, d, h, mi] = label.split(/[- :]/).map(Number);
  return ist(y!, mo!, d!, h, mi! - 1);
}

describe('parseNseIndexMinutes on nifty_index_1min (25 monthly files)', () => {
  const { rows, report } = parseNseIndexMinutes(all);

  it('reads 194,423 rows in 517 sessions and keeps the 192,900 inside trading windows', () => {
    expect(report.lines).toBe(194_423);
    expect(report.rows).toBe(192_900);
    expect(rows).toHaveLength(192_900);
    expect(report.sessions).toBe(517);
    expect(report.skippedCount).toBe(0);
    expect(report.outOfOrderCount).toBe(0);
    expect(report.duplicateCount).toBe(0);
    expect(report.sorted).toBe(false);
  });

  it('returns bars labelled by their open time: 09:15 first, 15:29 last', () => {
    expect(report.firstTime).toBe(ist(2021, 1, 1, 9, 15));
    expect(report.lastTime).toBe(ist(2023, 1, 31, 15, 29));
    // The file's first regular row: NIFTY,20210101,09:16,13997.90,14020.85,13991.35,14013.15,0,0
    expect(rows[0]).toEqual({
      kind: 'bar',
      instrument: 'NSE:NIFTY 50',
      timeframe: '1m',
      time: ist(2021, 1, 1, 9, 15),
      open: 13997.9,
      high: 14020.85,
      low: 13991.35,
      close: 14013.15,
      volume: 0,
    });
    expect(finding(report, 'end-labelled').message).toContain('subtracting one minute');
  });

  it('drops and counts the 09:08 pre-open and 15:31-15:33 post-close bars by reason', () => {
    expect(report.dropped).toEqual({
      preOpen: 517,
      postClose: 1005,
      betweenSessions: 1,
      noSession: 0,
    });
    expect(finding(report, 'pre-open-dropped').details).toEqual([
      '09:08 x499',
      '09:09 x16',
      '18:08 x2',
    ]);
    expect(finding(report, 'post-close-dropped').details).toEqual([
      '15:31 x507',
      '15:32 x472',
      '15:33 x20',
      '17:01 x1',
      '17:02 x1',
      '19:16 x2',
      '19:18 x2',
    ]);
    expect(finding(report, 'between-sessions-dropped').details).toEqual(['15:38 x1']);
  });

  it('reports the 2021-02-24 outage session to 17:00 and the two muhurat sessions', () => {
    expect(finding(report, 'special-sessions').details).toEqual([
      '2021-02-24: 09:15-15:30 normal (53 bars), 15:45-17:00 special (75 bars)',
      '2021-11-04: 18:15-19:15 muhurat (60 bars)',
      '2022-10-24: 18:15-19:15 muhurat (60 bars)',
    ]);
    const outage = rows.filter((b) => b.time >= ist(2021, 2, 24) && b.time < ist(2021, 2, 25));
    expect(outage.at(-1)!.time).toBe(ist(2021, 2, 24, 16, 59)); // the file's 17:00 label
  });

  it('reports the five short sessions', () => {
    const short = finding(report, 'short-sessions');
    expect(short.count).toBe(5);
    expect(short.details).toEqual([
      '2021-02-24: 128 of 450 bars',
      '2021-07-23: 334 of 375 bars',
      '2021-11-01: 371 of 375 bars',
      '2022-01-21: 362 of 375 bars',
      '2022-03-07: 335 of 375 bars',
    ]);
  });

  it('reports that volume and oi are 0 on every row (an index)', () => {
    expect(finding(report, 'volume-zero').count).toBe(192_900);
    expect(finding(report, 'oi-zero').message).toContain('left out of the bars');
    expect(rows.every((b) => b.oi === undefined)).toBe(true);
  });

  it("keeps every row with session 'all', first 09:07 and last 15:31 by open time", () => {
    const everything = parseNseIndexMinutes(all, { session: 'all' });
    expect(everything.report.rows).toBe(194_423);
    expect(everything.report.firstTime).toBe(ist(2021, 1, 1, 9, 7));
    expect(everything.report.lastTime).toBe(ist(2023, 1, 31, 15, 31));
    expect(everything.report.dropped).toEqual({
      preOpen: 0,
      postClose: 0,
      betweenSessions: 0,
      noSession: 0,
    });
  });

  it('reads each monthly file: row count, first and last row', () => {
    for (const file of files) {
      const [lines, first, last] = FILES[file]!;
      const { report: r } = parseNseIndexMinutes(readNse(`nifty_index_1min/${file}`), {
        session: 'all',
      });
      expect(r.rows, file).toBe(lines);
      expect(r.firstTime, file).toBe(openOfLabel(first));
      expect(r.lastTime, file).toBe(openOfLabel(last));
    }
    expect(files).toHaveLength(25);
  });

  it('sorts files concatenated in name order and reports the month boundaries as out of order', () => {
    const byName = [...files]
      .sort()
      .map((f) => readNse(`nifty_index_1min/${f}`))
      .join('');
    const sorted = parseNseIndexMinutes(byName);
    expect(sorted.report.sorted).toBe(true);
    expect(sorted.report.outOfOrderCount).toBeGreaterThan(0);
    expect(sorted.rows).toEqual(rows);
    expect(() => parseNseIndexMinutes(byName, { onOutOfOrder: 'fail' })).toThrow(CsvParseError);
  });
});

describe('parseNseIndexMinutes options', () => {
  const line = 'NIFTY,20210101,09:16,13997.90,14020.85,13991.35,14013.15,0,0\n';

  it("reads start-labelled files with labels: 'start'", () => {
    const { rows } = parseNseIndexMinutes(line, { labels: 'start' });
    expect(rows[0]!.time).toBe(ist(2021, 1, 1, 9, 16));
  });

  it('uses the instrument given', () => {
    const { rows } = parseNseIndexMinutes(line, { instrument: 'NSE:NIFTY BANK' });
    expect(rows[0]!.instrument).toBe('NSE:NIFTY BANK');
  });
});
