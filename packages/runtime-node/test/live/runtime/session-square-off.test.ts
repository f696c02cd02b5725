import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PaperBroker } from '@pravah/brokers';
import {
  defineStrategy,
  fixedQuantity,
  marketExecution,
  nseCalendar,
  type MarketEvent,
  type SignalEvent,
  type Tick,
} from '@pravah/sdk';
import { map, Subject, take } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRuntime, type EndOfDayReport } from '../../../src/live/index.js';
import { RELIANCE, shiftedZerodhaFees } from '../support/reliance.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pravah-session-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const IST = (iso: string): number => Date.parse(`${iso}+05:30`);

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('session awareness from the NSE calendar', () => {
  it('squares MIS off a minute before the broker cut-off and reports at the close', async () => {
    // Goes long 10 MIS on the first event, then holds.
    const intraday = defineStrategy({
      name: 'intraday-once',
      params: z.object({}),
      universe: ['NSE:RELIANCE'],
      timeframes: ['1m'],
      signal: () => (source) =>
        source.pipe(
          take(1),
          map((event: MarketEvent): SignalEvent => ({
            kind: 'signal',
            instrument: event.instrument,
            time: event.time,
            direction: 'long',
            confidence: 1,
            price: event.kind === 'tick' ? event.price : event.close,
            reason: 'enter once',
          })),
        ),
      sizer: fixedQuantity({ quantity: 10 }),
      execution: marketExecution(),
    });
    const ticks = new Subject<Tick>();
    const broker = new PaperBroker({
      ticks,
      instruments: [RELIANCE],
      capital: 1_000_000,
      misCutoffs: false,
      fees: shiftedZerodhaFees(),
      candles: () => Promise.resolve([]),
    });
    let now = IST('2025-03-13T15:00:00');
    const reports: EndOfDayReport[] = [];
    const runtime = createRuntime({
      strategy: intraday,
      broker,
      mode: 'paper',
      journal: path.join(dir, 'session.journal'),
      calendar: nseCalendar,
      runId: 'session',
      marketEvents: 'ticks',
      now: () => now,
      housekeepingMs: 10,
      limits: { staleDataSeconds: 1e9 },
      onReport: (report) => reports.push(report),
    });
    const send = async (iso: string, price: number): Promise<void> => {
      now = IST(iso);
      ticks.next({ kind: 'tick', instrument: 'NSE:RELIANCE', time: now, price });
      await new Promise((resolve) => setTimeout(resolve, 30));
    };
    await runtime.start();
    await send('2025-03-13T15:00:10', 1250);
    await send('2025-03-13T15:00:20', 1251); // fills the entry
    await until(() => runtime.portfolio.positionQuantity('NSE:RELIANCE') === 10, 'the entry');
    now = IST('2025-03-13T15:19:30');
    await until(() => runtime.orders.all().length === 2, 'the square-off order');
    await send('2025-03-13T15:19:40', 1260); // fills the square-off
    await until(() => runtime.portfolio.positionQuantity('NSE:RELIANCE') === 0, 'flat');
    const squareOff = runtime.orders.all()[1];
    expect(squareOff).toMatchObject({ reduceOnly: true, state: 'filled' });
    expect(squareOff?.request).toMatchObject({ side: 'SELL', quantity: 10, product: 'MIS' });
    now = IST('2025-03-13T15:30:05');
    await until(() => reports.length === 1, 'the end-of-day report');
    expect(reports[0]).toMatchObject({
      kind: 'end-of-day',
      ordersByState: { filled: 2 },
      filledQuantity: 20,
      positions: [],
      realisedPnl: 90, // 10 x (1260 - 1251)
    });
    await runtime.stop('done');
    await broker.close();
  }, 60_000);
});
