import { InstrumentIdSchema, type InstrumentId } from '../../model/instrument.js';

/** Why `id` is not a valid instrument id (e.g. unknown exchange), or undefined when it is. */
export function instrumentIdProblem(id: string): string | undefined {
  const result = InstrumentIdSchema.safeParse(id);
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'not an instrument id');
}

/** NSE index names as trading symbols (Kite's spelling) for the short names files use. */
const NSE_INDEX_ALIASES: Readonly<Record<string, InstrumentId>> = Object.freeze({
  NIFTY: 'NSE:NIFTY 50',
  NIFTY50: 'NSE:NIFTY 50',
  'NIFTY 50': 'NSE:NIFTY 50',
  BANKNIFTY: 'NSE:NIFTY BANK',
  FINNIFTY: 'NSE:NIFTY FIN SERVICE',
  MIDCPNIFTY: 'NSE:NIFTY MID SELECT',
  NIFTYNXT50: 'NSE:NIFTY NEXT 50',
});

/** The NSE instrument id of a symbol as NSE files write it (`NIFTY` is the index `NIFTY 50`). */
export function nseInstrumentOf(symbol: string): string {
  return NSE_INDEX_ALIASES[symbol] ?? `NSE:${symbol}`;
}

/** True when the symbol names an NSE index rather than a stock. */
export function isNseIndexSymbol(symbol: string): boolean {
  return NSE_INDEX_ALIASES[symbol] !== undefined;
}
