import { nseCalendar, type Tick } from '@pravah/sdk';
import { describe, expect, it } from 'vitest';
import { RuntimeGuards, RuntimeLimitsSchema } from '../../../src/live/guards/index.js';
import { TickBarBuilder } from '../../../src/live/market/index.js';
import { PositionBook, sessionState } from '../../../src/live/runtime/index.js';

const IST = (iso: string): number => Date.parse(`${iso}+05:30`);
const tick = (time: number, price: number, volume?: number): Tick => ({
  kind: 'tick',
  instrument: 'NSE:INFY',
  time,
  price,
  ...(volume === undefined ? {} : { volume }),
});

describe('TickBarBuilder', () => {
  it('builds 1m bars from ticks; the first bucket is partial; cumulative volume becomes bar volume', () => {
    const b = new TickBarBuilder('1m');
    const t0 = IST('2025-03-13T09:20:30');
    expect(b.push(tick(t0, 100, 1000))).toBeUndefined();
    // 09:21:10 completes the 09:20 bar, seen only from 09:20:30: partial.
    const first = b.push(tick(t0 + 40_000, 101, 1100));
    expect(first?.partial).toBe(true);
    expect(first?.bar).toMatchObject({ time: IST('2025-03-13T09:20:00'), open: 100, close: 100 });
    b.push(tick(IST('2025-03-13T09:21:40'), 103, 1300));
    const second = b.push(tick(IST('2025-03-13T09:22:00'), 99, 1500));
    expect(second?.partial).toBe(false);
    expect(second?.bar).toMatchObject({
      time: IST('2025-03-13T09:21:00'),
      open: 101,
      high: 103,
      low: 101,
      close: 103,
      volume: 200,
    });
  });

  it('marks the bucket in progress partial, drops ticks of delivered bars and late ticks', () => {
    const b = new TickBarBuilder('5m');
    const start = IST('2025-03-13T09:15:00');
    expect(b.bucketStart(IST('2025-03-13T09:19:59'))).toBe(start);
    b.delivered('NSE:INFY', start);
    expect(b.push(tick(IST('2025-03-13T09:17:00'), 100))).toBeUndefined();
    b.push(tick(IST('2025-03-13T09:20:00'), 100, 10));
    b.push(tick(IST('2025-03-13T09:21:00'), 102, 30));
    b.push(tick(IST('2025-03-13T09:22:00'), 98, 35));
    const done = b.push(tick(IST('2025-03-13T09:25:00'), 97, 40));
    // Started exactly at the bucket open after the delivered bar, but we were not listening
    // before: the first live bucket is always partial.
    expect(done?.partial).toBe(true);
    expect(done?.bar).toMatchObject({ open: 100, high: 102, low: 98, close: 98, volume: 25 });
    const next = b.push(tick(IST('2025-03-13T09:30:00'), 96, 50));
    expect(next?.partial).toBe(false);
    b.push(tick(IST('2025-03-13T09:31:00'), 96, 51));
    b.markPartial();
    expect(b.push(tick(IST('2025-03-13T09:35:00'), 95, 52))?.partial).toBe(true);
    expect(b.push(tick(IST('2025-03-13T09:34:00'), 95, 52))).toBeUndefined();
  });
});

describe('RuntimeGuards', () => {
  const limits = RuntimeLimitsSchema.parse({
    maxOrdersPerMinute: 3,
    maxConsecutiveRejections: 2,
    staleDataSeconds: 10,
    disconnectSeconds: 5,
  });

  it('halts on the 4th order within a minute but not when they are spread out', () => {
    const g = new RuntimeGuards(limits);
    expect(g.onPlacement(0)).toBeUndefined();
    expect(g.onPlacement(1000)).toBeUndefined();
    expect(g.onPlacement(2000)).toBeUndefined();
    expect(g.onPlacement(3000)).toMatch(/4 orders in a minute/);
    const spread = new RuntimeGuards(limits);
    for (let i = 0; i < 10; i++) expect(spread.onPlacement(i * 30_000)).toBeUndefined();
  });

  it('halts on consecutive rejections, reset by an acceptance', () => {
    const g = new RuntimeGuards(limits);
    expect(g.onRejection()).toBeUndefined();
    g.onAcceptance();
    expect(g.onRejection()).toBeUndefined();
    expect(g.onRejection()).toMatch(/2 consecutive rejections/);
  });

  it('halts on stale data only in session, and on a long disconnect', () => {
    const g = new RuntimeGuards(limits);
    expect(g.check(0, false)).toBeUndefined();
    expect(g.check(100_000, false)).toBeUndefined();
    expect(g.check(200_000, true)).toBeUndefined(); // session starts now
    g.onTick(205_000);
    expect(g.check(214_000, true)).toBeUndefined();
    expect(g.check(216_000, true)).toMatch(/no market data for 11 s/);
    const d = new RuntimeGuards(limits);
    d.onConnection(false, 0);
    expect(d.check(5000, false)).toBeUndefined();
    expect(d.check(6000, false)).toMatch(/disconnected for 6 s/);
    d.onConnection(true, 6500);
    expect(d.check(7000, false)).toBeUndefined();
  });
});

describe('PositionBook', () => {
  it('books fills with average price and realised P&L, flips and marks', () => {
    const book = new PositionBook();
    book.fill('NSE:INFY', 'MIS', 'BUY', 10, 100);
    book.fill('NSE:INFY', 'MIS', 'BUY', 10, 110);
    expect(book.quantity('NSE:INFY')).toBe(20);
    book.fill('NSE:INFY', 'MIS', 'SELL', 25, 120);
    expect(book.realised()).toBe(300); // 20 x (120 - 105)
    expect(book.quantity('NSE:INFY')).toBe(-5);
    book.mark('NSE:INFY', 118);
    expect(book.unrealised()).toBe(10); // -5 x (118 - 120)
  });
});

describe('sessionState (NSE calendar)', () => {
  it('is idle on a holiday and before the open, in session during the day, with the MIS cut-off', () => {
    const holiday = sessionState(
      nseCalendar,
      'NSE:INFY',
      IST('2025-03-14T11:00:00'),
      'zerodha',
      60_000,
    );
    expect(holiday.session).toBeUndefined(); // Holi
    expect(holiday.inSession).toBe(false);
    const early = sessionState(
      nseCalendar,
      'NSE:INFY',
      IST('2025-03-13T08:00:00'),
      'zerodha',
      60_000,
    );
    expect(early.inSession).toBe(false);
    const preOpen = sessionState(
      nseCalendar,
      'NSE:INFY',
      IST('2025-03-13T09:05:00'),
      'zerodha',
      60_000,
    );
    expect(preOpen).toMatchObject({ inSession: false, orderEntry: true });
    const day = sessionState(
      nseCalendar,
      'NSE:INFY',
      IST('2025-03-13T11:00:00'),
      'zerodha',
      60_000,
    );
    expect(day.inSession).toBe(true);
    expect(day.squareOffAt).toBe(IST('2025-03-13T15:19:00')); // Zerodha 15:20 minus 60 s
    const after = sessionState(nseCalendar, 'NSE:INFY', IST('2025-03-13T15:30:00'), 'zerodha', 0);
    expect(after.inSession).toBe(false);
  });
});
