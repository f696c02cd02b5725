import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BacktestResultSchema } from '@pravah/backtest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NIFTY = fileURLToPath(
  new URL('../../../../shared/data/nse/nifty_index_1min/', import.meta.url),
);

function pravah(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('pravah backtest (spawned CLI)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pravah-cli-'));

  it('runs the main job on the embedded data, writes the report files and appends the step summary', () => {
    const summary = path.join(dir, 'step-summary.md');
    writeFileSync(summary, '');
    const r = pravah(['backtest', 'sma-crossover', '--report', path.join(dir, 'report')], {
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Final equity/);
    const result = BacktestResultSchema.parse(
      JSON.parse(readFileSync(path.join(dir, 'report', 'result.json'), 'utf8')),
    );
    expect(result.strategy.name).toBe('sma-crossover');
    expect(result.trades.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, 'report', 'report.html'), 'utf8')).toMatch(
      /LightweightCharts/,
    );
    expect(readFileSync(summary, 'utf8')).toMatch(/## .* sma-crossover: (GREEN|AMBER|RED)/);
  }, 60_000);

  it('exits 1 when the grade fails --fail-on, 0 with --fail-on never', () => {
    const red = pravah(['backtest', 'sma-crossover', '--quiet', '--fail-on', 'red']);
    expect(red.code).toBe(1);
    expect(red.stderr).toMatch(/grade red fails --fail-on red/);
  }, 60_000);

  it('runs on the raw NIFTY folder and writes the JSON with ISO +05:30 trade times', () => {
    const out = path.join(dir, 'nifty.json');
    const r = pravah([
      'backtest',
      'sma-crossover',
      '--data',
      NIFTY,
      '--json',
      out,
      '--quiet',
      '--params',
      '{"quantity":50}',
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      trades: { entryTime: string }[];
      metrics: { finalEquity: number };
    };
    expect(result.trades.length).toBeGreaterThan(2000);
    expect(result.trades[0]?.entryTime).toMatch(/\+05:30$/);
    expect(typeof result.metrics.finalEquity).toBe('number');
  }, 120_000);

  it('gives exit 2 with one line and a hint for bad parameters, missing files, a corrupt CSV and unknown strategies', () => {
    const bad = pravah(['backtest', 'sma-crossover', '--params', '{"fast":"ten"}']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad --params for sma-crossover: fast/);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
    const missing = pravah(['backtest', 'sma-crossover', '--data', path.join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/data not found/);
    const corrupt = path.join(dir, 'corrupt.csv');
    writeFileSync(
      corrupt,
      'time,open,high,low,close,volume\n2024-01-01 09:15:00,100,101,99,100,10\n2024-01-01 09:16:00,abc,101,99,100,10\n',
    );
    const c = pravah(['backtest', 'sma-crossover', '--data', corrupt]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/line 3/);
    const unknown = pravah(['backtest', 'no-such-strategy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/hint: use one of: sma-crossover/);
  }, 60_000);
});
