const IST_OFFSET_MS = 19_800_000;
const MONTHS: Readonly<Record<string, number>> = {
  JAN: 0,
  FEB: 1,
  MAR: 2,
  APR: 3,
  MAY: 4,
  JUN: 5,
  JUL: 6,
  AUG: 7,
  SEP: 8,
  OCT: 9,
  NOV: 10,
  DEC: 11,
};
const DATE_TIME = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})$/;
const TIME_ONLY = /^(\d{1,2}):(\d{2}):(\d{2})$/;
const EXPIRY = /^(\d{2})([A-Z]{3})(\d{4})$/;

/**
 * Epoch ms of a SmartAPI IST time `20-Oct-2020 13:10:59`; a bare `13:10:59` (trade book fill
 * times) is taken on the IST day of `today`. Undefined when the text is neither.
 *
 * @example
 * ```ts
 * parseSmartApiTime('20-Oct-2020 13:10:59'); // Date.UTC(2020, 9, 20, 7, 40, 59)
 * ```
 */
export function parseSmartApiTime(text: string, today: number = Date.now()): number | undefined {
  const trimmed = text.trim();
  const full = DATE_TIME.exec(trimmed);
  if (full !== null) {
    const month = MONTHS[(full[2] ?? '').toUpperCase()];
    if (month === undefined) return undefined;
    const local = Date.UTC(
      Number(full[3]),
      month,
      Number(full[1]),
      Number(full[4]),
      Number(full[5]),
      Number(full[6]),
    );
    return local - IST_OFFSET_MS;
  }
  const time = TIME_ONLY.exec(trimmed);
  if (time === null) return undefined;
  const istDay = Math.floor((today + IST_OFFSET_MS) / 86_400_000) * 86_400_000;
  const seconds = Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3]);
  return istDay + seconds * 1000 - IST_OFFSET_MS;
}

/**
 * `yyyy-MM-dd HH:mm` in IST, the candle API's date format.
 *
 * @example
 * ```ts
 * formatCandleTime(Date.UTC(2024, 0, 2, 3, 45)); // '2024-01-02 09:15'
 * ```
 */
export function formatCandleTime(epochMs: number): string {
  const iso = new Date(epochMs + IST_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * Epoch ms of a candle API date `yyyy-MM-dd HH:mm` (IST); undefined when malformed.
 *
 * @example
 * ```ts
 * parseCandleTime('2024-01-02 09:15'); // Date.UTC(2024, 0, 2, 3, 45)
 * ```
 */
export function parseCandleTime(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) - IST_OFFSET_MS;
}

/**
 * ISO date `YYYY-MM-DD` of a scrip master expiry `28MAR2024`; undefined when malformed.
 *
 * @example
 * ```ts
 * parseExpiry('28MAR2024'); // '2024-03-28'
 * ```
 */
export function parseExpiry(text: string): string | undefined {
  const match = EXPIRY.exec(text.trim().toUpperCase());
  if (match === null) return undefined;
  const month = MONTHS[match[2] ?? ''];
  if (month === undefined) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]}`;
}
