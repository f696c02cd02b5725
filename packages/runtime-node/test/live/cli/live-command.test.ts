import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../../src/cli/main.js';

function io(): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {
    io: { stdout, stderr } as unknown as CliIo,
    out: () => out,
    err: () => err,
  };
}

describe('pravah live|paper|dry-run', () => {
  it('prints its usage', async () => {
    const t = io();
    expect(await main(['paper', '--help'], t.io)).toBe(0);
    expect(t.out()).toContain('--broker <name>   kite | upstox | smartapi | paper');
  });

  it('refuses secrets on the command line without echoing them', async () => {
    const t = io();
    const code = await main(
      [
        'live',
        'sma-crossover',
        '--broker',
        'kite',
        '--access-token=abc123secret',
        '--config',
        'x.json',
      ],
      t.io,
    );
    expect(code).toBe(2);
    expect(t.err()).toContain('--access-token is not accepted');
    expect(t.err()).not.toContain('abc123secret');
  });

  it('names what is wrong: broker, live on paper, missing config', async () => {
    const a = io();
    expect(await main(['live', 'sma-crossover', '--broker', 'zerodha'], a.io)).toBe(2);
    expect(a.err()).toContain('--broker must be kite, upstox, smartapi or paper, not "zerodha"');
    const b = io();
    expect(
      await main(['live', 'sma-crossover', '--broker', 'paper', '--config', 'c.json'], b.io),
    ).toBe(2);
    expect(b.err()).toContain('pravah live needs a real broker');
    const c = io();
    expect(await main(['dry-run', 'sma-crossover', '--broker', 'kite'], c.io)).toBe(2);
    expect(c.err()).toContain('missing --config');
  });
});
