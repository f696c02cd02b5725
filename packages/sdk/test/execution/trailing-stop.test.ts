import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  OrderIntentSchema,
  parseIstNaive,
  sliceAboveFreeze,
  trailingStop,
  ValidationError,
  type Bar,
} from '../../src/index.js';
import {
  bar,
  context,
  Harness,
  marbles,
  MINUTE,
  niftyFut,
  placed,
  reliance,
  T0,
  target,
  working,
} from './fixtures.js';

const at = (i: number, close: number, high = close, low = close): Bar =>
  bar(reliance.id, T0 + i * MINUTE, close, { high, low, open: close });

describe('trailingStop', () => {
  it('places a stop behind a new position and moves it only in its favour, by cancel/replace', () => {
    const h = new Harness(trailingStop({ trail: { percent: 1.5 } }));
    h.book.hold(reliance.id, 100, 1500);
    expect(h.market(at(0, 1500, 1505, 1495))).toEqual([
      {
        kind: 'intent',
        id: 'trl-NSE:RELIANCE-1',
        instrument: reliance.id,
        time: T0 + MINUTE,
        side: 'SELL',
        quantity: 100,
        orderType: 'SL-M',
        triggerPrice: 1477.5, // 1.5% behind the 1500 average
        product: 'MIS',
        validity: 'DAY',
        reduceOnly: true,
        reason: 'trailingStop: protect 100 at 1477.5',
      },
    ]);
    const up = h.market(at(1, 1530, 1540, 1500));
    expect(up).toMatchObject([
      {
        id: 'trl-NSE:RELIANCE-2',
        cancelId: 'trl-NSE:RELIANCE-1',
        triggerPrice: 1516.9,
        quantity: 100,
      },
    ]);
    expect(up[0]).not.toHaveProperty('parentId'); // a real replacement, not a pure cancel
    expect(h.market(at(2, 1520, 1535, 1515))).toEqual([]); // lower high: the stop stays
    expect(h.market(at(3, 1541, 1541, 1530))).toMatchObject([
      { cancelId: 'trl-NSE:RELIANCE-2', triggerPrice: 1517.85 },
    ]);
    expect(h.book.orders.map((o) => [o.id, o.intent.triggerPrice])).toEqual([
      ['trl-NSE:RELIANCE-3', 1517.85],
    ]);
  });

  it('trails a short from above using lows, in points or ticks', () => {
    const h = new Harness(trailingStop({ trail: { points: 10 } }));
    h.book.hold(reliance.id, -50, 1500);
    expect(h.market(at(0, 1498))).toMatchObject([
      { side: 'BUY', quantity: 50, triggerPrice: 1508 },
    ]);
    expect(h.market(at(1, 1492, 1499, 1490))).toMatchObject([{ triggerPrice: 1500 }]);
    const ticks = new Harness(trailingStop({ trail: { ticks: 4 } }));
    ticks.book.hold(reliance.id, -50, 1500);
    expect(ticks.market(at(0, 1500))).toMatchObject([{ triggerPrice: 1500.2 }]);
  });

  it('respects minStepTicks and builds SL stops with a limit beyond the trigger', () => {
    const h = new Harness(
      trailingStop({ trail: { points: 10 }, minStepTicks: 10, type: 'SL', limitOffsetTicks: 2 }),
    );
    h.book.hold(reliance.id, 10, 1500);
    const [first] = h.market(at(0, 1500));
    expect(first).toMatchObject({ orderType: 'SL', triggerPrice: 1490, price: 1489.9 });
    expect(OrderIntentSchema.parse(first)).toEqual(first);
    expect(h.market(at(1, 1500.45, 1500.45))).toEqual([]); // 9 ticks: below the step
    expect(h.market(at(2, 1500.5, 1500.5))).toMatchObject([
      { triggerPrice: 1490.5, price: 1490.4 },
    ]);
  });

  it('keeps the stop at least a tick beyond the last price', () => {
    const h = new Harness(trailingStop({ trail: { points: 10 } }));
    h.book.hold(reliance.id, 10, 1600); // bought at 1600, already down to 1500
    expect(h.market(at(0, 1500))).toMatchObject([{ triggerPrice: 1499.95 }]);
  });

  it('cancels its stop when the position goes flat, and re-arms for a new position', () => {
    const h = new Harness(trailingStop({ trail: { points: 10 } }));
    h.book.hold(reliance.id, 10, 1500);
    h.market(at(0, 1500));
    h.book.hold(reliance.id, 0, 1500); // closed elsewhere
    expect(h.market(at(1, 1500))).toMatchObject([
      { cancelId: 'trl-NSE:RELIANCE-1', parentId: 'trl-NSE:RELIANCE-1', reduceOnly: true },
    ]);
    expect(h.book.orders).toEqual([]);
    expect(h.market(at(2, 1500))).toEqual([]);
    h.book.hold(reliance.id, -10, 1500);
    expect(h.market(at(3, 1500))).toMatchObject([
      { id: 'trl-NSE:RELIANCE-3', side: 'BUY', triggerPrice: 1510 },
    ]);
  });

  it('resizes with the position, and never covers more than a pending exit leaves', () => {
    const h = new Harness(trailingStop({ trail: { points: 10 } }));
    h.book.hold(reliance.id, 10, 1500);
    h.market(at(0, 1500));
    h.book.hold(reliance.id, 30, 1500); // added 20
    expect(
      h.market(at(1, 1500)).map((i) => [i.cancelId ?? null, i.quantity, i.triggerPrice]),
    ).toEqual([
      ['trl-NSE:RELIANCE-1', 10, 1490],
      [null, 30, 1490],
    ]);
    // a pending market exit of 20 leaves 10 to protect
    h.book.orders.push(working(placed('mkt-1', reliance.id, 'SELL', 20, { reduceOnly: true })));
    expect(h.market(at(2, 1500)).map((i) => [i.cancelId ?? null, i.quantity])).toEqual([
      ['trl-NSE:RELIANCE-3', 30],
      [null, 10],
    ]);
  });

  it('re-places a stop the venue dropped (e.g. a DAY order expiring) at the trail level', () => {
    const h = new Harness(trailingStop({ trail: { points: 10 } }));
    h.book.hold(reliance.id, 10, 1500);
    h.market(at(0, 1520, 1520));
    expect(h.book.orders[0]?.intent.triggerPrice).toBe(1510);
    h.book.orders = []; // expired
    const replaced = h.market(at(1, 1512, 1512, 1511));
    expect(replaced).toMatchObject([{ triggerPrice: 1510, quantity: 10 }]);
    expect(replaced[0]).not.toHaveProperty('cancelId');
    // dropped again while the price fell through the level: placed just below the price
    h.book.orders = [];
    expect(h.market(at(2, 1505, 1506, 1504))).toMatchObject([{ triggerPrice: 1504.95 }]);
  });

  it('recognises its stop after slicing and replaces each slice on its own', () => {
    const h = new Harness(sliceAboveFreeze(trailingStop({ trail: { points: 100 } })));
    h.book.hold(niftyFut.id, 3000, 24000);
    const first = h.market(bar(niftyFut.id, T0, 24000));
    expect(first.map((i) => [i.id, i.quantity, i.triggerPrice])).toEqual([
      ['trl-NFO:NIFTY26JANFUT-1.1', 1800, 23900],
      ['trl-NFO:NIFTY26JANFUT-1.2', 1200, 23900],
    ]);
    expect(h.market(bar(niftyFut.id, T0 + MINUTE, 23990))).toEqual([]); // no new high: its slices stay
    const moved = h.market(bar(niftyFut.id, T0 + 2 * MINUTE, 24100, { high: 24150 }));
    expect(moved.map((i) => [i.id, i.cancelId, i.quantity, i.triggerPrice])).toEqual([
      ['trl-NFO:NIFTY26JANFUT-2', 'trl-NFO:NIFTY26JANFUT-1.1', 1800, 24050],
      ['trl-NFO:NIFTY26JANFUT-3', 'trl-NFO:NIFTY26JANFUT-1.2', 1200, 24050],
    ]);
  });

  it('ignores targets (marbles): it only acts on market events', () => {
    const ctx = context({ portfolio: { cash: 1e6 } });
    marbles().run(({ cold, expectObservable }) => {
      const targets = cold('a-b|', {
        a: target(reliance.id, 10, 1500),
        b: target(reliance.id, 0, 1500),
      });
      expectObservable(targets.pipe(trailingStop({ trail: { percent: 1 } })(ctx))).toBe('---|');
    });
  });

  it('rejects bad options', () => {
    expect(() => trailingStop({ trail: { percent: 0 } })).toThrow(ValidationError);
    expect(() => trailingStop({ trail: { ticks: 1.5 } })).toThrow(/trail/);
    expect(() => trailingStop({ trail: { percent: 1, points: 2 } })).toThrow(ValidationError);
  });

  it('on real RELIANCE 1-minute bars: one stop per day, each only moving up and always below the close', () => {
    const file = new URL(
      '../../../../../shared/data/nse/stocks_1min_2016/RELIANCE_minute29.csv',
      import.meta.url,
    );
    const bars: Bar[] = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map((f) => f.trim()))
      .map(([, date, open, high, low, close]) =>
        bar(reliance.id, parseIstNaive(date!), Number(close), {
          open: Number(open),
          high: Number(high),
          low: Number(low),
        }),
      )
      .sort((a, b) => a.time - b.time);
    const h = new Harness(trailingStop({ trail: { percent: 0.5 } }));
    let day = '';
    let stopHits = 0;
    let replacements = 0;
    for (const b of bars) {
      const today = new Date(b.time + 19_800_000).toISOString().slice(0, 10);
      if (today !== day) {
        // a fresh long at each session's first close; yesterday's DAY stop expired
        day = today;
        h.book.orders = [];
        h.book.hold(reliance.id, 100, b.close);
      }
      const live = h.book.orders[0];
      if (live !== undefined && b.low <= live.intent.triggerPrice!) {
        h.book.fill(live.id, live.intent.triggerPrice!);
        stopHits += 1;
      }
      const before = h.book.orders[0]?.intent.triggerPrice;
      for (const intent of h.market(b)) {
        expect(OrderIntentSchema.parse(intent)).toEqual(intent);
        if (intent.cancelId !== undefined && intent.parentId === undefined) {
          replacements += 1;
          expect(intent.triggerPrice!).toBeGreaterThan(before!);
        }
        if (intent.parentId === undefined) expect(intent.triggerPrice!).toBeLessThan(b.close);
      }
    }
    expect(bars).toHaveLength(6750);
    expect(stopHits).toBeGreaterThan(0);
    expect(stopHits).toBeLessThanOrEqual(18);
    expect(replacements).toBeGreaterThan(18);
  });
});
