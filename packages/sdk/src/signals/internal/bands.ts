import type { Direction } from '../../model/signal-event.js';

/** Entry and exit levels of a band signal. Invariant: lower <= exitLower, exitUpper <= upper. */
export interface BandLevels {
  readonly lower: number;
  readonly upper: number;
  readonly exitLower: number;
  readonly exitUpper: number;
}

/**
 * `reversion`: below `lower` is long (oversold), above `upper` is short; a long exits above
 * `exitLower`, a short below `exitUpper`. `momentum`: above `upper` is long, below `lower` is
 * short; a long exits below `exitUpper`, a short above `exitLower`.
 */
export type BandMode = 'reversion' | 'momentum';

/** Which band rule fired (needed for the reason). */
export type BandMove = 'none' | 'enter-long' | 'enter-short' | 'exit-long' | 'exit-short';

/** The result of one band step: the new direction and the last rule that fired. */
export interface BandStep {
  direction: Direction;
  /** The exit that fired on this value, if any (exits are applied before entries). */
  exit: BandMove;
  /** The entry that fired on this value, if any. */
  entry: BandMove;
}

/**
 * Applies one value to a band position (exits first, then entries from flat). Writes into `step`
 * to stay allocation-free. Comparisons are strict: a value exactly on a level never fires.
 * With `allowShort` false a short entry leaves the position flat.
 */
export function stepBands(
  step: BandStep,
  current: Direction,
  value: number,
  levels: BandLevels,
  mode: BandMode,
  allowShort: boolean,
): void {
  const reversion = mode === 'reversion';
  let direction = current;
  step.exit = 'none';
  step.entry = 'none';
  if (direction === 'long' && (reversion ? value > levels.exitLower : value < levels.exitUpper)) {
    direction = 'flat';
    step.exit = 'exit-long';
  } else if (
    direction === 'short' &&
    (reversion ? value < levels.exitUpper : value > levels.exitLower)
  ) {
    direction = 'flat';
    step.exit = 'exit-short';
  }
  if (direction === 'flat') {
    const longEntry = reversion ? value < levels.lower : value > levels.upper;
    const shortEntry = reversion ? value > levels.upper : value < levels.lower;
    if (longEntry) {
      direction = 'long';
      step.entry = 'enter-long';
    } else if (shortEntry && allowShort) {
      direction = 'short';
      step.entry = 'enter-short';
    }
  }
  step.direction = direction;
}

/** `name: <what fired>: <direction>`, e.g. `RSI(14): 28.4 < 30 (lower): long`. */
export function bandReason(
  name: string,
  shown: string,
  step: BandStep,
  levels: BandLevels,
  mode: BandMode,
): string {
  const reversion = mode === 'reversion';
  const parts: string[] = [];
  if (step.exit === 'exit-long') {
    parts.push(
      reversion
        ? `${shown} > ${levels.exitLower} (long exit)`
        : `${shown} < ${levels.exitUpper} (long exit)`,
    );
  } else if (step.exit === 'exit-short') {
    parts.push(
      reversion
        ? `${shown} < ${levels.exitUpper} (short exit)`
        : `${shown} > ${levels.exitLower} (short exit)`,
    );
  }
  if (step.entry === 'enter-long') {
    parts.push(
      reversion ? `${shown} < ${levels.lower} (lower)` : `${shown} > ${levels.upper} (upper)`,
    );
  } else if (step.entry === 'enter-short') {
    parts.push(
      reversion ? `${shown} > ${levels.upper} (upper)` : `${shown} < ${levels.lower} (lower)`,
    );
  }
  return `${name}: ${parts.join(', ')}: ${step.direction}`;
}
