import { parseInstrument, type Fill, type Instrument } from '@pravah/sdk';

export const RELIANCE: Instrument = parseInstrument({
  id: 'NSE:RELIANCE',
  exchange: 'NSE',
  symbol: 'RELIANCE',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.1,
  isin: 'INE002A01018',
});

export const NIFTY_CE: Instrument = parseInstrument({
  id: 'NFO:NIFTY26JUN25000CE',
  exchange: 'NFO',
  symbol: 'NIFTY26JUN25000CE',
  type: 'CE',
  lotSize: 65,
  tickSize: 0.05,
  strike: 25000,
  expiry: '2026-06-30',
});

export const NIFTY_INDEX: Instrument = parseInstrument({
  id: 'NSE:NIFTY 50',
  exchange: 'NSE',
  symbol: 'NIFTY 50',
  type: 'IDX',
  lotSize: 1,
  tickSize: 0.05,
});

/** A fill at an IST wall-clock time `YYYY-MM-DDTHH:MM` (converted with the fixed +05:30 offset). */
export function fillAt(
  ist: string,
  instrument: Instrument,
  fields: Partial<Fill> & Pick<Fill, 'side' | 'quantity' | 'price' | 'product'>,
  id = `${ist}-${fields.side}`,
): Fill {
  const time = Date.parse(`${ist}:00+05:30`);
  return {
    kind: 'fill',
    id,
    orderId: fields.orderId ?? id,
    instrument: instrument.id,
    time,
    rawPrice: fields.price,
    ...fields,
  };
}
