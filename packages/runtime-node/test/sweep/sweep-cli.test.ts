import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const JAN_2022 = fileURLToPath(
  new URL('../../../../../shared/data/nse/nifty_index_1min/2022_JAN_NIFTY.txt', import.meta.url),
);

function pravah(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface SweepJson {
  runs: { rank: number; params: Record<string, unknown>; metrics: { sharpe: number } }[];
  overfitting: { trials: number; deflatedSharpe: number | null; warnings: string[] };
  walkForward?: { steps: { test: { from: string; to: string } }[]; outOfSample: { days: number } };
}

describe('pravah sweep (spawned CLI)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pravah-sweep-cli-'));

  it('ranks a grid on real data; the best run has the metrics of pravah backtest with its params', () => {
    const out = path.join(dir, 'sweep.json');
    const r = pravah([
      'sweep',
      'sma-crossover',
      '--grid',
      '{"fast":[5,10],"slow":[20,30]}',
      '--params',
      '{"quantity":50}',
      '--data',
      JAN_2022,
      '--workers',
      '2',
      '--walk-forward',
      '10d:5d',
      '--json',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4 backtests on 2 worker\(s\)/);
    expect(r.stdout).toMatch(/^rank +params +sharpe/m);
    expect(r.stdout).toMatch(/deflated Sharpe ratio \d\.\d{3}; PBO \d+%/);
    expect(r.stdout).toMatch(/out-of-sample \(2 windows stitched, 10 days\)/);
    const sweep = JSON.parse(readFileSync(out, 'utf8')) as SweepJson;
    expect(sweep.runs.map((x) => x.rank)).toEqual([1, 2, 3, 4]);
    expect(sweep.overfitting.trials).toBe(4);
    expect(sweep.walkForward?.steps).toHaveLength(2);

    const best = sweep.runs[0]!;
    const single = path.join(dir, 'best.json');
    const b = pravah([
      'backtest',
      'sma-crossover',
      '--data',
      JAN_2022,
      '--params',
      JSON.stringify(best.params),
      '--json',
      single,
      '--quiet',
    ]);
    expect(b.code).toBe(0);
    const result = JSON.parse(readFileSync(single, 'utf8')) as { metrics: unknown };
    expect(best.metrics).toEqual(result.metrics);
  }, 300_000);

  it('exits 2 with one line for a bad grid, an invalid grid point and a bad walk-forward', () => {
    const notJson = pravah(['sweep', 'sma-crossover', '--grid', '{fast:[5]}']);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/--grid must be JSON/);
    const empty = pravah(['sweep', 'sma-crossover', '--grid', '{"fast":[]}']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/bad --grid: grid\.fast: must be a non-empty array/);
    const invalid = pravah(['sweep', 'sma-crossover', '--grid', '{"fast":[5,40],"slow":[30]}']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(
      /bad grid point \{"fast":40,"slow":30\} for sma-crossover: fast/,
    );
    const walk = pravah([
      'sweep',
      'sma-crossover',
      '--grid',
      '{"fast":[5]}',
      '--walk-forward',
      '5d',
    ]);
    expect(walk.code).toBe(2);
    expect(walk.stderr).toMatch(/walk-forward/);
    expect(walk.stderr).not.toMatch(/at .*\.js:\d+/);
    const missing = pravah(['sweep', 'sma-crossover']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing --grid/);
  }, 120_000);
});

describe('pravah data (spawned CLI)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pravah-data-cli-'));

  it('converts CSV to an Arrow cache that backtests to the same result, and describes it', () => {
    const cache = path.join(dir, 'jan.arrow');
    const c = pravah(['data', 'convert', JAN_2022, '--out', cache]);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/wrote .*jan\.arrow: 7,487 bars of NSE:NIFTY 50/);
    const info = pravah(['data', 'info', cache]);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/bars: 7,487/);
    expect(info.stdout).toMatch(/from 2022-01-03 09:15 to 2022-01-31 15:29 IST/);
    const fromCsv = path.join(dir, 'csv.json');
    const fromCache = path.join(dir, 'cache.json');
    for (const [data, json] of [
      [JAN_2022, fromCsv],
      [cache, fromCache],
    ] as const)
      expect(
        pravah(['backtest', 'sma-crossover', '--data', data, '--json', json, '--quiet']).code,
      ).toBe(0);
    expect(readFileSync(fromCache, 'utf8')).toBe(readFileSync(fromCsv, 'utf8'));
  }, 180_000);

  it('refuses a Parquet output and a missing input with exit 2', () => {
    const parquet = pravah(['data', 'convert', JAN_2022, '--out', path.join(dir, 'x.parquet')]);
    expect(parquet.code).toBe(2);
    expect(parquet.stderr).toMatch(/--out must end in \.arrow/);
    const missing = pravah(['data', 'info', path.join(dir, 'nope.arrow')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/data not found/);
  }, 60_000);
});
