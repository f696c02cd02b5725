import { readFileSync } from 'node:fs';
import { PravahError } from '@pravah/sdk';
import { BROKER_SECRETS, type LiveBrokerName } from './live-config.js';

/**
 * A secret the broker needs is missing. The message names the environment variable (or file)
 * to set, never a value.
 *
 * @example
 * ```ts
 * if (error instanceof MissingSecretError) console.error(error.variable);
 * ```
 */
export class MissingSecretError extends PravahError {
  constructor(
    readonly secret: string,
    readonly variable: string,
  ) {
    super(
      'LIVE_SECRET_MISSING',
      `secret "${secret}" is not set: export ${variable}=..., or put "${secret}" in the secrets file named by secrets.file in the config`,
    );
  }
}

/**
 * Reads a broker's secrets: each from the secrets file when it has it, else from its
 * environment variable (default names in {@link BROKER_SECRETS}, overridable by `env`). Never
 * from the command line.
 *
 * @example
 * ```ts
 * const { apiKey, accessToken } = readSecrets('kite', { env: {} }, process.env);
 * ```
 */
export function readSecrets(
  broker: LiveBrokerName,
  spec: { readonly env: Readonly<Record<string, string>>; readonly file?: string | undefined },
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  let fromFile: Record<string, unknown> = {};
  if (spec.file !== undefined) {
    try {
      fromFile = JSON.parse(readFileSync(spec.file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      // The file's content must not reach the message: say only what went wrong.
      const what = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
      throw new PravahError('LIVE_SECRETS_FILE', `secrets file ${spec.file} ${what}`);
    }
  }
  const out: Record<string, string> = {};
  const defaults: Readonly<Record<string, string>> = BROKER_SECRETS[broker];
  for (const [name, defaultVariable] of Object.entries(defaults)) {
    const variable = spec.env[name] ?? defaultVariable;
    const value = fromFile[name] ?? env[variable];
    if (typeof value !== 'string' || value === '') throw new MissingSecretError(name, variable);
    out[name] = value;
  }
  return out;
}
