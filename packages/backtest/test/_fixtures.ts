import type { Bar, Instrument, InstrumentId, OrderIntent } from '@pravah/sdk';
import { parseInstrument } from '@pravah/sdk';

/** 2024-01-02 09:15 IST in epoch ms. */
export const T0 = Date.UTC(2024, 0, 2, 3, 45);
export const MIN = 60_000;

export const RELIANCE: Instrument = parseInstrument({
  id: 'NSE:RELIANCE',
  exchange: 'NSE',
  symbol: 'RELIANCE',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.05,
});

export const NIFTY_FUT: Instrument = parseInstrument({
  id: 'NFO:NIFTY24JANFUT',
  exchange: 'NFO',
  symbol: 'NIFTY24JANFUT',
  type: 'FUT',
  lotSize: 50,
  tickSize: 0.05,
  freezeQuantity: 1800,
  expiry: '2024-01-25',
  underlying: 'NIFTY',
});

/** A 1-minute bar of `instrument` opening `minute` minutes after T0. */
export function bar(
  minute: number,
  o: number,
  h: number,
  l: number,
  c: number,
  volume = 1000,
  instrument: InstrumentId = RELIANCE.id,
): Bar {
  return {
    kind: 'bar',
    instrument,
    timeframe: '1m',
    time: T0 + minute * MIN,
    open: o,
    high: h,
    low: l,
    close: c,
    volume,
  };
}

let counter = 0;
/** An order intent with sensible defaults. */
export function intent(
  fields: Partial<OrderIntent> & Pick<OrderIntent, 'side' | 'quantity'>,
): OrderIntent {
  return {
    kind: 'intent',
    id: fields.id ?? `o${++counter}`,
    instrument: RELIANCE.id,
    time: T0,
    orderType: 'MARKET',
    product: 'CNC',
    validity: 'DAY',
    reduceOnly: false,
    reason: 'test',
    ...fields,
  };
}
