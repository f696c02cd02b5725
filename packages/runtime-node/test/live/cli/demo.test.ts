import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `pravah paper sma-crossover --demo`, spawned like a user would run it: a fake Kite market on
// loopback, the real CLI, orders and fills, then Ctrl-C.
const CLI = new URL('../../../src/cli.ts', import.meta.url).pathname;

describe('pravah paper <strategy> --demo (spawned)', () => {
  it('trades against the local fake market and stops cleanly on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', CLI, 'paper', 'sma-crossover', '--demo'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 120_000;
    while ((out.match(/"msg":"order filled"/g) ?? []).length < 2) {
      if (Date.now() > deadline) throw new Error(`no fills within 120 s:\n${out}\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    const lines = out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; report?: { ordersByState: object } });
    const messages = lines.map((l) => l.msg);
    expect(messages).toContain('runtime running');
    expect(messages).toContain('stopping: no new orders, cancelling open ones');
    expect(lines.find((l) => l.msg === 'end-of-day report')?.report?.ordersByState).toBeDefined();
    console.log(`demo: ${messages.filter((m) => m === 'order filled').length} fills before SIGINT`);
  }, 180_000);
});
