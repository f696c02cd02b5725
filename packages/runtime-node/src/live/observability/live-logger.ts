import { Writable } from 'node:stream';
import type { Logger } from '@pravah/sdk';
import { pino, type Logger as PinoLogger } from 'pino';

/** Field names whose values never reach a log line, wherever they occur (two levels deep). */
export const REDACTED_FIELDS: readonly string[] = [
  'accessToken',
  'access_token',
  'apiSecret',
  'api_secret',
  'apiKey',
  'api_key',
  'password',
  'pin',
  'totp',
  'totpSecret',
  'refreshToken',
  'authorization',
  'token',
  'secret',
  'secrets',
];

/** Options of {@link createLiveLogger}. */
export interface LiveLoggerOptions {
  readonly level?: string;
  /** Secret values (tokens, keys): every occurrence in any line is replaced by `[REDACTED]`. */
  readonly secrets?: readonly string[];
  /** Where JSON lines go; default stdout. */
  readonly destination?: NodeJS.WritableStream;
}

/**
 * A pino JSON logger that cannot leak secrets: known secret fields are redacted by path, and
 * every known secret value is scrubbed from the finished line (messages, error text, URLs)
 * before it is written.
 *
 * @example
 * ```ts
 * const log = createLiveLogger({ level: 'info', secrets: [process.env.KITE_ACCESS_TOKEN ?? ''] });
 * log.info({ accessToken: token }, 'logged in'); // {"accessToken":"[REDACTED]",...}
 * ```
 */
export function createLiveLogger(options: LiveLoggerOptions = {}): PinoLogger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const target = options.destination ?? process.stdout;
  const scrub = (line: string): string => {
    let out = line;
    for (const secret of secrets) out = out.split(secret).join('[REDACTED]');
    return out;
  };
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      target.write(scrub(chunk.toString()));
      callback();
    },
  });
  const paths = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`]);
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths, censor: '[REDACTED]' },
      base: { pid: process.pid },
    },
    stream,
  );
}

/**
 * Adapts a pino logger to the SDK's {@link Logger} that strategies receive.
 *
 * @example
 * ```ts
 * const ctxLogger = sdkLogger(createLiveLogger());
 * ctxLogger.info('warm-up done', { bars: 375 });
 * ```
 */
export function sdkLogger(log: PinoLogger): Logger {
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}
