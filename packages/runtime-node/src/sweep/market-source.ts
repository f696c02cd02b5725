import { defaultMarket, type Instrument, type MarketEvent } from '@pravah/sdk';
import { columnsToBars } from '../data/bar-columns.js';
import { loadMarketData } from '../data/load-market-data.js';
import type { SweepData } from './sweep-task.js';

/** The events and instruments a run reads. */
export interface SweepMarket {
  readonly events: readonly MarketEvent[];
  readonly instruments: readonly Instrument[];
}

const cache = new Map<string, Promise<SweepMarket>>();

function keyOf(data: SweepData): string {
  switch (data.kind) {
    case 'default':
      return 'default';
    case 'file':
      return `file:${data.path}|${data.symbol ?? ''}`;
    case 'shared':
      return `shared:${data.key}`;
  }
}

async function load(data: SweepData): Promise<SweepMarket> {
  switch (data.kind) {
    case 'default': {
      const market = defaultMarket();
      return { events: Array.from(market.bars()), instruments: market.instruments };
    }
    case 'file':
      return loadMarketData(data.path, { symbol: data.symbol });
    case 'shared':
      return { events: columnsToBars(data.columns), instruments: data.instruments };
  }
}

/**
 * The market of a sweep's data, loaded once per thread and reused by every later run there.
 *
 * @example
 * ```ts
 * const { events, instruments } = await sweepMarket({ kind: 'default' });
 * ```
 */
export function sweepMarket(data: SweepData): Promise<SweepMarket> {
  const key = keyOf(data);
  let market = cache.get(key);
  if (market === undefined) {
    market = load(data);
    cache.set(key, market);
  }
  return market;
}
