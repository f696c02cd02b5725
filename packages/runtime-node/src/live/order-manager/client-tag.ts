import { CLIENT_TAG_PATTERN } from '@pravah/brokers';
import { PravahError } from '@pravah/sdk';

/**
 * The alphanumeric key of a run id: `P` and the FNV-1a hash of the id in base 36 (at most 8
 * characters), so that every tag of a run starts with it.
 *
 * @example
 * ```ts
 * runKey('sma-crossover-2026-11-20'); // e.g. 'P1x9k2ab'
 * ```
 */
export function runKey(runId: string): string {
  if (runId.length === 0) {
    throw new PravahError('LIVE_RUN_ID', 'the run id must not be empty: set runId in the config');
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < runId.length; i++) {
    hash ^= runId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `P${(hash >>> 0).toString(36)}`;
}

/**
 * The client tag of slice `slice` of the run's intent number `sequence`: run key, sequence in
 * base 36, `x`, slice in base 36. Deterministic, unique within a run, at most 20 alphanumerics
 * (Kite's limit). The sequence comes from the journal, so it keeps counting across restarts.
 *
 * @example
 * ```ts
 * clientTag('P1x9k2ab', 37, 1); // 'P1x9k2ab11x1'
 * ```
 */
export function clientTag(key: string, sequence: number, slice: number): string {
  const tag = `${key}${sequence.toString(36)}x${slice.toString(36)}`;
  if (!Number.isInteger(sequence) || sequence < 0 || !Number.isInteger(slice) || slice < 1) {
    throw new PravahError(
      'LIVE_CLIENT_TAG',
      `cannot make a client tag from sequence ${sequence} and slice ${slice}: both must be integers (slice from 1)`,
    );
  }
  if (!CLIENT_TAG_PATTERN.test(tag)) {
    throw new PravahError(
      'LIVE_CLIENT_TAG',
      `client tag "${tag}" is not 1-20 letters and digits: start a new run id (the sequence is exhausted)`,
    );
  }
  return tag;
}

/**
 * The intent sequence encoded in a tag of this run, or undefined when the tag is not one.
 *
 * @example
 * ```ts
 * tagSequence('P1x9k2ab', 'P1x9k2ab11x1'); // 37
 * ```
 */
export function tagSequence(key: string, tag: string): number | undefined {
  if (!tag.startsWith(key)) return undefined;
  const match = /^([0-9a-z]+)x([0-9a-z]+)$/.exec(tag.slice(key.length));
  if (match?.[1] === undefined) return undefined;
  return parseInt(match[1], 36);
}
