import { BrokerPayloadError } from '../../errors/broker-errors.js';
import { HttpClient } from '../../transport/http-client.js';
import { upstoxErrorFor } from '../rest/upstox-errors.js';
import { parseUpstox } from '../wire/parse-upstox.js';
import { UpstoxTokenSchema } from '../wire/schemas.js';
import { upstoxTokenExpiry, type UpstoxSession } from './upstox-session.js';

/** Default REST host. */
export const UPSTOX_BASE_URL = 'https://api.upstox.com';
/** Default host of order place/modify/cancel. */
export const UPSTOX_ORDER_BASE_URL = 'https://api-hft.upstox.com';

/** App credentials registered with Upstox. */
export interface UpstoxAppCredentials {
  readonly apiKey: string;
  readonly redirectUri: string;
  /** Defaults to {@link UPSTOX_BASE_URL}. */
  readonly baseUrl?: string;
}

/**
 * The login dialog URL to open in a browser; Upstox redirects to `redirectUri?code=…&state=…`.
 *
 * @example
 * ```ts
 * const url = upstoxAuthorizeUrl({ apiKey: 'key', redirectUri: 'http://127.0.0.1:5000/cb', state: 'x1' });
 * ```
 */
export function upstoxAuthorizeUrl(
  app: UpstoxAppCredentials & { readonly state?: string },
): string {
  const url = new URL('/v2/login/authorization/dialog', app.baseUrl ?? UPSTOX_BASE_URL);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', app.apiKey);
  url.searchParams.set('redirect_uri', app.redirectUri);
  if (app.state !== undefined) url.searchParams.set('state', app.state);
  return url.toString();
}

/**
 * Exchanges the single-use authorization code for an access token. The answer is a flat object
 * (not wrapped in `{status,data}`); the session expires at 03:30 IST the next day.
 *
 * @example
 * ```ts
 * const session = await exchangeUpstoxCode({ apiKey, apiSecret, redirectUri, code });
 * const broker = new UpstoxBroker({ session });
 * ```
 */
export async function exchangeUpstoxCode(
  request: UpstoxAppCredentials & {
    readonly apiSecret: string;
    readonly code: string;
    readonly http?: HttpClient;
    readonly now?: () => number;
  },
): Promise<UpstoxSession> {
  const http = request.http ?? new HttpClient('upstox', 10_000);
  const body = new URLSearchParams({
    code: request.code,
    client_id: request.apiKey,
    client_secret: request.apiSecret,
    redirect_uri: request.redirectUri,
    grant_type: 'authorization_code',
  }).toString();
  const issuedAt = (request.now ?? Date.now)();
  const response = await http.send({
    method: 'POST',
    url: new URL('/v2/login/authorization/token', request.baseUrl ?? UPSTOX_BASE_URL).toString(),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      'Api-Version': '2.0',
    },
    body,
  });
  const what = 'POST /v2/login/authorization/token';
  if (response.status !== 200) {
    throw upstoxErrorFor(response.status, response.body, { what, isOrder: false });
  }
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw new BrokerPayloadError('upstox', 'token response', ['body is not JSON']);
  }
  const token = parseUpstox(UpstoxTokenSchema, json, 'token response');
  return {
    accessToken: token.access_token,
    ...(token.extended_token ? { extendedToken: token.extended_token } : {}),
    userId: token.user_id,
    expiresAt: upstoxTokenExpiry(issuedAt),
  };
}
