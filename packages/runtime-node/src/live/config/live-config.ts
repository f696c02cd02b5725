import { InstrumentIdSchema } from '@pravah/sdk';
import { z } from 'zod';
import { RuntimeLimitsSchema } from '../guards/runtime-limits.js';

/** Secrets each broker needs, and the environment variables read by default. */
export const BROKER_SECRETS = {
  kite: { apiKey: 'KITE_API_KEY', accessToken: 'KITE_ACCESS_TOKEN' },
  upstox: { accessToken: 'UPSTOX_ACCESS_TOKEN' },
  smartapi: {
    apiKey: 'SMARTAPI_API_KEY',
    clientCode: 'SMARTAPI_CLIENT_CODE',
    pin: 'SMARTAPI_PIN',
    totpSecret: 'SMARTAPI_TOTP_SECRET',
  },
  paper: {},
} as const satisfies Record<string, Record<string, string>>;

/** Brokers the live CLI can drive. */
export type LiveBrokerName = keyof typeof BROKER_SECRETS;

/**
 * Zod schema of a live/paper/dry-run config file (JSON). Secrets are not part of it: they come
 * from environment variables (names overridable under `secrets.env`) or a separate file
 * (`secrets.file`), so that the config can be committed and shared.
 */
export const LiveConfigSchema = z.strictObject({
  /** Names the run; client tags derive from it. Default `<strategy>-<IST date>`. */
  runId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, . _ - (at most 64)')
    .optional(),
  /** Journal file; relative paths are resolved against the config file's folder. */
  journal: z.string().min(1),
  /** Instruments to trade when the strategy's universe is empty. */
  universe: z.array(InstrumentIdSchema).default([]),
  /** Strategy parameters, validated by the strategy's own schema. */
  params: z.record(z.string(), z.unknown()).default({}),
  limits: RuntimeLimitsSchema.default(RuntimeLimitsSchema.parse({})),
  marketEvents: z.enum(['bars', 'ticks']).default('bars'),
  sessionAware: z.boolean().default(true),
  warmupDays: z.number().positive().max(60).default(3),
  misBroker: z.enum(['zerodha', 'upstox', 'angelone']).default('zerodha'),
  squareOffLeadSeconds: z.number().nonnegative().default(60),
  /** Health and metrics endpoint; false for none. */
  http: z
    .union([
      z.literal(false),
      z.strictObject({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65_535).default(9464),
      }),
    ])
    .default({ host: '127.0.0.1', port: 9464 }),
  log: z
    .strictObject({ level: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info') })
    .default({ level: 'info' }),
  /** Where end-of-day reports are written; default next to the journal. */
  reportDir: z.string().optional(),
  /** Broker endpoints and options that are not secret (e.g. a fake server's URLs). */
  broker: z
    .strictObject({
      baseUrl: z.url().optional(),
      tickerUrl: z.string().optional(),
      timeoutMs: z.number().int().positive().optional(),
    })
    .default({}),
  /** Paper broker: starting capital and the broker whose market data it trades on. */
  paper: z
    .strictObject({
      capital: z.number().positive().default(1_000_000),
      dataFrom: z.enum(['kite', 'upstox', 'smartapi']).default('kite'),
    })
    .default({ capital: 1_000_000, dataFrom: 'kite' }),
  secrets: z
    .strictObject({
      /** Secret name -> environment variable, overriding the defaults. */
      env: z.record(z.string(), z.string()).default({}),
      /** A JSON file of secret name -> value (chmod 600 it). */
      file: z.string().optional(),
    })
    .default({ env: {} }),
});

/** A validated config. */
export type LiveConfig = z.output<typeof LiveConfigSchema>;
