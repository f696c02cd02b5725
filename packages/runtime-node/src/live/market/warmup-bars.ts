import type { Broker } from '@pravah/brokers';
import { timeframeMs, type Bar, type InstrumentId, type Timeframe } from '@pravah/sdk';

/**
 * Complete candles of the instruments between `from` and `now`, from the broker's historical
 * API, merged oldest first (ties by instrument id, as the backtester orders a batch). The candle
 * still forming at `now` is left out: the live stream delivers it.
 *
 * @example
 * ```ts
 * const bars = await warmupBars(broker, ['NSE:INFY'], '1m', Date.now() - 3 * 86_400_000, Date.now());
 * ```
 */
export async function warmupBars(
  broker: Broker,
  instruments: readonly InstrumentId[],
  timeframe: Timeframe,
  from: number,
  now: number,
): Promise<Bar[]> {
  const ms = timeframeMs(timeframe);
  const lists = await Promise.all(
    instruments.map((id) => broker.historicalCandles(id, timeframe, from, now)),
  );
  const bars: Bar[] = [];
  for (const list of lists) for (const bar of list) if (bar.time + ms <= now) bars.push(bar);
  bars.sort((a, b) =>
    a.time !== b.time
      ? a.time - b.time
      : a.instrument < b.instrument
        ? -1
        : a.instrument > b.instrument
          ? 1
          : 0,
  );
  return bars;
}
