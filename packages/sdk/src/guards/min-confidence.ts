import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { RiskGuard } from '../graph/stages.js';
import { thresholdGuard } from './internal/threshold-guard.js';

/** Options of {@link minConfidence}. */
export interface MinConfidenceOptions {
  /** Least signal confidence an entry must carry, in [0, 1]. Default 0.6. */
  readonly threshold?: number;
  /** Entries without a confidence. Default `'block'`. */
  readonly missing?: 'block' | 'pass';
}

const MinConfidenceOptionsSchema = z.strictObject({
  threshold: z.number().min(0).max(1).default(0.6),
  missing: z.enum(['block', 'pass']).default('block'),
});

/**
 * Blocks entries whose `confidence` (0..1, carried from the originating signal) is below
 * `threshold`. Default 0.6. Entries without a confidence are blocked unless `missing: 'pass'`.
 * Cancels and exits always pass; an intent through zero keeps its closing part.
 *
 * @example
 * ```ts
 * const guards = [minConfidence({ threshold: 0.6 })];
 * ```
 */
export function minConfidence(options?: MinConfidenceOptions): RiskGuard {
  const { threshold, missing } = parseWith(
    MinConfidenceOptionsSchema,
    options ?? {},
    'minConfidence options',
  );
  return thresholdGuard({
    guard: 'minConfidence',
    figure: 'confidence',
    minimum: threshold,
    read: (intent) => intent.confidence,
    missing,
  });
}
