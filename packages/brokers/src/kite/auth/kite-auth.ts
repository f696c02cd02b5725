import { createHash } from 'node:crypto';

/** Kite's login page (KJS DEFAULTS.login). */
export const KITE_LOGIN_BASE = 'https://kite.zerodha.com/connect/login';

/**
 * The URL to send the user to; after login Kite redirects to the app's redirect URL with
 * `request_token`.
 *
 * @example
 * ```ts
 * kiteLoginUrl('abc'); // 'https://kite.zerodha.com/connect/login?api_key=abc&v=3'
 * ```
 */
export function kiteLoginUrl(
  apiKey: string,
  options: { redirectParams?: Record<string, string>; loginBase?: string } = {},
): string {
  const query = new URLSearchParams({ api_key: apiKey, v: '3' });
  if (options.redirectParams !== undefined) {
    query.set('redirect_params', new URLSearchParams(options.redirectParams).toString());
  }
  return `${options.loginBase ?? KITE_LOGIN_BASE}?${query.toString()}`;
}

/**
 * Lowercase hex SHA-256 of `apiKey + token + apiSecret`, the `checksum` of the session
 * exchange (and of refresh-token renewal).
 *
 * @example
 * ```ts
 * kiteChecksum('key', 'request', 'secret'); // 64 hex characters
 * ```
 */
export function kiteChecksum(apiKey: string, token: string, apiSecret: string): string {
  return createHash('sha256').update(`${apiKey}${token}${apiSecret}`, 'utf8').digest('hex');
}
