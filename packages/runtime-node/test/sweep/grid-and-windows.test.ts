import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { istDate, knownAt, type Bar, type InstrumentId, type MarketEvent } from '@pravah/sdk';
import { loadMarketData } from '../../src/data/load-market-data.js';
import {
  expandGrid,
  parseWalkForward,
  SweepInputError,
  walkForwardWindows,
  type WalkForwardWindow,
} from '../../src/sweep/index.js';

const NIFTY_MONTHS = fileURLToPath(
  new URL('../../../../../shared/data/nse/nifty_index_1min/', import.meta.url),
);

describe('expandGrid', () => {
  it('lists every combination over the base, last parameter fastest', () => {
    expect(expandGrid({ fast: [5, 10], slow: [20, 30] }, { quantity: 50 })).toEqual([
      { quantity: 50, fast: 5, slow: 20 },
      { quantity: 50, fast: 5, slow: 30 },
      { quantity: 50, fast: 10, slow: 20 },
      { quantity: 50, fast: 10, slow: 30 },
    ]);
    expect(expandGrid({ a: [1, 2, 3], b: [1, 2], c: [true, false] })).toHaveLength(12);
  });

  it('rejects grids that are not objects of non-empty arrays, naming the parameter', () => {
    expect(() => expandGrid([1, 2])).toThrow(SweepInputError);
    expect(() => expandGrid({})).toThrow(/at least one parameter/);
    expect(() => expandGrid({ fast: [] })).toThrow(/grid\.fast: must be a non-empty array/);
    expect(() => expandGrid({ fast: 5 })).toThrow(/grid\.fast/);
  });
});

describe('parseWalkForward', () => {
  it('reads days and bars', () => {
    expect(parseWalkForward('60d:20d')).toEqual({ unit: 'days', train: 60, test: 20 });
    expect(parseWalkForward('600:200')).toEqual({ unit: 'bars', train: 600, test: 200 });
    expect(parseWalkForward('600b:200b')).toEqual({ unit: 'bars', train: 600, test: 200 });
  });

  it('rejects mixed units, zeros and junk with a typed error', () => {
    for (const bad of ['60d:200', '0d:5d', '60d', 'sixty:20', '60d:0d'])
      expect(() => parseWalkForward(bad), bad).toThrow(SweepInputError);
  });
});

/** Checks the walk-forward invariants against the events the windows were cut from. */
function checkWindows(events: readonly MarketEvent[], windows: readonly WalkForwardWindow[]) {
  const times = events.map(knownAt);
  const distinct = [...new Set(times)];
  for (let k = 0; k < windows.length; k++) {
    const w = windows[k]!;
    expect(w.train.from).toBeLessThanOrEqual(w.train.to);
    expect(w.train.to).toBeLessThan(w.test.from);
    expect(w.test.from).toBeLessThanOrEqual(w.test.to);
    // The test range starts at the first time after training: nothing in between is skipped.
    expect(distinct[distinct.indexOf(w.train.to) + 1]).toBe(w.test.from);
    const next = windows[k + 1];
    if (next) expect(distinct[distinct.indexOf(w.test.to) + 1]).toBe(next.test.from);
  }
  // Together the test ranges reach the last event.
  expect(windows.at(-1)!.test.to).toBe(times.at(-1));
}

describe('walkForwardWindows', () => {
  it('cuts the real NIFTY minutes into non-overlapping test windows that cover the range (days)', async () => {
    const { events } = await loadMarketData(`${NIFTY_MONTHS}2022_JAN_NIFTY.txt`);
    const days = [...new Set(events.map((e) => istDate(knownAt(e))))];
    const windows = walkForwardWindows(events, parseWalkForward('8d:3d'));
    // 20 sessions in January 2022: tests start after 8 days and step by 3 -> ceil(12 / 3) windows.
    expect(days).toHaveLength(20);
    expect(windows).toHaveLength(4);
    checkWindows(events, windows);
    expect(istDate(windows[0]!.test.from)).toBe(days[8]);
    expect(istDate(windows[0]!.train.from)).toBe(days[0]);
    expect(istDate(windows[3]!.test.from)).toBe(days[17]);
  });

  it('cuts bars the same way: 1000 train, 500 test', async () => {
    const { events } = await loadMarketData(`${NIFTY_MONTHS}2022_JAN_NIFTY.txt`);
    const windows = walkForwardWindows(events, parseWalkForward('1000:500'));
    expect(windows).toHaveLength(Math.ceil((events.length - 1000) / 500));
    checkWindows(events, windows);
    expect(windows[1]!.test.from).toBe(knownAt(events[1500]!));
  });

  it('keeps its invariants on any bar series, several instruments per time included', () => {
    const bar = (instrument: string, time: number): Bar => ({
      kind: 'bar',
      instrument: instrument as InstrumentId,
      timeframe: '1m',
      time,
      open: 100,
      high: 101,
      low: 99,
      close: 100,
      volume: 1,
    });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 3, maxLength: 60 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (gaps, two, train, test, byDay) => {
          const events: Bar[] = [];
          let t = Date.UTC(2024, 0, 1, 3, 45);
          for (const gap of gaps) {
            t += gap * 60_000 * (byDay ? 97 : 1);
            events.push(bar('NSE:A', t));
            if (two) events.push(bar('NSE:B', t));
          }
          const spec = { unit: byDay ? ('days' as const) : ('bars' as const), train, test };
          const units = byDay
            ? new Set(events.map((e) => istDate(knownAt(e)))).size
            : new Set(events.map(knownAt)).size;
          if (units <= train) {
            expect(() => walkForwardWindows(events, spec)).toThrow(SweepInputError);
            return;
          }
          const windows = walkForwardWindows(events, spec);
          expect(windows).toHaveLength(Math.ceil((units - train) / test));
          checkWindows(events, windows);
        },
      ),
      { numRuns: 200 },
    );
  });
});
