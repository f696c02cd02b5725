import {
  EMPTY,
  concat,
  from,
  lastValueFrom,
  map,
  mergeMap,
  of,
  toArray,
  throwError,
  type Observable,
} from 'rxjs';
import { describe, expect, it } from 'vitest';
import { composeGuards, type GuardOperator } from '../../src/graph/index.js';
import type { OrderIntent, RiskEvent } from '../../src/model/index.js';
import { intent, riskEvent } from './stages.js';

const run = (intents: OrderIntent[], guard: GuardOperator): Promise<(OrderIntent | RiskEvent)[]> =>
  lastValueFrom(from(intents).pipe(guard, toArray()));

const label = (o: OrderIntent | RiskEvent): string =>
  o.kind === 'intent'
    ? `intent ${o.quantity}`
    : `risk ${o.guard} ${o.action} ${o.intent?.quantity ?? ''}`.trim();

/** Blocks intents above `limit`; records what it was given. */
function blockAbove(
  name: string,
  limit: number,
  seen: (OrderIntent | RiskEvent)[] = [],
): GuardOperator {
  return map((candidate) => {
    seen.push(candidate);
    return candidate.quantity > limit
      ? riskEvent(name, 'blocked', candidate, `> ${limit}`)
      : candidate;
  });
}

const a = intent('NSE:INFY', 1, 10, 'a');
const b = intent('NSE:INFY', 2, 60, 'b');
const c = intent('NSE:INFY', 3, 200, 'c');

describe('composeGuards', () => {
  it('passes intents through every guard in order', async () => {
    const order: string[] = [];
    const trace = (name: string): GuardOperator =>
      map((i) => (order.push(`${name} ${i.quantity}`), i));
    expect(await run([a, b], composeGuards([trace('g0'), trace('g1'), trace('g2')]))).toEqual([
      a,
      b,
    ]);
    expect(order).toEqual(['g0 10', 'g1 10', 'g2 10', 'g0 60', 'g1 60', 'g2 60']);
  });

  it("sends a guard's RiskEvent straight out, past the guards after it", async () => {
    const seenByLater: (OrderIntent | RiskEvent)[] = [];
    const out = await run(
      [a, b, c],
      composeGuards([blockAbove('first', 100), blockAbove('second', 50, seenByLater)]),
    );
    expect(out.map(label)).toEqual([
      'intent 10',
      'risk second blocked 60',
      'risk first blocked 200',
    ]);
    expect(seenByLater).toEqual([a, b]); // never the RiskEvent for c
  });

  it('keeps emission order when a guard emits a report and an intent for one input', async () => {
    const shrink: GuardOperator = mergeMap((i): Observable<OrderIntent | RiskEvent> => {
      if (i.quantity <= 50) return of(i);
      const replacement = { ...i, quantity: 50 };
      return of({ ...riskEvent('shrink', 'shrunk', i, 'to 50'), replacement }, replacement);
    });
    const out = await run([a, b, c], composeGuards([shrink, blockAbove('cap', 40)]));
    expect(out.map(label)).toEqual([
      'intent 10',
      'risk shrink shrunk 60',
      'risk cap blocked 50',
      'risk shrink shrunk 200',
      'risk cap blocked 50',
    ]);
  });

  it('cascades completion so that a guard can flush into the guards after it', async () => {
    // Holds every intent back until its input completes, then releases them.
    const holdBack: GuardOperator = (source) => {
      const held: OrderIntent[] = [];
      return concat(source.pipe(mergeMap((i) => (held.push(i), EMPTY))), from(held));
    };
    const out = await run([a, c], composeGuards([holdBack, blockAbove('cap', 100)]));
    expect(out.map(label)).toEqual(['intent 10', 'risk cap blocked 200']);
  });

  it('errors the output when any guard errors', async () => {
    const boom = new Error('boom');
    const failing: GuardOperator = mergeMap(() => throwError(() => boom));
    await expect(run([a], composeGuards([blockAbove('cap', 100), failing]))).rejects.toBe(boom);
  });

  it('is the identity for no guards and the guard itself for one', async () => {
    expect(await run([a, b], composeGuards([]))).toEqual([a, b]);
    const only = blockAbove('only', 1);
    expect(composeGuards([only])).toBe(only);
  });
});
