import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SQUARE_OFF_TIMES,
  istDateTime,
  OrderIntentSchema,
  parseIstNaive,
  timeExit,
  ValidationError,
  type Bar,
  type InstrumentId,
} from '../../src/index.js';
import {
  bar,
  context,
  crudeFut,
  Harness,
  holding,
  marbles,
  niftyFut,
  placed,
  reliance,
  target,
  working,
} from './fixtures.js';

/** A one-minute bar opening at `hhmm` IST on `date` (known one minute later). */
const minuteBar = (instrument: InstrumentId, date: string, hhmm: string, close = 100): Bar =>
  bar(instrument, istDateTime(date, hhmm), close);

describe('timeExit', () => {
  it('squares off MIS positions once per session at 15:20 IST for equity, cancelling open MIS orders first', () => {
    const h = new Harness(timeExit());
    h.book.hold(reliance.id, 100, 2500);
    const stop = placed('s-1', reliance.id, 'SELL', 100, {
      orderType: 'SL-M',
      triggerPrice: 2450,
      reduceOnly: true,
    });
    const delivery = placed('c-1', reliance.id, 'BUY', 5, {
      product: 'CNC',
      orderType: 'LIMIT',
      price: 2400,
    });
    h.book.orders = [working(stop), working(delivery)];
    expect(h.market(minuteBar(reliance.id, '2026-01-05', '15:18'))).toEqual([]); // known 15:19
    const due = h.market(minuteBar(reliance.id, '2026-01-05', '15:19')); // known 15:20
    const time = istDateTime('2026-01-05', '15:20');
    expect(due).toEqual([
      expect.objectContaining({ id: 'tex-NSE:RELIANCE-1', cancelId: 's-1', parentId: 's-1', time }),
      {
        kind: 'intent',
        id: 'tex-NSE:RELIANCE-2',
        instrument: reliance.id,
        time,
        side: 'SELL',
        quantity: 100,
        orderType: 'MARKET',
        product: 'MIS',
        validity: 'DAY',
        reduceOnly: true,
        reason: 'timeExit: square-off time 15:20 IST: close MIS 100',
      },
    ]);
    for (const intent of due) expect(OrderIntentSchema.parse(intent)).toEqual(intent);
    expect(h.book.orders.map((o) => o.id)).toEqual(['c-1', 'tex-NSE:RELIANCE-2']); // CNC order kept
    expect(h.market(minuteBar(reliance.id, '2026-01-05', '15:20'))).toEqual([]); // once per session
    h.book.fill('tex-NSE:RELIANCE-2', 2500);
    h.book.hold(reliance.id, 100, 2500); // a new intraday long the next day
    expect(h.market(minuteBar(reliance.id, '2026-01-06', '15:19'))).toMatchObject([
      { id: 'tex-NSE:RELIANCE-3', side: 'SELL', quantity: 100 }, // next session again
    ]);
  });

  it('uses 15:25 for F&O and 23:05 for MCX by default', () => {
    expect(DEFAULT_SQUARE_OFF_TIMES).toMatchObject({
      NSE: '15:20',
      BSE: '15:20',
      NFO: '15:25',
      BFO: '15:25',
      MCX: '23:05',
    });
    const h = new Harness(timeExit());
    h.book.hold(niftyFut.id, -150, 24000);
    h.book.positions.push(holding(crudeFut.id, 100, 6000));
    expect(h.market(minuteBar(niftyFut.id, '2026-01-05', '15:19'))).toEqual([]);
    expect(h.market(minuteBar(niftyFut.id, '2026-01-05', '15:23'))).toEqual([]);
    expect(h.market(minuteBar(niftyFut.id, '2026-01-05', '15:24'))).toMatchObject([
      { side: 'BUY', quantity: 150 },
    ]);
    expect(h.market(minuteBar(crudeFut.id, '2026-01-05', '23:03'))).toEqual([]);
    expect(h.market(minuteBar(crudeFut.id, '2026-01-05', '23:04'))).toMatchObject([
      { side: 'SELL', quantity: 100 },
    ]);
  });

  it('takes one time for all, or times per exchange', () => {
    const one = new Harness(timeExit({ at: '15:10' }));
    one.book.hold(niftyFut.id, 75, 24000);
    expect(one.market(minuteBar(niftyFut.id, '2026-01-05', '15:09'))).toHaveLength(1);
    const per = new Harness(timeExit({ at: { NSE: '14:00' } }));
    per.book.hold(reliance.id, 1, 2500);
    per.book.positions.push(holding(niftyFut.id, 75, 24000));
    expect(per.market(minuteBar(reliance.id, '2026-01-05', '13:59'))).toHaveLength(1);
    expect(per.market(minuteBar(niftyFut.id, '2026-01-05', '14:00'))).toEqual([]); // NFO keeps 15:25
  });

  it('leaves CNC and NRML alone and closes only the MIS part', () => {
    const h = new Harness(timeExit());
    h.book.positions = [
      holding(reliance.id, 30, 2500, 'CNC'),
      holding(reliance.id, -20, 2500, 'MIS'),
    ];
    expect(h.market(minuteBar(reliance.id, '2026-01-05', '15:25'))).toMatchObject([
      { side: 'BUY', quantity: 20, product: 'MIS' },
    ]);
    const cnc = new Harness(timeExit());
    cnc.book.hold(reliance.id, 30, 2500, 'CNC');
    expect(cnc.market(minuteBar(reliance.id, '2026-01-05', '15:25'))).toEqual([]);
  });

  it('keeps watching after the time: a position that appears late is squared off, late MIS orders cancelled', () => {
    const h = new Harness(timeExit());
    expect(h.market(minuteBar(reliance.id, '2026-01-05', '15:21'))).toEqual([]);
    h.book.orders = [working(placed('late-1', reliance.id, 'BUY', 10))];
    expect(h.market(minuteBar(reliance.id, '2026-01-05', '15:22'))).toMatchObject([
      { cancelId: 'late-1' },
    ]);
    h.book.hold(reliance.id, 10, 2500);
    expect(h.market(minuteBar(reliance.id, '2026-01-05', '15:23'))).toMatchObject([
      { side: 'SELL', quantity: 10 },
    ]);
  });

  it('ignores targets (marbles)', () => {
    const ctx = context({ portfolio: { cash: 1e6 } });
    marbles().run(({ cold, expectObservable }) => {
      expectObservable(cold('a|', { a: target(reliance.id, 10, 100) }).pipe(timeExit()(ctx))).toBe(
        '-|',
      );
    });
  });

  it('rejects bad times', () => {
    expect(() => timeExit({ at: '3:20pm' })).toThrow(ValidationError);
    expect(() => timeExit({ at: '24:00' })).toThrow(/HH:MM/);
    expect(() => timeExit({ at: { NYSE: '15:00' } as unknown as { NSE: string } })).toThrow(
      ValidationError,
    );
  });

  it('on real RELIANCE 1-minute bars (18 sessions): one square-off per session, at 15:20 IST', () => {
    const file = new URL(
      '../../../../../shared/data/nse/stocks_1min_2016/RELIANCE_minute29.csv',
      import.meta.url,
    );
    const bars = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map((f) => f.trim()))
      .map(([, date, , , , close]) => bar(reliance.id, parseIstNaive(date!), Number(close)))
      .sort((a, b) => a.time - b.time);
    const h = new Harness(timeExit());
    const exits = [];
    let day = '';
    for (const b of bars) {
      const today = new Date(b.time + 19_800_000).toISOString().slice(0, 10);
      if (today !== day) {
        day = today;
        h.book.orders = [];
        h.book.hold(reliance.id, 100, b.close); // an intraday long opened at each session's start
      }
      for (const intent of h.market(b)) {
        exits.push(intent);
        h.book.fill(intent.id, b.close);
      }
    }
    expect(exits).toHaveLength(18);
    for (const intent of exits) {
      expect(new Date(intent.time + 19_800_000).toISOString().slice(11, 16)).toBe('15:20');
      expect(intent).toMatchObject({
        side: 'SELL',
        quantity: 100,
        orderType: 'MARKET',
        reduceOnly: true,
      });
    }
    expect(new Set(exits.map((i) => new Date(i.time).toISOString().slice(0, 10))).size).toBe(18);
  });
});
