// Runs every suite in bench/suites (or those whose file name contains an argument), each in its
// own process for a clean heap, and writes bench/RESULTS.md with the machine and the date.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const store = `${here}results.json`;
const filters = process.argv.slice(2);

interface SuiteRecord {
  readonly date: string;
  readonly machine: string;
  readonly results: readonly BenchResult[];
}

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(
  os.totalmem() / 2 ** 30,
)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;

const previous: Record<string, SuiteRecord> = existsSync(store)
  ? (JSON.parse(readFileSync(store, 'utf8')) as Record<string, SuiteRecord>)
  : {};

const suites = readdirSync(`${here}suites`)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

let failed = 0;
for (const file of suites) {
  const name = file.replace(/\.ts$/, '');
  process.stderr.write(`bench: ${name} ...\n`);
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', `${here}run-suite.ts`, `${here}suites/${file}`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  const results = JSON.parse(out.trim().split('\n').pop() ?? '[]') as BenchResult[];
  previous[name] = { date: new Date().toISOString().slice(0, 10), machine, results };
  for (const r of results) {
    const ok = withinBudget(r);
    if (!ok) failed++;
    process.stderr.write(`  ${ok ? 'ok  ' : 'MISS'} ${r.name}: ${format(r.value)} ${r.unit}\n`);
  }
}

writeFileSync(store, JSON.stringify(previous, null, 2) + '\n');
writeFileSync(`${here}RESULTS.md`, render(previous));
process.stderr.write(
  `bench: wrote bench/RESULTS.md${failed ? `, ${failed} figure(s) outside budget` : ''}\n`,
);

function withinBudget(r: BenchResult): boolean {
  if (!r.budget) return true;
  if (r.budget.min !== undefined && r.value < r.budget.min) return false;
  if (r.budget.max !== undefined && r.value > r.budget.max) return false;
  return true;
}

function format(v: number): string {
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return v.toPrecision(4);
}

function render(all: Record<string, SuiteRecord>): string {
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand. Each figure is the median of',
    'several runs in one process per suite. Budgets come from DESIGN.md §10 and the issues.',
    '',
  ];
  for (const [suite, rec] of Object.entries(all).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## ${suite}`, '', `Measured ${rec.date} on ${rec.machine}.`, '');
    lines.push(
      '| measurement | median | unit | budget | within | how |',
      '|---|---:|---|---|---|---|',
    );
    for (const r of rec.results) {
      const budget = r.budget
        ? [
            r.budget.min !== undefined ? `>= ${format(r.budget.min)}` : '',
            r.budget.max !== undefined ? `<= ${format(r.budget.max)}` : '',
          ]
            .filter(Boolean)
            .join(', ')
        : '';
      lines.push(
        `| ${r.name} | ${format(r.value)} | ${r.unit} | ${budget} | ${withinBudget(r) ? 'yes' : '**no**'} | ${r.note ?? ''} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
