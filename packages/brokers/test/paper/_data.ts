import { readFileSync } from 'node:fs';
import { fillCharger, zerodha } from '@pravah/costs-in';
import type { FeeFunction } from '@pravah/backtest';
import {
  parseDepthTicks,
  parseInstrument,
  parseNseStockMinutes,
  type Instrument,
  type InstrumentId,
  type Tick,
} from '@pravah/sdk';

const DATA = '../../../../../shared/data/nse/';

function future(symbol: string, lotSize: number): Instrument {
  return parseInstrument({
    id: `NFO:${symbol}`,
    exchange: 'NFO',
    symbol,
    type: 'FUT',
    lotSize,
    tickSize: 0.1,
    expiry: '2025-11-25',
  });
}

/** The four stock futures of the real tick file (lot sizes as traded in Nov 2025). */
export const FUTURES: readonly Instrument[] = [
  future('MCX', 125),
  future('RELIND', 500),
  future('TCS', 175),
  future('TRENT', 100),
];

let cached: readonly Tick[] | undefined;

/** Real NFO futures ticks of 17 Nov 2025 12:07-13:08 IST, in time order (stable). */
export function futuresTicks(): readonly Tick[] {
  if (cached) return cached;
  const text = readFileSync(
    new URL(`${DATA}fo_bhavcopy_2025-11/all_ticks_FUTURES.csv`, import.meta.url),
    'utf8',
  );
  const { rows } = parseDepthTicks(text, {
    onBadRow: 'skip',
    onDuplicate: 'keep-first',
    depth: 'bid2-as-ask1',
  });
  cached = [...rows].sort((a, b) => a.time - b.time);
  return cached;
}

/** Ticks of one instrument of the futures file. */
export function ticksOf(id: InstrumentId): Tick[] {
  return futuresTicks().filter((t) => t.instrument === id);
}

export const RELIANCE_EQ: Instrument = parseInstrument({
  id: 'NSE:RELIANCE',
  exchange: 'NSE',
  symbol: 'RELIANCE',
  type: 'EQ',
  lotSize: 1,
  tickSize: 0.05,
});

/**
 * Real RELIANCE 1-minute closes (Aug-Sep 2016, 18 sessions) as ticks at each minute's end:
 * a multi-day stream for session roll-over, MIS square-off and holdings.
 */
export function relianceMinuteTicks(): Tick[] {
  const text = readFileSync(
    new URL(`${DATA}stocks_1min_2016/RELIANCE_minute29.csv`, import.meta.url),
    'utf8',
  );
  const { rows } = parseNseStockMinutes(text, { onBadRow: 'skip', onDuplicate: 'keep-first' });
  return rows.map((bar) => ({
    kind: 'tick',
    instrument: 'NSE:RELIANCE',
    time: bar.time + 60_000,
    price: bar.close,
    quantity: bar.volume,
  }));
}

/**
 * Zerodha charges for 2016 fills: the rate schedules start on 2021-04-01, so each fill is
 * charged as if it happened 1,700 whole days later (order and day boundaries kept).
 */
export function shiftedZerodhaFees(): FeeFunction {
  const charge = fillCharger({ plan: zerodha() });
  const shift = 1700 * 86_400_000;
  return (fill, instrument) => charge({ ...fill, time: fill.time + shift }, instrument);
}
