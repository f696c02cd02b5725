/** A scrip master record exactly as the JSON file carries it: every value a string. */
export interface FakeScripRecord {
  readonly token: string;
  readonly symbol: string;
  readonly name: string;
  readonly expiry: string;
  readonly strike: string;
  readonly lotsize: string;
  readonly instrumenttype: string;
  readonly exch_seg: string;
  readonly tick_size: string;
}

const cash = (token: string, symbol: string, name: string, seg: string, tick: string) => ({
  token,
  symbol,
  name,
  expiry: '',
  strike: '-1.000000',
  lotsize: '1',
  instrumenttype: '',
  exch_seg: seg,
  tick_size: tick,
});

/**
 * The fake's scrip master: cash (with the `-EQ` series suffix), indices (tick 0, one with the
 * `nse_cm` segment spelling ADOC shows), an index future and options (strike in paise with six
 * decimals), a currency future, a BSE stock and an NCDEX row the SDK cannot represent.
 */
export const DEFAULT_FAKE_SCRIPS: readonly FakeScripRecord[] = Object.freeze([
  cash('3045', 'SBIN-EQ', 'SBIN', 'NSE', '5.000000'),
  cash('1594', 'INFY-EQ', 'INFY', 'NSE', '10.000000'),
  cash('2885', 'RELIANCE-EQ', 'RELIANCE', 'NSE', '10.000000'),
  cash('500325', 'RELIANCE', 'RELIANCE', 'BSE', '5.000000'),
  {
    ...cash('99926000', 'Nifty 50', 'NIFTY', 'NSE', '0.000000'),
    instrumenttype: 'AMXIDX',
    strike: '0.000000',
  },
  {
    ...cash('99926009', 'Nifty Bank', 'BANKNIFTY', 'nse_cm', '0.000000'),
    instrumenttype: 'AMXIDX',
    strike: '0.000000',
  },
  {
    token: '57920',
    symbol: 'NIFTY30DEC25FUT',
    name: 'NIFTY',
    expiry: '30DEC2025',
    strike: '-1.000000',
    lotsize: '75',
    instrumenttype: 'FUTIDX',
    exch_seg: 'NFO',
    tick_size: '10.000000',
  },
  {
    token: '43562',
    symbol: 'NIFTY30DEC2526000CE',
    name: 'NIFTY',
    expiry: '30DEC2025',
    strike: '2600000.000000',
    lotsize: '75',
    instrumenttype: 'OPTIDX',
    exch_seg: 'NFO',
    tick_size: '5.000000',
  },
  {
    token: '43563',
    symbol: 'NIFTY30DEC2526000PE',
    name: 'NIFTY',
    expiry: '30DEC2025',
    strike: '2600000.000000',
    lotsize: '75',
    instrumenttype: 'OPTIDX',
    exch_seg: 'NFO',
    tick_size: '5.000000',
  },
  {
    token: '1165',
    symbol: 'USDINR29DEC25FUT',
    name: 'USDINR',
    expiry: '29DEC2025',
    strike: '-1.000000',
    lotsize: '1000',
    instrumenttype: 'FUTCUR',
    exch_seg: 'CDS',
    tick_size: '0.250000',
  },
  {
    token: '990001',
    symbol: 'GUARSEED10DEC25',
    name: 'GUARSEED10',
    expiry: '19DEC2025',
    strike: '-1.000000',
    lotsize: '5',
    instrumenttype: 'FUTCOM',
    exch_seg: 'NCDEX',
    tick_size: '100.000000',
  },
]);

/** Socket exchange type of a scrip master segment (both spellings). */
export function fakeExchangeType(segment: string): number {
  const table: Readonly<Record<string, number>> = {
    NSE: 1,
    nse_cm: 1,
    NFO: 2,
    nse_fo: 2,
    BSE: 3,
    bse_cm: 3,
    BFO: 4,
    bse_fo: 4,
    MCX: 5,
    mcx_fo: 5,
    NCDEX: 7,
    ncx_fo: 7,
    CDS: 13,
    cde_fo: 13,
  };
  return table[segment] ?? 0;
}

/** REST `exchange` of a scrip master segment. */
export function fakeExchangeCode(segment: string): string {
  const lower: Readonly<Record<string, string>> = {
    nse_cm: 'NSE',
    nse_fo: 'NFO',
    bse_cm: 'BSE',
    bse_fo: 'BFO',
    mcx_fo: 'MCX',
    cde_fo: 'CDS',
    ncx_fo: 'NCDEX',
  };
  return lower[segment] ?? segment;
}
