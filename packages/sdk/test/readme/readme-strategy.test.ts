import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createStrategyGraph,
  defaultMarket,
  staticContext,
  type OrderIntent,
  type RiskEvent,
} from '../../src/index.js';
import { emaTrend } from './ema-trend-strategy.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const source = readFileSync(new URL('./ema-trend-strategy.ts', import.meta.url), 'utf8');

/** The fenced block after the `<!-- readme-strategy -->` marker. */
function readmeStrategy(): string {
  const marker = readme.indexOf('<!-- readme-strategy -->');
  expect(marker).toBeGreaterThan(0);
  const open = readme.indexOf('```ts\n', marker) + '```ts\n'.length;
  return readme.slice(open, readme.indexOf('```', open));
}

describe('the README strategy', () => {
  it('is this type-checked file, verbatim, in under 40 lines', () => {
    expect(readmeStrategy()).toBe(source);
    expect(source.trimEnd().split('\n').length).toBeLessThan(40);
  });

  it('validates its parameters by its zod schema', () => {
    expect(emaTrend.parseParams({})).toEqual({ fast: 9, slow: 21, notional: 200_000 });
    expect(() => emaTrend.parseParams({ fast: 1 })).toThrow(/fast/);
  });

  it('runs on the default market: limit MIS entries worth at most the notional', () => {
    const market = defaultMarket();
    const params = emaTrend.parseParams({});
    const ctx = staticContext({
      params,
      instruments: market.instruments,
      portfolio: { cash: 1_000_000 },
    });
    const intents: OrderIntent[] = [];
    const risks: RiskEvent[] = [];
    const graph = createStrategyGraph(emaTrend, ctx, {
      intent: (i) => intents.push(i),
      risk: (r) => risks.push(r),
    });
    let bars = 0;
    for (const bar of market.bars()) {
      if (!emaTrend.universe.includes(bar.instrument)) continue;
      graph.push(bar);
      if (++bars === 20_000) break;
    }
    graph.complete();
    expect(intents.length).toBeGreaterThan(10);
    for (const intent of intents) {
      expect(intent.orderType).toBe('LIMIT');
      expect(intent.product).toBe('MIS');
      expect(intent.ttlMs).toBe(120_000);
      expect((intent.price ?? 0) * intent.quantity).toBeLessThanOrEqual(200_000 * 1.01);
    }
    expect(new Set(intents.map((i) => i.instrument))).toEqual(
      new Set(['NSE:SYNBANK', 'NSE:SYNTECH']),
    );
  });
});
