import { z } from 'zod';
import { BrokerPayloadError, RateLimitedError } from '../errors/broker-errors.js';
import { HttpClient } from '../transport/http-client.js';
import { RateLimiter } from '../transport/rate-limiter.js';
import {
  SMARTAPI_ENDPOINTS,
  type SmartApiEndpoint,
  type SmartApiRoute,
} from './smartapi-endpoints.js';
import { smartApiError } from './smartapi-error-map.js';

/** Where and as whom the REST client talks to SmartAPI. */
export interface SmartApiRestOptions {
  /** Default `https://apiconnect.angelone.in`; the fake server's `baseUrl` in tests. */
  readonly baseUrl: string;
  /** The app's API key, sent as `X-PrivateKey`. */
  readonly apiKey: string;
  /** `X-ClientLocalIP`, `X-ClientPublicIP`, `X-MACAddress`: placeholders work (BROKERS.md §3.1). */
  readonly clientLocalIp?: string;
  readonly clientPublicIp?: string;
  readonly macAddress?: string;
  /** Per-request timeout; default 7000 ms. */
  readonly timeoutMs?: number;
  /** Injected fetch (tests); defaults to the global one. */
  readonly fetch?: typeof fetch;
}

/** The tokens a login or refresh returns. */
export interface SmartApiTokens {
  readonly jwtToken: string;
  readonly refreshToken: string;
  readonly feedToken: string;
}

// Both envelopes SmartAPI uses: business answers and gateway/auth answers (BROKERS.md §3.4).
const BusinessEnvelope = z.object({
  status: z.boolean(),
  message: z.string().nullish(),
  errorcode: z.string().nullish(),
  data: z.unknown(),
});
const GatewayEnvelope = z.object({
  success: z.boolean(),
  message: z.string().nullish(),
  errorCode: z.string().nullish(),
  data: z.unknown(),
});

interface Envelope {
  readonly ok: boolean;
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly data: unknown;
}

function readEnvelope(json: unknown): Envelope | undefined {
  const business = BusinessEnvelope.safeParse(json);
  if (business.success) {
    const { status, errorcode, message, data } = business.data;
    return { ok: status, code: errorcode ?? undefined, message: message ?? undefined, data };
  }
  const gateway = GatewayEnvelope.safeParse(json);
  if (gateway.success) {
    const { success, errorCode, message, data } = gateway.data;
    return { ok: success, code: errorCode ?? undefined, message: message ?? undefined, data };
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Validates a payload with a zod schema, raising {@link BrokerPayloadError} naming each field.
 *
 * @example
 * ```ts
 * const rms = parsePayload(RmsSchema, data, 'getRMS data');
 * ```
 */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new BrokerPayloadError('smartapi', what, issues);
}

/**
 * SmartAPI REST transport: the fixed `X-*` headers, the session's Bearer token, per-route
 * client-side rate limits, both error envelopes mapped to typed errors and every `data`
 * validated by the caller's schema.
 *
 * @example
 * ```ts
 * const rest = new SmartApiRestClient({ baseUrl: fake.baseUrl, apiKey: 'key' });
 * const rms = await rest.call('rms', RmsSchema);
 * ```
 */
export class SmartApiRestClient {
  private readonly http: HttpClient;
  private readonly limiters = new Map<string, readonly RateLimiter[]>();
  private readonly baseHeaders: Readonly<Record<string, string>>;
  private readonly baseUrl: string;
  /** The current session; set by login and refresh, cleared by logout. */
  tokens: SmartApiTokens | undefined;

  constructor(readonly options: SmartApiRestOptions) {
    this.http = new HttpClient('smartapi', options.timeoutMs ?? 7000, options.fetch ?? fetch);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.baseHeaders = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'X-UserType': 'USER',
      'X-SourceID': 'WEB',
      'X-ClientLocalIP': options.clientLocalIp ?? '127.0.0.1',
      'X-ClientPublicIP': options.clientPublicIp ?? '127.0.0.1',
      'X-MACAddress': options.macAddress ?? '00:00:00:00:00:00',
      'X-PrivateKey': options.apiKey,
    };
  }

  /**
   * Calls a route and returns its validated `data`. `pathSuffix` is appended to the route's
   * path (order details take the unique order id there).
   */
  async call<S extends z.ZodType>(
    route: SmartApiRoute,
    schema: S,
    request: {
      readonly body?: unknown;
      readonly pathSuffix?: string;
      readonly timeoutMs?: number;
    } = {},
  ): Promise<z.output<S>> {
    const endpoint: SmartApiEndpoint = SMARTAPI_ENDPOINTS[route];
    const limiters = this.limitersOf(endpoint);
    for (const limiter of limiters) await limiter.acquire();
    const headers: Record<string, string> = { ...this.baseHeaders };
    if (endpoint.public !== true) {
      if (this.tokens !== undefined) headers.Authorization = `Bearer ${this.tokens.jwtToken}`;
    }
    const response = await this.http.send({
      method: endpoint.method,
      url: `${this.baseUrl}${endpoint.path}${request.pathSuffix ?? ''}`,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
    });
    const json = parseJson(response.body);
    const envelope = json === undefined ? undefined : readEnvelope(json);
    const ok = response.status >= 200 && response.status < 300;
    if (!ok || envelope === undefined || !envelope.ok) {
      if (ok && envelope === undefined) {
        throw new BrokerPayloadError('smartapi', `${endpoint.name} response`, [
          `not a SmartAPI envelope: ${response.body.slice(0, 120)}`,
        ]);
      }
      const error = smartApiError({
        httpStatus: response.status,
        ...(envelope?.code === undefined ? {} : { code: envelope.code }),
        message: envelope?.message ?? response.body.slice(0, 200),
        orderCall: endpoint.orderCall === true,
        route: endpoint.name,
      });
      if (error instanceof RateLimitedError) limiters[0]?.backOff(error.retryAfterMs);
      throw error;
    }
    return parsePayload(schema, envelope.data, `${endpoint.name} data`);
  }

  private limitersOf(endpoint: SmartApiEndpoint): readonly RateLimiter[] {
    let limiters = this.limiters.get(endpoint.name);
    if (limiters === undefined) {
      limiters = endpoint.limits.map((l) => new RateLimiter(l.limit, l.windowMs));
      this.limiters.set(endpoint.name, limiters);
    }
    return limiters;
  }
}
