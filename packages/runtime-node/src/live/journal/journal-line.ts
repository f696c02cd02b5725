import { crc32 } from 'node:zlib';

const LINE = /^\{"seq":(\d+),"len":(\d+),"crc":(\d+),"body":(.*)\}$/;

/**
 * One journal line: a JSON object whose `body` is the record and whose `len` and `crc` are the
 * UTF-8 byte length and CRC-32 of the body's exact JSON text, so a torn or altered line is
 * detected without trusting the JSON parser.
 *
 * @example
 * ```ts
 * encodeJournalLine(1, '{"kind":"stop"}'); // '{"seq":1,"len":15,"crc":...,"body":{"kind":"stop"}}\n'
 * ```
 */
export function encodeJournalLine(seq: number, body: string): string {
  const bytes = Buffer.from(body, 'utf8');
  return `{"seq":${seq},"len":${bytes.length},"crc":${crc32(bytes)},"body":${body}}\n`;
}

/** A checked line: its sequence number and body text, or why it failed. */
export type DecodedLine =
  | { readonly ok: true; readonly seq: number; readonly body: string }
  | { readonly ok: false; readonly problem: string };

/**
 * Checks one line (without its newline) and returns its sequence number and body text.
 *
 * @example
 * ```ts
 * decodeJournalLine(encodeJournalLine(3, '{}').trimEnd()); // { ok: true, seq: 3, body: '{}' }
 * ```
 */
export function decodeJournalLine(line: string): DecodedLine {
  const match = LINE.exec(line);
  if (match === null) return { ok: false, problem: 'not a journal line' };
  const body = match[4] ?? '';
  const bytes = Buffer.from(body, 'utf8');
  if (bytes.length !== Number(match[2])) {
    return { ok: false, problem: `length ${bytes.length}, expected ${match[2]}` };
  }
  if (crc32(bytes) !== Number(match[3])) return { ok: false, problem: 'CRC mismatch' };
  return { ok: true, seq: Number(match[1]), body };
}
