import { istDate, knownAt, type MarketEvent } from '@pravah/sdk';
import { SweepInputError } from './sweep-input-error.js';

/** `--walk-forward <train>:<test>` lengths, both in trading days (`60d`) or both in bars (`600`). */
export interface WalkForwardSpec {
  readonly unit: 'days' | 'bars';
  readonly train: number;
  readonly test: number;
}

/** Inclusive epoch-ms range of events by the time they become known. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/** One walk-forward step: optimise on `train`, then evaluate on the `test` range right after it. */
export interface WalkForwardWindow {
  readonly index: number;
  readonly train: TimeRange;
  readonly test: TimeRange;
}

/**
 * Parses `60d:20d` (trading days) or `600:200` / `600b:200b` (bars).
 *
 * @example
 * ```ts
 * parseWalkForward('60d:20d'); // { unit: 'days', train: 60, test: 20 }
 * ```
 */
export function parseWalkForward(spec: string): WalkForwardSpec {
  const m = /^(\d+)(d|b)?:(\d+)(d|b)?$/.exec(spec.trim());
  if (!m || (m[2] ?? 'b') !== (m[4] ?? 'b'))
    throw new SweepInputError(
      'walk-forward',
      spec,
      'use <train>:<test> in trading days (60d:20d) or bars (600:200), both in the same unit',
    );
  const train = Number(m[1]);
  const test = Number(m[3]);
  if (train < 1 || test < 1)
    throw new SweepInputError('walk-forward', spec, 'train and test must be at least 1');
  return { unit: m[2] === 'd' ? 'days' : 'bars', train, test };
}

/**
 * Rolling walk-forward windows over events in `knownAt` order: train on `train` units, test on
 * the next `test` units, then move on by `test`, so the test ranges never overlap and together
 * cover everything after the first training range (the last test range may be shorter).
 * Days are IST trading days present in the data; bars are distinct bar times.
 *
 * @example
 * ```ts
 * const windows = walkForwardWindows(events, parseWalkForward('60d:20d'));
 * ```
 */
export function walkForwardWindows(
  events: readonly MarketEvent[],
  spec: WalkForwardSpec,
): WalkForwardWindow[] {
  // Units as [first, last] event indexes: one per distinct time (bars of several instruments at
  // the same time stay together) or one per IST day.
  const units: [number, number][] = [];
  let key: string | number | undefined;
  for (let i = 0; i < events.length; i++) {
    const t = knownAt(events[i]!);
    const k = spec.unit === 'bars' ? t : istDate(t);
    if (k !== key) {
      units.push([i, i]);
      key = k;
    } else units[units.length - 1]![1] = i;
  }
  if (units.length <= spec.train)
    throw new SweepInputError(
      'walk-forward',
      `${spec.train}:${spec.test}`,
      `the data has only ${units.length} ${spec.unit}; training needs ${spec.train} and testing at least 1 more`,
    );
  const range = (first: number, last: number): TimeRange => ({
    from: knownAt(events[units[first]![0]]!),
    to: knownAt(events[units[last]![1]]!),
  });
  const windows: WalkForwardWindow[] = [];
  for (let start = 0; start + spec.train < units.length; start += spec.test) {
    const testFirst = start + spec.train;
    const testLast = Math.min(testFirst + spec.test, units.length) - 1;
    windows.push({
      index: windows.length,
      train: range(start, testFirst - 1),
      test: range(testFirst, testLast),
    });
  }
  return windows;
}
