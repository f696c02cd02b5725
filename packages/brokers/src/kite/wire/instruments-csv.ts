import { BrokerPayloadError } from '../../errors/broker-errors.js';

/** The header of Kite's instrument dump, exactly (KMK `instruments_all.csv`). */
export const KITE_INSTRUMENTS_HEADER =
  'instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange';

/** One row of the instrument dump, fields checked and numbers read. */
export interface KiteInstrumentRow {
  readonly instrumentToken: number;
  readonly exchangeToken: number;
  readonly tradingsymbol: string;
  readonly name: string;
  readonly lastPrice: number;
  /** `YYYY-MM-DD`, or empty. */
  readonly expiry: string;
  readonly strike: number;
  readonly tickSize: number;
  readonly lotSize: number;
  readonly instrumentType: string;
  readonly segment: string;
  readonly exchange: string;
}

/**
 * Parses Kite's instruments CSV (`GET /instruments[/{exchange}]`). Quoted fields are honoured;
 * a wrong header or a non-numeric number fails with a {@link BrokerPayloadError} naming the line.
 *
 * @example
 * ```ts
 * const rows = parseKiteInstrumentsCsv(await response.text());
 * rows[0]?.tradingsymbol; // 'CENTRALBK-BE'
 * ```
 */
export function parseKiteInstrumentsCsv(text: string): KiteInstrumentRow[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '').trim();
  if (header !== KITE_INSTRUMENTS_HEADER) {
    throw new BrokerPayloadError('kite', 'instruments CSV', [
      `header: expected "${KITE_INSTRUMENTS_HEADER}", got "${header.slice(0, 200)}"`,
    ]);
  }
  const rows: KiteInstrumentRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const f = splitCsvLine(line);
    if (f.length !== 12) {
      throw new BrokerPayloadError('kite', 'instruments CSV', [
        `line ${i + 1}: expected 12 fields, got ${f.length}`,
      ]);
    }
    const number = (index: number, field: string): number => {
      const raw = f[index] ?? '';
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) {
        throw new BrokerPayloadError('kite', 'instruments CSV', [
          `line ${i + 1} ${field}: not a number: "${raw}"`,
        ]);
      }
      return value;
    };
    rows.push({
      instrumentToken: number(0, 'instrument_token'),
      exchangeToken: number(1, 'exchange_token'),
      tradingsymbol: f[2] ?? '',
      name: f[3] ?? '',
      lastPrice: number(4, 'last_price'),
      expiry: f[5] ?? '',
      strike: number(6, 'strike'),
      tickSize: number(7, 'tick_size'),
      lotSize: number(8, 'lot_size'),
      instrumentType: f[9] ?? '',
      segment: f[10] ?? '',
      exchange: f[11] ?? '',
    });
  }
  return rows;
}

function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
