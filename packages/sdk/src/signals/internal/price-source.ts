import type { MarketEvent } from '../../model/market-event.js';
import type { PriceSource } from '../types.js';

type PriceReader = (event: MarketEvent) => number;

// One reader per named source, built once; a tick has a single price for every field.
const READERS: Record<Exclude<PriceSource, PriceReader>, PriceReader> = {
  open: (e) => (e.kind === 'bar' ? e.open : e.price),
  high: (e) => (e.kind === 'bar' ? e.high : e.price),
  low: (e) => (e.kind === 'bar' ? e.low : e.price),
  close: (e) => (e.kind === 'bar' ? e.close : e.price),
  hl2: (e) => (e.kind === 'bar' ? (e.high + e.low) / 2 : e.price),
  hlc3: (e) => (e.kind === 'bar' ? (e.high + e.low + e.close) / 3 : e.price),
  ohlc4: (e) => (e.kind === 'bar' ? (e.open + e.high + e.low + e.close) / 4 : e.price),
};

/** The function reading `source` from an event. */
export function priceReader(source: PriceSource): PriceReader {
  return typeof source === 'function' ? source : READERS[source];
}
