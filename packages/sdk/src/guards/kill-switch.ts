import type { RiskGuard } from '../graph/stages.js';
import { ValidationError } from '../errors/validation-error.js';
import { haltGuard } from './internal/halt-guard.js';

/** What {@link killSwitch} polls. {@link createKillSwitch} returns one you can throw by hand. */
export interface KillSwitchOptions {
  /** True once trading must stop. Polled on every market event and before every intent. */
  readonly engaged: () => boolean;
  /** Why it was engaged, for the `halted` RiskEvent (default `kill switch engaged`). */
  readonly reason?: string | (() => string | undefined);
}

/** A kill switch operated from code: an operator command, a health check, a test. */
export interface KillSwitchControl extends KillSwitchOptions {
  /** Engages the switch. It stays engaged; later calls do not change the reason. */
  engage(reason?: string): void;
  readonly reason: () => string | undefined;
}

/**
 * Creates a switch to hand to {@link killSwitch} and engage later.
 *
 * @example
 * ```ts
 * const stop = createKillSwitch();
 * const guards = [killSwitch(stop)];
 * // later, e.g. from a signal handler or an HTTP endpoint:
 * stop.engage('operator pressed stop');
 * ```
 */
export function createKillSwitch(): KillSwitchControl {
  let engagedReason: string | undefined;
  return Object.freeze({
    engaged: () => engagedReason !== undefined,
    reason: () => engagedReason,
    engage: (reason = 'kill switch engaged') => {
      engagedReason ??= reason;
    },
  });
}

/**
 * Halts all entries as soon as `engaged()` returns true. Emits one `halted` RiskEvent; from then
 * on only cancels and exits pass (an intent through zero is cut down to its closing part).
 *
 * The halt latches: it never lifts by itself, even if `engaged()` later returns false. Resuming
 * takes a new run (a new guard instance), a deliberate act rather than a flickering flag.
 *
 * @example
 * ```ts
 * // an external flag, e.g. a file watched by the runtime
 * let stopRequested = false;
 * const guards = [killSwitch({ engaged: () => stopRequested, reason: 'stop file present' })];
 * ```
 */
export function killSwitch(options: KillSwitchOptions): RiskGuard {
  const { engaged, reason } = options;
  if (typeof engaged !== 'function') {
    throw new ValidationError('killSwitch options', [
      {
        field: 'engaged',
        value: engaged,
        message: 'must be a function returning true when trading must stop',
      },
    ]);
  }
  if (reason !== undefined && typeof reason !== 'string' && typeof reason !== 'function') {
    throw new ValidationError('killSwitch options', [
      { field: 'reason', value: reason, message: 'must be a string or a function returning one' },
    ]);
  }
  const reasonText = (): string =>
    (typeof reason === 'function' ? reason() : reason) ?? 'kill switch engaged';
  return haltGuard({
    guard: 'killSwitch',
    breach: () => (engaged() ? reasonText() : undefined),
  });
}
