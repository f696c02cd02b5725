import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { RiskGuard } from '../graph/stages.js';
import { thresholdGuard } from './internal/threshold-guard.js';

/** Options of {@link minRewardRisk}. */
export interface MinRewardRiskOptions {
  /** Least reward:risk an entry must offer, >= 0. Default 1.5. */
  readonly ratio?: number;
  /** Entries without a reward:risk (signals with no stop or target). Default `'block'`. */
  readonly missing?: 'block' | 'pass';
}

const MinRewardRiskOptionsSchema = z.strictObject({
  ratio: z.number().nonnegative().finite().default(1.5),
  missing: z.enum(['block', 'pass']).default('block'),
});

/**
 * Blocks entries whose `rewardRisk` (distance to target over distance to stop, carried from the
 * originating signal) is below `ratio`. Default 1.5. Entries that carry no reward:risk are
 * blocked too unless `missing: 'pass'`, because a guard asked to enforce a ratio should not wave
 * through trades it cannot judge. Cancels and exits always pass; an intent through zero keeps
 * its closing part.
 *
 * @example
 * ```ts
 * const guards = [minRewardRisk({ ratio: 2 })];
 * ```
 */
export function minRewardRisk(options?: MinRewardRiskOptions): RiskGuard {
  const { ratio, missing } = parseWith(
    MinRewardRiskOptionsSchema,
    options ?? {},
    'minRewardRisk options',
  );
  return thresholdGuard({
    guard: 'minRewardRisk',
    figure: 'reward:risk',
    minimum: ratio,
    read: (intent) => intent.rewardRisk,
    missing,
  });
}
