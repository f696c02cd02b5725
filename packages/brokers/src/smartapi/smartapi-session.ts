import { generate } from 'otplib';
import { z } from 'zod';
import { InputRejectedError } from '../errors/broker-errors.js';
import type { SmartApiRestClient, SmartApiTokens } from './smartapi-rest-client.js';
import { SessionTokensSchema } from './smartapi-wire-schemas.js';

/** What a direct login needs (BROKERS.md §3.1). */
export interface SmartApiCredentials {
  /** The Angel One client code, e.g. `A123456`. */
  readonly clientCode: string;
  /** The 4-digit login PIN. */
  readonly pin: string;
  /** The base32 TOTP secret shown when enabling TOTP for the SmartAPI app. */
  readonly totpSecret: string;
}

/**
 * Current 6-digit TOTP of a base32 secret (RFC 6238, SHA-1, 30 s), as an authenticator app
 * shows it.
 *
 * @example
 * ```ts
 * const code = await smartApiTotp('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'); // e.g. '492039'
 * ```
 */
export async function smartApiTotp(secret: string): Promise<string> {
  try {
    return await generate({ secret: secret.replace(/\s+/g, '').toUpperCase() });
  } catch (error) {
    throw new InputRejectedError(
      `smartapi TOTP secret is not a usable base32 secret of at least 16 bytes: ${String(error)}`,
      { broker: 'smartapi', cause: error },
    );
  }
}

/**
 * Logs in with client code, PIN and a fresh TOTP and stores the JWT, refresh and feed tokens
 * in the client.
 *
 * @example
 * ```ts
 * const tokens = await smartApiLogin(rest, { clientCode: 'A1', pin: '1234', totpSecret });
 * ```
 */
export async function smartApiLogin(
  rest: SmartApiRestClient,
  credentials: SmartApiCredentials,
): Promise<SmartApiTokens> {
  const totp = await smartApiTotp(credentials.totpSecret);
  const tokens = await rest.call('login', SessionTokensSchema, {
    body: { clientcode: credentials.clientCode, password: credentials.pin, totp },
  });
  rest.tokens = tokens;
  return tokens;
}

/**
 * Exchanges the refresh token for new JWT, refresh and feed tokens (generateTokens).
 *
 * @example
 * ```ts
 * await smartApiRefresh(rest);
 * ```
 */
export async function smartApiRefresh(rest: SmartApiRestClient): Promise<SmartApiTokens> {
  const current = rest.tokens;
  if (current === undefined) {
    throw new InputRejectedError('smartapi has no session to refresh: log in first', {
      broker: 'smartapi',
    });
  }
  const tokens = await rest.call('generateTokens', SessionTokensSchema, {
    body: { refreshToken: current.refreshToken },
  });
  rest.tokens = tokens;
  return tokens;
}

/**
 * Ends the session at SmartAPI and forgets the tokens.
 *
 * @example
 * ```ts
 * await smartApiLogout(rest, 'A123456');
 * ```
 */
export async function smartApiLogout(rest: SmartApiRestClient, clientCode: string): Promise<void> {
  await rest.call('logout', z.unknown(), { body: { clientcode: clientCode } });
  rest.tokens = undefined;
}
