import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  createKillSwitch,
  dailyLossLimit,
  fixedBps,
  killSwitch,
  maxDrawdownHalt,
  maxOpenPositions,
  maxOrderValue,
  maxPositionValue,
  minConfidence,
  minRewardRisk,
  slippageStage,
  volumeShare,
  weeklyLossLimit,
  type RiskGuard,
  type Slippage,
  type SlippageModel,
  type StrategyDefinition,
} from '../../src/index.js';

const _params = z.object({ fast: z.number().default(10) });

describe('guard and slippage types', () => {
  it('every stock guard fits the guards of a strategy with any parameters', () => {
    const guards: StrategyDefinition<typeof _params>['guards'] = [
      dailyLossLimit(),
      weeklyLossLimit({ percent: 5 }),
      maxDrawdownHalt(),
      killSwitch(createKillSwitch()),
      maxOpenPositions({ positional: 4, intraday: 2 }),
      maxOrderValue({ percentOfEquity: 20 }),
      maxPositionValue({ percentOfEquity: 25 }),
      minRewardRisk(),
      minConfidence({ threshold: 0.7 }),
    ];
    expectTypeOf(guards).toExtend<readonly RiskGuard<{ fast: number }>[] | undefined>();
    expectTypeOf(dailyLossLimit()).toEqualTypeOf<RiskGuard>();
  });

  it('models are SlippageModels and their stages are Slippage stages', () => {
    expectTypeOf(fixedBps(5)).toEqualTypeOf<SlippageModel>();
    expectTypeOf(slippageStage(volumeShare({ impact: 1 }))).toExtend<Slippage<{ fast: number }>>();
  });

  it('rejects incomplete options at compile time', () => {
    // @ts-expect-error a kill switch needs an engaged() function
    expectTypeOf(killSwitch).toBeCallableWith({});
    // @ts-expect-error value caps need percentOfEquity
    expectTypeOf(maxOrderValue).toBeCallableWith({});
    // @ts-expect-error volume share needs an impact coefficient
    expectTypeOf(volumeShare).toBeCallableWith({ participationCap: 0.1 });
    // @ts-expect-error missing must be 'block' or 'pass'
    expectTypeOf(minConfidence).toBeCallableWith({ missing: 'skip' });
  });
});
