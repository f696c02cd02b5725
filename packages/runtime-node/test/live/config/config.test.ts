import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ValidationError } from '@pravah/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLiveConfig, MissingSecretError, readSecrets } from '../../../src/live/config/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pravah-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, value: unknown): string => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

describe('loadLiveConfig', () => {
  it('applies defaults and resolves paths against the config folder', () => {
    const config = loadLiveConfig(
      write('a.json', { journal: 'runs/a.journal', limits: { maxOrdersPerMinute: 12 } }),
    );
    expect(config.journal).toBe(path.join(dir, 'runs/a.journal'));
    expect(config.limits).toEqual({
      maxOrdersPerMinute: 12,
      maxConsecutiveRejections: 5,
      staleDataSeconds: 60,
      disconnectSeconds: 30,
      flattenOnHalt: false,
    });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(config.marketEvents).toBe('bars');
  });

  it('rejects unknown fields (a secret pasted into the config) and bad values, naming the field', () => {
    expect(() => loadLiveConfig(write('b.json', { journal: 'j', accessToken: 'x' }))).toThrow(
      ValidationError,
    );
    expect(() =>
      loadLiveConfig(write('c.json', { journal: 'j', limits: { maxOrdersPerMinute: -1 } })),
    ).toThrow(/maxOrdersPerMinute/);
    expect(() => loadLiveConfig(write('d.json', '{ not json'))).toThrow(/must be a JSON file/);
  });
});

describe('readSecrets', () => {
  it('reads from the environment by default names, overridable, with the file taking precedence', () => {
    expect(readSecrets('kite', { env: {} }, { KITE_API_KEY: 'k', KITE_ACCESS_TOKEN: 't' })).toEqual(
      {
        apiKey: 'k',
        accessToken: 't',
      },
    );
    expect(
      readSecrets(
        'kite',
        { env: { accessToken: 'MY_TOKEN' } },
        { KITE_API_KEY: 'k', MY_TOKEN: 'm' },
      ),
    ).toEqual({ apiKey: 'k', accessToken: 'm' });
    const file = write('secrets.json', { accessToken: 'f' });
    expect(
      readSecrets('kite', { env: {}, file }, { KITE_API_KEY: 'k', KITE_ACCESS_TOKEN: 't' }),
    ).toEqual({
      apiKey: 'k',
      accessToken: 'f',
    });
    expect(readSecrets('paper', { env: {} }, {})).toEqual({});
  });

  it('names the missing variable, and never echoes a secrets file that is not JSON', () => {
    expect(() => readSecrets('kite', { env: {} }, { KITE_API_KEY: 'k' })).toThrow(
      MissingSecretError,
    );
    expect(() => readSecrets('kite', { env: {} }, { KITE_API_KEY: 'k' })).toThrow(
      /KITE_ACCESS_TOKEN/,
    );
    const bad = write('bad-secrets.json', 'accessToken=supersecretvalue');
    let message = '';
    try {
      readSecrets('kite', { env: {}, file: bad }, {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/is not valid JSON/);
    expect(message).not.toContain('supersecretvalue');
  });
});
