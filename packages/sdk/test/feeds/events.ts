import fc from 'fast-check';
import type { Bar } from '../../src/model/bar.js';
import type { InstrumentId } from '../../src/model/instrument.js';
import type { Tick } from '../../src/model/tick.js';

const T0 = Date.UTC(2024, 0, 1, 3, 45);

/** A 1-minute bar opening `minute` minutes after 2024-01-01 09:15 IST. */
export function bar(instrument: InstrumentId, minute: number, close = 100): Bar {
  return {
    kind: 'bar',
    instrument,
    timeframe: '1m',
    time: T0 + minute * 60_000,
    open: close,
    high: close,
    low: close,
    close,
    volume: 1,
  };
}

/** A tick `second` seconds after 2024-01-01 09:15 IST. */
export function tick(instrument: InstrumentId, second: number, price = 100): Tick {
  return { kind: 'tick', instrument, time: T0 + second * 1000, price };
}

const INSTRUMENTS: InstrumentId[] = ['NSE:INFY', 'NSE:TCS', 'NFO:NIFTY25NOVFUT', 'NSE:NIFTY 50'];

/**
 * Sources of time-ordered ticks, one instrument each; times drawn from a small range so equal
 * times across sources are common. Each tick's price records (source, position) for checks.
 */
export const sourcesArb = fc
  .array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 25 }), { maxLength: 6 })
  .map((lists) =>
    lists.map((seconds, s) =>
      [...seconds]
        .sort((a, b) => a - b)
        .map((second, i) => tick(INSTRUMENTS[s % INSTRUMENTS.length]!, second, 1 + s * 1000 + i)),
    ),
  );
