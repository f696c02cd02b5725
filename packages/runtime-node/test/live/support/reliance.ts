import { readFileSync } from 'node:fs';
import type { FeeFunction } from '@pravah/backtest';
import { fillCharger, zerodha } from '@pravah/costs-in';
import {
  parseInstrument,
  parseNseStockMinutes,
  type Bar,
  type Instrument,
  type Tick,
} from '@pravah/sdk';

export const RELIANCE: Instrument = parseInstrument({
  id: 'NSE:RELIANCE',
  exchange: 'NSE',
  symbol: 'RELIANCE',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.05,
});

let cached: readonly Bar[] | undefined;

/** Real RELIANCE 1-minute bars, 18 sessions of Aug-Sep 2016, in time order. */
export function relianceBars(): readonly Bar[] {
  if (cached) return cached;
  const text = readFileSync(
    new URL(
      '../../../../../../shared/data/nse/stocks_1min_2016/RELIANCE_minute29.csv',
      import.meta.url,
    ),
    'utf8',
  );
  const { rows } = parseNseStockMinutes(text, { onBadRow: 'skip', onDuplicate: 'keep-first' });
  cached = [...rows].sort((a, b) => a.time - b.time);
  return cached;
}

/** Each minute's close as a tick at the minute's end: a recorded stream to replay. */
export function relianceTicks(from: number, count: number): Tick[] {
  return relianceBars()
    .slice(from, from + count)
    .map((bar) => ({
      kind: 'tick',
      instrument: 'NSE:RELIANCE',
      time: bar.time + 60_000,
      price: bar.close,
      quantity: Math.max(1, bar.volume),
    }));
}

/**
 * Zerodha charges for 2016 fills: the rate schedules start on 2021-04-01, so each fill is
 * charged as if it happened 1,700 whole days later.
 */
export function shiftedZerodhaFees(): FeeFunction {
  const charge = fillCharger({ plan: zerodha() });
  const shift = 1700 * 86_400_000;
  return (fill, instrument) => charge({ ...fill, time: fill.time + shift }, instrument);
}
