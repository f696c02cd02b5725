import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PaperBroker } from '@pravah/brokers';
import {
  defineStrategy,
  fixedQuantity,
  marketExecution,
  nseCalendar,
  type Bar,
  type MarketEvent,
  type Tick,
} from '@pravah/sdk';
import { filter, Subject, tap } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRuntime } from '../../../src/live/index.js';
import { RELIANCE, relianceBars } from '../support/reliance.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pravah-warmup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('warm-up fused with the live stream (real RELIANCE minutes)', () => {
  it('feeds every bar once, in order: warm-up candles, the broker candle for the partial bar, gap fills', async () => {
    const bars = relianceBars().slice(0, 120);
    const seen: MarketEvent[] = [];
    // A strategy that records what its signal stage receives and never trades.
    const recorder = defineStrategy({
      name: 'recorder',
      params: z.object({}),
      universe: ['NSE:RELIANCE'],
      timeframes: ['1m'],
      signal: () => (source) =>
        source.pipe(
          tap((event: MarketEvent) => seen.push(event)),
          filter((_event: MarketEvent): _event is never => false),
        ),
      sizer: fixedQuantity({ quantity: 1 }),
      execution: marketExecution(),
    });
    const ticks = new Subject<Tick>();
    const fetched: [number, number][] = [];
    const broker = new PaperBroker({
      ticks,
      instruments: [RELIANCE],
      capital: 1_000_000,
      misCutoffs: false,
      candles: (_id, _tf, from, to) => {
        fetched.push([from, to]);
        return Promise.resolve(bars.filter((b) => b.time >= from && b.time <= to));
      },
    });
    const k = 60; // start 30 s into bar 60
    const at = (i: number, s: number): number => (bars[i]?.time ?? 0) + s * 1000;
    let now = at(k, 30);
    const runtime = createRuntime({
      strategy: recorder,
      broker,
      mode: 'paper',
      journal: path.join(dir, 'warm.journal'),
      calendar: nseCalendar,
      runId: 'warm',
      sessionAware: false,
      warmupMs: 2 * 3_600_000,
      now: () => now,
      limits: { staleDataSeconds: 1e9 },
    });
    await runtime.start();
    expect(seen.map((e) => e.time)).toEqual(bars.slice(0, k).map((b) => b.time));

    const send = async (i: number, s: number, price: number): Promise<void> => {
      now = at(i, s);
      ticks.next({ kind: 'tick', instrument: 'NSE:RELIANCE', time: now, price });
      for (let n = 0; n < 5; n++) await new Promise((resolve) => setImmediate(resolve));
    };
    const settle = async (): Promise<void> => {
      for (let n = 0; n < 20; n++) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    // Bar 60 from 30 s on (partial), bars 61 and 62 whole, nothing during 63-64, then 65, 66.
    await send(k, 40, 1);
    await send(k, 50, 2);
    for (const i of [k + 1, k + 2]) {
      await send(i, 0, 3);
      await send(i, 30, 4);
    }
    await settle();
    await send(k + 5, 10, 5);
    await send(k + 6, 0, 6);
    await settle();
    await send(k + 7, 0, 7);
    await settle();
    await runtime.stop('done');
    await broker.close();

    const times = seen.map((e) => e.time);
    expect(times).toEqual(bars.slice(0, k + 7).map((b) => b.time)); // no gap, no duplicate
    const asBar = (i: number): Bar | undefined =>
      seen.find((e): e is Bar => e.kind === 'bar' && e.time === bars[i]?.time);
    // The partial bar and the gap were replaced by the broker's own candles...
    expect(asBar(k)).toEqual(bars[k]);
    expect(asBar(k + 3)).toEqual(bars[k + 3]);
    expect(asBar(k + 4)).toEqual(bars[k + 4]);
    // ...whole bars came from the ticks.
    expect(asBar(k + 1)).toMatchObject({ open: 3, high: 4, low: 3, close: 4 });
    expect(fetched.length).toBeGreaterThanOrEqual(3); // warm-up, partial bar 60, gap 63-65
  }, 60_000);
});
