import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseWith, PravahError } from '@pravah/sdk';
import { LiveConfigSchema, type LiveConfig } from './live-config.js';

/**
 * Reads and validates a config file; relative paths in it (journal, report folder, secrets
 * file) are resolved against the file's folder. Throws a ValidationError naming the field.
 *
 * @example
 * ```ts
 * const config = loadLiveConfig('paper.json');
 * config.limits.maxOrdersPerMinute; // 30 unless set
 * ```
 */
export function loadLiveConfig(file: string): LiveConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PravahError(
      'LIVE_CONFIG',
      `cannot read config ${file}: ${error instanceof Error ? error.message : String(error)}; it must be a JSON file`,
    );
  }
  const config = parseWith(LiveConfigSchema, raw, `config ${file}`);
  const dir = path.dirname(path.resolve(file));
  return {
    ...config,
    journal: path.resolve(dir, config.journal),
    ...(config.reportDir === undefined ? {} : { reportDir: path.resolve(dir, config.reportDir) }),
    secrets: {
      ...config.secrets,
      ...(config.secrets.file === undefined
        ? {}
        : { file: path.resolve(dir, config.secrets.file) }),
    },
  };
}
