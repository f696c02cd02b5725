import { expect } from 'vitest';
import { from, toArray, lastValueFrom } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import {
  parseIstNaive,
  staticContext,
  type Bar,
  type InstrumentId,
  type MarketEvent,
  type Signal,
  type SignalEvent,
  type StrategyContext,
  type Tick,
  type Timeframe,
} from '../../src/index.js';

export const INFY: InstrumentId = 'NSE:INFY';
export const TCS: InstrumentId = 'NSE:TCS';
export const SBIN: InstrumentId = 'NSE:SBIN';

/** A context with no instruments and a fixed clock: signals only need it to exist. */
export const ctx: StrategyContext = staticContext({ params: {}, instruments: [] });

/** 2024-01-01 09:15 IST. */
export const T0 = parseIstNaive('2024-01-01 09:15');
export const MINUTE = 60_000;

export interface BarShape {
  readonly open?: number;
  readonly high?: number;
  readonly low?: number;
  readonly timeframe?: Timeframe;
}

/** A bar at `time` closing at `close`; open/high/low default to the close. */
export function bar(
  instrument: InstrumentId,
  time: number,
  close: number,
  shape: BarShape = {},
): Bar {
  const open = shape.open ?? close;
  return {
    kind: 'bar',
    instrument,
    timeframe: shape.timeframe ?? '1m',
    time,
    open,
    high: shape.high ?? Math.max(open, close),
    low: shape.low ?? Math.min(open, close),
    close,
    volume: 1000,
  };
}

/** One-minute bars with the given closes, starting at `start`. */
export function closes(instrument: InstrumentId, values: readonly number[], start = T0): Bar[] {
  return values.map((close, i) => bar(instrument, start + i * MINUTE, close));
}

export function tick(instrument: InstrumentId, time: number, price: number): Tick {
  return { kind: 'tick', instrument, time, price };
}

/** Runs a signal over events synchronously and collects its output. */
export function run(signal: Signal, events: readonly MarketEvent[]): Promise<SignalEvent[]> {
  return lastValueFrom(from(events).pipe(signal(ctx), toArray()));
}

/** Runs a signal synchronously (the stock signals never hop schedulers). */
export function runSync(signal: Signal, events: readonly MarketEvent[]): SignalEvent[] {
  const out: SignalEvent[] = [];
  let failure: Error | undefined;
  from(events)
    .pipe(signal(ctx))
    .subscribe({
      next: (s) => out.push(s),
      error: (e: unknown) => (failure = e instanceof Error ? e : new Error(String(e))),
    });
  if (failure !== undefined) throw failure;
  return out;
}

/** A TestScheduler asserting with vitest's deep equality. */
export function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** Direction and time of each signal: the compact shape most assertions need. */
export function directions(signals: readonly SignalEvent[]): string[] {
  return signals.map((s) => `${s.direction}@${s.time}`);
}
