/** A BOD instruments-master row as the fake serves it (the subset of keys Upstox sends). */
export interface FakeUpstoxInstrumentRow {
  readonly segment: string;
  readonly name: string;
  readonly exchange: string;
  readonly isin?: string;
  readonly instrument_type: string;
  readonly instrument_key: string;
  readonly lot_size: number;
  readonly freeze_quantity?: number;
  readonly exchange_token: string;
  readonly tick_size: number;
  readonly trading_symbol: string;
  readonly short_name?: string;
  readonly security_type?: string;
  readonly expiry?: number;
  readonly strike_price?: number;
  readonly underlying_key?: string;
  readonly underlying_type?: string;
  readonly underlying_symbol?: string;
  readonly minimum_lot?: number;
  readonly weekly?: boolean;
}

// 30 Dec 2025 expiry, as epoch ms the way the BOD JSON carries it (end of day IST).
const DEC_2025_EXPIRY = Date.parse('2025-12-30T23:59:59+05:30');

/**
 * The fake's default instruments: two NSE equities (RELIANCE with a small freeze quantity so
 * slicing shows), a BSE listing, the Nifty 50 index, a NIFTY future and call, and rows of
 * segments Pravah skips (NSE_COM, GLOBAL_INDEX).
 */
export const FAKE_UPSTOX_INSTRUMENTS: readonly FakeUpstoxInstrumentRow[] = [
  {
    segment: 'NSE_EQ',
    name: 'RELIANCE INDUSTRIES LTD',
    exchange: 'NSE',
    isin: 'INE002A01018',
    instrument_type: 'EQ',
    instrument_key: 'NSE_EQ|INE002A01018',
    lot_size: 1,
    freeze_quantity: 1000,
    exchange_token: '2885',
    tick_size: 0.1,
    trading_symbol: 'RELIANCE',
    short_name: 'Reliance',
    security_type: 'NORMAL',
  },
  {
    segment: 'NSE_EQ',
    name: 'INFOSYS LIMITED',
    exchange: 'NSE',
    isin: 'INE009A01021',
    instrument_type: 'EQ',
    instrument_key: 'NSE_EQ|INE009A01021',
    lot_size: 1,
    freeze_quantity: 100000,
    exchange_token: '1594',
    tick_size: 0.1,
    trading_symbol: 'INFY',
  },
  {
    segment: 'BSE_EQ',
    name: 'RELIANCE INDUSTRIES LTD',
    exchange: 'BSE',
    isin: 'INE002A01018',
    instrument_type: 'A',
    instrument_key: 'BSE_EQ|INE002A01018',
    lot_size: 1,
    exchange_token: '500325',
    tick_size: 0.05,
    trading_symbol: 'RELIANCE',
  },
  {
    segment: 'NSE_INDEX',
    name: 'Nifty 50',
    exchange: 'NSE',
    instrument_type: 'INDEX',
    instrument_key: 'NSE_INDEX|Nifty 50',
    lot_size: 0,
    exchange_token: 'Nifty 50',
    tick_size: 0,
    trading_symbol: 'NIFTY',
  },
  {
    segment: 'NSE_FO',
    name: 'NIFTY',
    exchange: 'NSE',
    instrument_type: 'FUT',
    instrument_key: 'NSE_FO|53001',
    lot_size: 75,
    freeze_quantity: 1800,
    exchange_token: '53001',
    tick_size: 0.1,
    trading_symbol: 'NIFTY FUT 30 DEC 25',
    expiry: DEC_2025_EXPIRY,
    underlying_key: 'NSE_INDEX|Nifty 50',
    underlying_type: 'INDEX',
    underlying_symbol: 'NIFTY',
    minimum_lot: 75,
    weekly: false,
  },
  {
    segment: 'NSE_FO',
    name: 'NIFTY',
    exchange: 'NSE',
    instrument_type: 'CE',
    instrument_key: 'NSE_FO|53002',
    lot_size: 75,
    freeze_quantity: 1800,
    exchange_token: '53002',
    tick_size: 0.05,
    trading_symbol: 'NIFTY 26000 CE 30 DEC 25',
    expiry: DEC_2025_EXPIRY,
    strike_price: 26000,
    underlying_key: 'NSE_INDEX|Nifty 50',
    underlying_type: 'INDEX',
    underlying_symbol: 'NIFTY',
    minimum_lot: 75,
    weekly: false,
  },
  {
    segment: 'NSE_COM',
    name: 'GOLD',
    exchange: 'NSE',
    instrument_type: 'FUT',
    instrument_key: 'NSE_COM|9001',
    lot_size: 1,
    exchange_token: '9001',
    tick_size: 1,
    trading_symbol: 'GOLD FUT 05 DEC 25',
    expiry: DEC_2025_EXPIRY,
  },
  {
    segment: 'GLOBAL_INDEX',
    name: 'Dow Jones',
    exchange: 'GLOBAL',
    instrument_type: 'INDEX',
    instrument_key: 'GLOBAL_INDEX|DJI',
    lot_size: 0,
    exchange_token: 'DJI',
    tick_size: 0,
    trading_symbol: 'DJI',
  },
];
