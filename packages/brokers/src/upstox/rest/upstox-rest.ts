import type { z } from 'zod';
import { BrokerPayloadError, RateLimitedError } from '../../errors/broker-errors.js';
import type { HttpClient } from '../../transport/http-client.js';
import { assertSessionValid, type UpstoxSession } from '../auth/upstox-session.js';
import { parseUpstox } from '../wire/parse-upstox.js';
import { UpstoxEnvelopeSchema } from '../wire/schemas.js';
import {
  ApiGroupLimiter,
  UPSTOX_ORDER_LIMIT,
  UPSTOX_STANDARD_LIMIT,
  type UpstoxRateLimit,
} from './api-group-limiter.js';
import { UPSTOX_RETRY_AFTER_MS, upstoxErrorFor } from './upstox-errors.js';

/** Where and how the REST client talks to Upstox. */
export interface UpstoxRestOptions {
  readonly baseUrl: string;
  /** Host of order place/modify/cancel (`api-hft`). */
  readonly orderBaseUrl: string;
  readonly session: () => UpstoxSession;
  readonly http: HttpClient;
  readonly now: () => number;
  readonly standardLimit?: UpstoxRateLimit;
  readonly orderLimit?: UpstoxRateLimit;
}

/** One REST call: the API group decides the host and the rate-limit bucket. */
export interface UpstoxCall<S extends z.ZodType> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly group: 'standard' | 'order';
  readonly query?: Record<string, string>;
  readonly json?: unknown;
  /** Schema of `data`. */
  readonly data: S;
  readonly what: string;
}

/**
 * Authenticated Upstox REST calls: checks the token's 03:30 IST expiry before sending, waits on
 * the API group's rate limits, sends order place/modify/cancel to the order host, unwraps
 * `{status, data}`, validates `data` with zod, and maps error envelopes to typed errors.
 *
 * @example
 * ```ts
 * const rest = new UpstoxRest({ baseUrl, orderBaseUrl, session: () => session, http, now: Date.now });
 * const orders = await rest.call({ method: 'GET', path: '/v2/order/retrieve-all', group: 'standard',
 *   data: z.array(UpstoxOrderSchema), what: 'order book' });
 * ```
 */
export class UpstoxRest {
  private readonly standard: ApiGroupLimiter;
  private readonly orders: ApiGroupLimiter;

  constructor(private readonly options: UpstoxRestOptions) {
    this.standard = new ApiGroupLimiter(options.standardLimit ?? UPSTOX_STANDARD_LIMIT);
    this.orders = new ApiGroupLimiter(options.orderLimit ?? UPSTOX_ORDER_LIMIT);
  }

  /** Sends the call and returns its validated `data`. */
  async call<S extends z.ZodType>(call: UpstoxCall<S>): Promise<z.output<S>> {
    const session = this.options.session();
    assertSessionValid(session, this.options.now());
    const limiter = call.group === 'order' ? this.orders : this.standard;
    await limiter.acquire();
    const base = call.group === 'order' ? this.options.orderBaseUrl : this.options.baseUrl;
    const url = new URL(call.path, base);
    for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${session.accessToken}`,
      Accept: 'application/json',
    };
    if (call.json !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this.options.http.send({
      method: call.method,
      url: url.toString(),
      headers,
      ...(call.json === undefined ? {} : { body: JSON.stringify(call.json) }),
    });
    const what = `${call.method} ${call.path}`;
    if (response.status < 200 || response.status >= 300) {
      const error = upstoxErrorFor(response.status, response.body, {
        what,
        isOrder: call.group === 'order',
      });
      if (error instanceof RateLimitedError) limiter.backOff(UPSTOX_RETRY_AFTER_MS);
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      throw new BrokerPayloadError('upstox', call.what, [`${what} answered non-JSON`]);
    }
    const envelope = parseUpstox(UpstoxEnvelopeSchema, json, `${call.what} envelope`);
    if (envelope.status === 'error') {
      throw upstoxErrorFor(400, response.body, { what, isOrder: call.group === 'order' });
    }
    return parseUpstox(call.data, envelope.data, call.what);
  }
}
