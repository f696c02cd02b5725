import { describe, expect, it } from 'vitest';
import { minConfidence, minRewardRisk, ValidationError } from '../../src/index.js';
import { context, holding, intent, marbles, reliance } from './fixtures.js';

describe('minRewardRisk', () => {
  it('blocks entries below 1.5 by default and entries without a ratio, passing the rest', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const good = intent('g', { rewardRisk: 1.5 });
      const poor = intent('p', { rewardRisk: 1.2 });
      const none = intent('n');
      expectObservable(
        hot('-gpn|', { g: good, p: poor, n: none }).pipe(minRewardRisk()(context({}))),
      ).toBe('-gxy|', {
        g: good,
        x: {
          kind: 'risk',
          time: 0,
          guard: 'minRewardRisk',
          action: 'blocked',
          instrument: reliance.id,
          intent: poor,
          reason: 'reward:risk 1.2 is below the minimum 1.5',
        },
        y: expect.objectContaining({
          action: 'blocked',
          intent: none,
          reason:
            "the intent carries no reward:risk; pass { missing: 'pass' } to let such intents through",
        }),
      });
    });
  });

  it("passes intents without a ratio when missing is 'pass', and exits whatever their ratio", () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        portfolio: { cash: 0, positions: [holding(reliance, 'MIS', 10, 100)] },
      });
      const none = intent('n');
      const exit = intent('e', { side: 'SELL', rewardRisk: 0.1 });
      const guard = minRewardRisk({ ratio: 2, missing: 'pass' });
      expectObservable(hot('-ne|', { n: none, e: exit }).pipe(guard(ctx))).toBe('-ne|', {
        n: none,
        e: exit,
      });
    });
    expect(() => minRewardRisk({ ratio: -1 })).toThrow(ValidationError);
    expect(() => minRewardRisk({ missing: 'allow' as never })).toThrow(/missing/);
  });
});

describe('minConfidence', () => {
  it('blocks entries below 0.6 by default and keeps only the closing part of a weak reversal', () => {
    const scheduler = marbles();
    scheduler.run(({ hot, expectObservable }) => {
      const ctx = context({
        portfolio: { cash: 0, positions: [holding(reliance, 'MIS', 10, 100)] },
      });
      const strong = intent('s', { confidence: 0.6 });
      const weak = intent('w', { confidence: 0.59 });
      const weakReversal = intent('r', { side: 'SELL', quantity: 30, confidence: 0.2 });
      const closing = { ...weakReversal, quantity: 10, reduceOnly: true };
      expectObservable(
        hot('-swr---|', { s: strong, w: weak, r: weakReversal }).pipe(minConfidence()(ctx)),
      ).toBe('-sx(yR)|', {
        s: strong,
        x: expect.objectContaining({
          guard: 'minConfidence',
          action: 'blocked',
          intent: weak,
          reason: 'confidence 0.59 is below the minimum 0.6',
        }),
        y: expect.objectContaining({
          action: 'shrunk',
          replacement: closing,
          reason: 'confidence 0.2 is below the minimum 0.6; shrunk 30 to 10',
        }),
        R: closing,
      });
    });
    expect(() => minConfidence({ threshold: 1.1 })).toThrow(ValidationError);
  });
});
