import { readFileSync } from 'node:fs';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  dailyLossLimit,
  istDate,
  type Bar,
  type MarketEvent,
  type OrderIntent,
  type RiskEvent,
} from '../../src/index.js';
import { context, holding, intent, reliance } from './fixtures.js';

/** RELIANCE 1-minute bars, 2016-08-16 .. 2016-09-09 (naive IST labels; a few rows out of order). */
function relianceBars(): Bar[] {
  const file = new URL(
    '../../../../../shared/data/nse/stocks_1min_2016/RELIANCE_minute29.csv',
    import.meta.url,
  );
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  const bars: Bar[] = rows.map((line) => {
    const [, stamp, open, high, low, close, volume] = line.split(',').map((v) => v.trim());
    return {
      kind: 'bar',
      instrument: reliance.id,
      timeframe: '1m',
      time: Date.parse(`${stamp!.replace(' ', 'T')}+05:30`),
      open: Number(open),
      high: Number(high),
      low: Number(low),
      close: Number(close),
      volume: Number(volume),
    };
  });
  return bars.sort((a, b) => a.time - b.time);
}

describe('dailyLossLimit on real NSE minutes', () => {
  it('halts on exactly the sessions where a 1,000-share RELIANCE position loses 1% of equity, and resumes the next day', () => {
    const bars = relianceBars();
    expect(bars).toHaveLength(6750);
    const days = new Map(bars.map((bar) => [bar, istDate(bar.time)]));
    const day = (bar: Bar) => days.get(bar)!;
    const dayOpen = new Map<string, number>();
    for (const bar of bars) if (!dayOpen.has(day(bar))) dayOpen.set(day(bar), bar.open);
    expect(dayOpen.size).toBe(18);

    let current = bars[0]!;
    const marked = () => (current.close - dayOpen.get(day(current))!) * 1000;
    const market$ = new Subject<MarketEvent>();
    const ctx = context({
      // A bar is known at its close, one minute after its label.
      now: () => current.time + 60_000,
      market$,
      portfolio: () => ({
        cash: 1_000_000 - dayOpen.get(day(current))! * 1000,
        equity: 1_000_000 + marked(),
        startOfDayEquity: 1_000_000,
        positions: [holding(reliance, 'CNC', 1000, current.close)],
        today: { realised: 0, marked: marked() },
      }),
    });
    const intents$ = new Subject<OrderIntent>();
    const outputs: Array<OrderIntent | RiskEvent> = [];
    intents$.pipe(dailyLossLimit({ percent: 1 })(ctx)).subscribe((o) => outputs.push(o));
    bars.forEach((bar, i) => {
      current = bar;
      market$.next(bar);
      intents$.next(intent(`i${i}`, { time: bar.time + 60_000, product: 'CNC', quantity: 1 }));
    });

    // The expectation, worked out independently: the first close 10 rupees or more below the
    // day's open (10 x 1,000 shares = 1% of 1,000,000) halts the rest of that session.
    const haltIndex = new Map<string, number>();
    bars.forEach((bar, i) => {
      if (!haltIndex.has(day(bar)) && dayOpen.get(day(bar))! - bar.close >= 10)
        haltIndex.set(day(bar), i);
    });
    const halts = outputs.filter((o): o is RiskEvent => o.kind === 'risk' && o.action === 'halted');
    expect(halts.map((h) => istDate(h.time))).toEqual([...haltIndex.keys()]);
    expect(halts.map((h) => h.time)).toEqual(
      [...haltIndex.values()].map((i) => bars[i]!.time + 60_000),
    );
    expect([...haltIndex.keys()]).toEqual([
      '2016-08-16',
      '2016-08-17',
      '2016-08-19',
      '2016-08-25',
      '2016-08-31',
      '2016-09-01',
      '2016-09-02',
    ]);
    const blockedIds = outputs.flatMap((o) =>
      o.kind === 'risk' && o.action === 'blocked' ? [o.intent!.id] : [],
    );
    const expectedBlocked = bars.flatMap((bar, i) => {
      const from = haltIndex.get(day(bar));
      return from !== undefined && i >= from ? [`i${i}`] : [];
    });
    expect(blockedIds).toEqual(expectedBlocked);
    const passed = outputs.filter((o) => o.kind === 'intent');
    expect(passed).toHaveLength(bars.length - expectedBlocked.length);
  });
});
