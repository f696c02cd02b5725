import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  createStrategyGraph,
  staticContext,
  strategyGraph,
  type GraphOutput,
  type GraphStages,
} from '../../src/graph/index.js';
import type { MarketEvent } from '../../src/model/index.js';
import {
  INFY,
  TCS,
  bar,
  fixedSizer,
  maxQuantityGuard,
  momentumSignal,
  shrinkGuard,
  withTimeExit,
  type TestParams,
} from './stages.js';

const stages: GraphStages<TestParams> = {
  name: 'momentum',
  signal: momentumSignal,
  sizer: fixedSizer,
  execution: withTimeExit(40 * 60_000),
  guards: [shrinkGuard(8), maxQuantityGuard(6)],
};

/** Up to 60 one-minute bars over two instruments, closes between 90 and 110. */
const eventsArb: fc.Arbitrary<MarketEvent[]> = fc
  .array(fc.tuple(fc.boolean(), fc.integer({ min: 90, max: 110 })), { maxLength: 60 })
  .map((rows) =>
    rows.map(([isTcs, close], i) => bar(i * 60_000, close, isTcs ? 'NSE:TCS' : 'NSE:INFY')),
  );

const paramsArb: fc.Arbitrary<TestParams> = fc.record({
  quantity: fc.integer({ min: 1, max: 12 }),
  threshold: fc.integer({ min: 0, max: 5 }),
});

const contextFor = (params: TestParams) => staticContext({ params, instruments: [INFY, TCS] });

function runAlone(events: readonly MarketEvent[], params: TestParams): GraphOutput[] {
  const out: GraphOutput[] = [];
  const graph = createStrategyGraph(stages, contextFor(params), {
    intent: (o) => out.push(o),
    risk: (o) => out.push(o),
    signal: (o) => out.push(o),
    target: (o) => out.push(o),
  });
  for (const event of events) graph.push(event);
  graph.complete();
  return out;
}

describe('strategy graph properties', () => {
  it('equal inputs give equal outputs, through the operator and through push', async () => {
    await fc.assert(
      fc.asyncProperty(eventsArb, paramsArb, async (events, params) => {
        const first = await lastValueFrom(
          from(events).pipe(strategyGraph(stages, contextFor(params)), toArray()),
        );
        const second = await lastValueFrom(
          from(events).pipe(strategyGraph(stages, contextFor(params)), toArray()),
        );
        expect(second).toEqual(first);
        expect(runAlone(events, params)).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('two graphs of one strategy share no state: interleaving them changes neither output', () => {
    fc.assert(
      fc.property(
        eventsArb,
        eventsArb,
        paramsArb,
        fc.array(fc.boolean(), { maxLength: 120 }),
        (xs, ys, params, picks) => {
          const outX: GraphOutput[] = [];
          const outY: GraphOutput[] = [];
          const sinkOf = (out: GraphOutput[]) => ({
            intent: (o: GraphOutput) => out.push(o),
            risk: (o: GraphOutput) => out.push(o),
            signal: (o: GraphOutput) => out.push(o),
            target: (o: GraphOutput) => out.push(o),
          });
          const graphX = createStrategyGraph(stages, contextFor(params), sinkOf(outX));
          const graphY = createStrategyGraph(stages, contextFor(params), sinkOf(outY));
          let i = 0;
          let j = 0;
          for (const pickX of picks) {
            if (pickX && i < xs.length) graphX.push(xs[i++]!);
            else if (j < ys.length) graphY.push(ys[j++]!);
          }
          while (i < xs.length) graphX.push(xs[i++]!);
          while (j < ys.length) graphY.push(ys[j++]!);
          graphX.complete();
          graphY.complete();
          expect(outX).toEqual(runAlone(xs, params));
          expect(outY).toEqual(runAlone(ys, params));
        },
      ),
      { numRuns: 150 },
    );
  });
});
