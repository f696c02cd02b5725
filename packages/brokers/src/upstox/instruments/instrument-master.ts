import { gunzipSync } from 'node:zlib';
import { instrumentIdProblem, parseInstrument, type Instrument } from '@pravah/sdk';
import {
  BrokerPayloadError,
  BrokerUnavailableError,
  NetworkError,
} from '../../errors/broker-errors.js';
import {
  UPSTOX_SKIPPED_SEGMENTS,
  upstoxInstrumentType,
  upstoxSegmentExchange,
} from '../wire/enums.js';
import { UpstoxInstrumentRowSchema } from '../wire/schemas.js';
import { istDate } from '../wire/wire-time.js';

/** Default location of the BOD instruments master (gzip of a JSON array). */
export const UPSTOX_INSTRUMENTS_URL =
  'https://assets.upstox.com/market-quote/instruments/exchange/complete.json.gz';

/** A master row that could not become an SDK instrument, and why. */
export interface SkippedInstrument {
  readonly instrumentKey: string;
  readonly reason: string;
}

/** The master mapped to SDK instruments, plus the rows left out. */
export interface UpstoxInstrumentMaster {
  readonly instruments: readonly Instrument[];
  readonly skipped: readonly SkippedInstrument[];
}

/**
 * Maps the JSON instruments master to SDK instruments (`brokerTokens.upstox` = instrument_key,
 * expiry from epoch ms to the IST date, id `EXCHANGE:trading_symbol`). Rows of segments Pravah
 * does not trade (NSE_COM, GLOBAL_*) and rows that fail validation are listed in `skipped`
 * instead of failing the whole master; a body that is not a JSON array throws.
 *
 * @example
 * ```ts
 * const { instruments } = parseUpstoxInstruments(JSON.parse(text));
 * instruments.find((i) => i.id === 'NSE:RELIANCE')?.brokerTokens?.upstox; // 'NSE_EQ|INE002A01018'
 * ```
 */
export function parseUpstoxInstruments(json: unknown): UpstoxInstrumentMaster {
  if (!Array.isArray(json)) {
    throw new BrokerPayloadError('upstox', 'instruments master', ['body is not a JSON array']);
  }
  const instruments: Instrument[] = [];
  const skipped: SkippedInstrument[] = [];
  for (let i = 0; i < json.length; i++) {
    const parsed = UpstoxInstrumentRowSchema.safeParse(json[i]);
    if (!parsed.success) {
      skipped.push({
        instrumentKey: `#${i}`,
        reason: parsed.error.issues[0]?.message ?? 'invalid',
      });
      continue;
    }
    const row = parsed.data;
    if (UPSTOX_SKIPPED_SEGMENTS.has(row.segment)) {
      skipped.push({ instrumentKey: row.instrument_key, reason: `segment ${row.segment}` });
      continue;
    }
    try {
      const exchange = upstoxSegmentExchange(row.segment);
      const type = upstoxInstrumentType(row.segment, row.instrument_type);
      const symbol = row.trading_symbol.toUpperCase();
      const problem = instrumentIdProblem(`${exchange}:${symbol}`);
      if (problem !== undefined) throw new Error(problem);
      const expiry =
        row.expiry === null || row.expiry === undefined ? undefined : expiryDate(row.expiry);
      const derivative = type === 'FUT' || type === 'CE' || type === 'PE';
      instruments.push(
        parseInstrument({
          id: `${exchange}:${symbol}`,
          exchange,
          symbol,
          type,
          ...(row.name ? { name: row.name } : {}),
          lotSize:
            row.lot_size !== null && row.lot_size !== undefined && row.lot_size > 0
              ? row.lot_size
              : 1,
          tickSize:
            row.tick_size !== null && row.tick_size !== undefined && row.tick_size > 0
              ? row.tick_size
              : 0.05,
          ...(row.freeze_quantity ? { freezeQuantity: Math.trunc(row.freeze_quantity) } : {}),
          ...(derivative && expiry !== undefined ? { expiry } : {}),
          ...((type === 'CE' || type === 'PE') && row.strike_price
            ? { strike: row.strike_price, optionType: type }
            : {}),
          ...(row.underlying_symbol ? { underlying: row.underlying_symbol } : {}),
          ...(row.isin ? { isin: row.isin } : {}),
          brokerTokens: { upstox: row.instrument_key },
        }),
      );
    } catch (error) {
      skipped.push({
        instrumentKey: row.instrument_key,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { instruments, skipped };
}

function expiryDate(expiry: number | string): string {
  if (typeof expiry === 'number' || /^\d+$/.test(expiry)) return istDate(Number(expiry));
  if (/^\d{4}-\d{2}-\d{2}$/.test(expiry)) return expiry;
  throw new Error(`unreadable expiry ${JSON.stringify(expiry)}`);
}

/**
 * Downloads the master and parses it. Accepts a gzip body (the `.json.gz` file as stored) or
 * plain JSON (when a proxy already decompressed it).
 *
 * @example
 * ```ts
 * const master = await downloadUpstoxInstruments(UPSTOX_INSTRUMENTS_URL, 60_000);
 * ```
 */
export async function downloadUpstoxInstruments(
  url: string,
  timeoutMs: number,
): Promise<UpstoxInstrumentMaster> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) {
      throw new BrokerUnavailableError(
        `upstox instruments master answered HTTP ${response.status}; retry later`,
        { broker: 'upstox', httpStatus: response.status },
      );
    }
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof BrokerUnavailableError) throw error;
    throw new NetworkError(`upstox instruments master download failed; retry later`, {
      broker: 'upstox',
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  let text: string;
  try {
    text = new TextDecoder().decode(gzipped ? gunzipSync(bytes) : bytes);
  } catch {
    throw new BrokerPayloadError('upstox', 'instruments master', ['corrupt gzip body']);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BrokerPayloadError('upstox', 'instruments master', ['body is not JSON']);
  }
  return parseUpstoxInstruments(json);
}
