import { ValidationError } from '../../errors/validation-error.js';
import type { Indicator, OhlcvInput } from '../../indicators/indicator.js';
import type { MarketEvent } from '../../model/market-event.js';
import { SignalValueError } from '../signal-value-error.js';
import type { PriceSource, Series } from '../types.js';
import { priceReader } from './price-source.js';

/** Reads one number per event from a {@link Series}; `undefined` while the series warms up. */
export interface SeriesReader {
  update(event: MarketEvent): number | undefined;
}

/** Where a bad value is reported: which signal, which series. */
export interface SeriesLabel {
  readonly signal: string;
  readonly field: string;
}

function checked(
  value: number | undefined,
  label: SeriesLabel,
  event: MarketEvent,
): number | undefined {
  if (value === undefined || Number.isFinite(value)) return value;
  throw new SignalValueError(label.signal, label.field, value, event.instrument, event.time);
}

function sourcePrice(
  read: (e: MarketEvent) => number,
  label: SeriesLabel,
  event: MarketEvent,
): number {
  const price = read(event);
  if (typeof price === 'number' && Number.isFinite(price)) return price;
  throw new SignalValueError(label.signal, 'source price', price, event.instrument, event.time);
}

class PriceSeries implements SeriesReader {
  constructor(
    private readonly read: (e: MarketEvent) => number,
    private readonly label: SeriesLabel,
  ) {}

  update(event: MarketEvent): number {
    return sourcePrice(this.read, this.label, event);
  }
}

class NumericIndicatorSeries implements SeriesReader {
  constructor(
    private readonly indicator: Indicator<number, number>,
    private readonly read: (e: MarketEvent) => number,
    private readonly label: SeriesLabel,
  ) {}

  update(event: MarketEvent): number | undefined {
    const input = sourcePrice(this.read, this.label, event);
    return checked(this.indicator.update(input), this.label, event);
  }
}

class OhlcvIndicatorSeries implements SeriesReader {
  constructor(
    private readonly indicator: Indicator<OhlcvInput, number>,
    private readonly label: SeriesLabel,
  ) {}

  update(event: MarketEvent): number | undefined {
    // A bar is an OhlcvInput as is; a tick becomes a one-price bar whose volume is the trade's
    // quantity when known (indicators may keep the input, so it is a fresh object).
    const input: OhlcvInput =
      event.kind === 'bar' ? event : tickAsBar(event.price, event.time, event.quantity);
    return checked(this.indicator.update(input), this.label, event);
  }
}

function tickAsBar(price: number, time: number, quantity: number | undefined): OhlcvInput {
  return quantity === undefined
    ? { open: price, high: price, low: price, close: price, time }
    : { open: price, high: price, low: price, close: price, time, volume: quantity };
}

function requireIndicator<T>(made: T, label: SeriesLabel): T {
  if (
    made === null ||
    typeof made !== 'object' ||
    typeof (made as { update?: unknown }).update !== 'function'
  ) {
    throw new ValidationError(`${label.signal} options`, [
      {
        field: label.field,
        value: made,
        message:
          'the factory must return an indicator (an object with update()), e.g. () => new Sma(10)',
      },
    ]);
  }
  return made;
}

/** A fresh reader for `series`: new indicator instances, no state shared with other readers. */
export function seriesReader(
  series: Series,
  source: PriceSource,
  label: SeriesLabel,
): SeriesReader {
  const read = priceReader(source);
  if (series === 'price') return new PriceSeries(read, label);
  if (typeof series === 'function') {
    return new NumericIndicatorSeries(requireIndicator(series(), label), read, label);
  }
  return new OhlcvIndicatorSeries(requireIndicator(series.ohlcv(), label), label);
}
