import { BrokerPayloadError } from '../../errors/broker-errors.js';

const IST_OFFSET_MS = 19_800_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

/**
 * Epoch ms of an Upstox timestamp: `"2023-10-19 09:23:23"` (IST wall time, as orders and
 * trades carry it), ISO with an offset (`"2023-10-01T09:15:00+05:30"`, candles and quotes), or
 * epoch ms as a number or digit string (`last_trade_time`). Throws {@link BrokerPayloadError}
 * on anything else, so a bad time never becomes NaN.
 *
 * @example
 * ```ts
 * upstoxTime('2023-10-19 09:23:23'); // 1697687603000
 * ```
 */
export function upstoxTime(value: string | number, field = 'timestamp'): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (/^\d{10,}$/.test(value)) {
    return Number(value);
  } else {
    const m = LOCAL.exec(value);
    if (m !== null) {
      const [, y, mo, d, h, mi, s, ms] = m;
      return (
        Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) +
        Number((ms ?? '0').padEnd(3, '0')) -
        IST_OFFSET_MS
      );
    }
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed) && /[zZ]|[+-]\d{2}:?\d{2}$/.test(value)) return parsed;
  }
  throw new BrokerPayloadError('upstox', field, [
    `${field}: unreadable time ${JSON.stringify(value)}`,
  ]);
}

/**
 * IST calendar date (`YYYY-MM-DD`) of an epoch-ms instant.
 *
 * @example
 * ```ts
 * istDate(Date.UTC(2024, 0, 1, 20, 0)); // '2024-01-02'
 * ```
 */
export function istDate(epochMs: number): string {
  return new Date(epochMs + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms of 00:00 IST on a `YYYY-MM-DD` date. */
export function istMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00+05:30`);
}
