// CSV parsing throughput (issue 2: at least 2,000,000 rows/s) on the 194,423-row NIFTY 1-minute
// data: the NSE index-minute parser on the 25 monthly files concatenated in calendar order, the
// same text fed in 64 KiB chunks, and the generic OHLCV parser on the same bars re-serialised as
// a generic CSV. All text is read (and the generic CSV built) before timing; each timed call
// parses the whole text and returns bars plus the report.
import { readFileSync, readdirSync } from 'node:fs';
import {
  createNseIndexMinutesParser,
  parseGenericCsv,
  parseNseIndexMinutes,
  type Bar,
} from '@pravah/sdk';
import { SHARED_DATA, median } from '../measure.js';
import type { BenchResult } from '../types.js';

const ROWS = 194_423;
const BUDGET = { min: 2_000_000 } as const;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The 25 monthly files in calendar order (their names spell JUNE/JUN inconsistently). */
function niftyText(): string {
  const dir = new URL('nse/nifty_index_1min/', SHARED_DATA);
  const order = (name: string): number => {
    const [year, month] = name.split('_');
    return Number(year) * 100 + MONTHS.indexOf(month!.slice(0, 3));
  };
  const files = readdirSync(dir).sort((a, b) => order(a) - order(b));
  return files.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('');
}

/** The bars as a generic CSV: `timestamp,open,high,low,close,volume,oi`, naive IST times. */
function genericCsv(bars: readonly Bar[]): string {
  const lines = ['timestamp,open,high,low,close,volume,oi'];
  for (const b of bars) {
    const ist = new Date(b.time + 19_800_000).toISOString();
    lines.push(
      `${ist.slice(0, 10)} ${ist.slice(11, 19)},${b.open},${b.high},${b.low},${b.close},${b.volume},0`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Peer in the same session: a minimal loop returning the same Bar objects, with no validation,
 * no session filter, no policies and no report (fields at fixed offsets of this one file
 * layout, numbers read digit by digit). It shows how much of the time is the objects and GC.
 */
function minimalLoop(text: string): number {
  const bars: Bar[] = [];
  const digit = (at: number): number => text.charCodeAt(at) - 48;
  let start = 0;
  let lastDate = -1;
  let dayMs = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    let p = text.indexOf(',', start) + 1;
    const date =
      text.charCodeAt(p + 7) + 10 * text.charCodeAt(p + 6) + 100 * text.charCodeAt(p + 5);
    if (date !== lastDate) {
      lastDate = date;
      const year = digit(p) * 1000 + digit(p + 1) * 100 + digit(p + 2) * 10 + digit(p + 3);
      dayMs =
        Date.UTC(year, digit(p + 4) * 10 + digit(p + 5) - 1, digit(p + 6) * 10 + digit(p + 7)) -
        19_800_000;
    }
    const minute =
      (digit(p + 9) * 10 + digit(p + 10)) * 60 + digit(p + 12) * 10 + digit(p + 13) - 1;
    p += 15;
    const values = [0, 0, 0, 0, 0];
    for (let f = 0; f < 5; f++) {
      let value = 0;
      let scale = 1;
      let c = text.charCodeAt(p);
      while (c >= 48 && c <= 57) {
        value = value * 10 + c - 48;
        c = text.charCodeAt(++p);
      }
      if (c === 46) {
        c = text.charCodeAt(++p);
        while (c >= 48 && c <= 57) {
          value = value * 10 + c - 48;
          scale *= 10;
          c = text.charCodeAt(++p);
        }
      }
      p++;
      values[f] = value / scale;
    }
    bars.push({
      kind: 'bar',
      instrument: 'NSE:NIFTY 50',
      timeframe: '1m',
      time: dayMs + minute * 60_000,
      open: values[0]!,
      high: values[1]!,
      low: values[2]!,
      close: values[3]!,
      volume: values[4]!,
    });
    start = end + 1;
  }
  return bars.length;
}

/** Median rows per CPU-second (user + system, GC threads included) and per wall-clock second. */
function measure(fn: () => number, runs = 11, warmup = 6): { cpu: number; wall: number } {
  for (let i = 0; i < warmup; i++) fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    const t0 = performance.now();
    const rows = fn();
    const ms = performance.now() - t0;
    const used = process.cpuUsage(before);
    if (rows !== ROWS) throw new Error(`parsed ${rows} rows, expected ${ROWS}`);
    cpu.push(ROWS / ((used.user + used.system) / 1e6));
    wall.push(ROWS / (ms / 1000));
  }
  return { cpu: median(cpu), wall: median(wall) };
}

export default function parseSuite(): BenchResult[] {
  const nifty = niftyText();
  const generic = genericCsv(parseNseIndexMinutes(nifty, { session: 'all' }).rows);
  const chunks: string[] = [];
  for (let at = 0; at < nifty.length; at += 65_536) chunks.push(nifty.slice(at, at + 65_536));

  const index = measure(() => parseNseIndexMinutes(nifty).report.lines);
  const streamed = measure(() => {
    const parser = createNseIndexMinutesParser({ onOutOfOrder: 'fail' });
    let taken = 0;
    for (const chunk of chunks) {
      parser.push(chunk);
      taken += parser.take().length;
    }
    const { rows, report } = parser.end();
    return taken + rows.length === report.rows ? report.lines : -1;
  });
  const floor = measure(() => minimalLoop(nifty));
  const generic1 = measure(
    () => parseGenericCsv(generic, { instrument: 'NSE:NIFTY 50' }).report.rows,
  );

  const size = (text: string): string => `${(text.length / 2 ** 20).toFixed(1)} MiB`;
  const how =
    'median of 11 runs after 6 warm-ups, per CPU-second (user + system, GC threads included: the 2-core machine is shared)';
  return [
    {
      name: 'parseNseIndexMinutes, NIFTY 1m, 25 files in one string',
      value: index.cpu,
      unit: 'rows/s',
      budget: BUDGET,
      note: `${ROWS.toLocaleString('en-US')} rows (${size(nifty)}), end-labelled, default session filter keeps 192,900 bars; ${how}; wall clock ${Math.round(index.wall).toLocaleString('en-US')} rows/s`,
    },
    {
      name: 'createNseIndexMinutesParser, same data in 64 KiB chunks with take()',
      value: streamed.cpu,
      unit: 'rows/s',
      budget: BUDGET,
      note: `${chunks.length} chunks, onOutOfOrder 'fail' so bars are handed out per chunk; ${how}; wall clock ${Math.round(streamed.wall).toLocaleString('en-US')} rows/s`,
    },
    {
      name: 'peer: minimal loop building the same Bar objects (no checks, no report)',
      value: floor.cpu,
      unit: 'rows/s',
      note: `same text; fixed offsets of this layout, no validation, session filter, policies or report: shows the share of object allocation and GC; ${how}; wall clock ${Math.round(floor.wall).toLocaleString('en-US')} rows/s`,
    },
    {
      name: 'parseGenericCsv, the same bars as a generic CSV',
      value: generic1.cpu,
      unit: 'rows/s',
      budget: BUDGET,
      note: `${ROWS.toLocaleString('en-US')} rows (${size(generic)}) \`timestamp,open,high,low,close,volume,oi\` with naive IST timestamps, timeframe detected; ${how}; wall clock ${Math.round(generic1.wall).toLocaleString('en-US')} rows/s`,
    },
  ];
}
