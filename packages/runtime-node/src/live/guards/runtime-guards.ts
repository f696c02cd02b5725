import type { RuntimeLimits } from './runtime-limits.js';

/**
 * The runtime's own risk checks, beside the strategy's guards: order rate, consecutive
 * rejections, stale market data and a long broker disconnect. Pure bookkeeping over times the
 * caller passes in; `check` says why to halt, if it should.
 *
 * @example
 * ```ts
 * const guards = new RuntimeGuards(limits);
 * guards.onTick(now);
 * const reason = guards.check(now, inSession); // e.g. 'no market data for 61 s in session'
 * ```
 */
export class RuntimeGuards {
  private readonly placements: number[] = [];
  private consecutiveRejections = 0;
  private lastTick: number | undefined;
  private disconnectedSince: number | undefined;
  private sessionStart: number | undefined;

  constructor(private readonly limits: RuntimeLimits) {}

  /** Records a placement; returns a halt reason when it exceeds the per-minute limit. */
  onPlacement(now: number): string | undefined {
    while (this.placements.length > 0 && (this.placements[0] ?? 0) <= now - 60_000)
      this.placements.shift();
    this.placements.push(now);
    if (this.placements.length > this.limits.maxOrdersPerMinute) {
      return `${this.placements.length} orders in a minute exceed maxOrdersPerMinute ${this.limits.maxOrdersPerMinute}`;
    }
    return undefined;
  }

  /** Records a rejection; returns a halt reason when too many came in a row. */
  onRejection(): string | undefined {
    this.consecutiveRejections += 1;
    if (this.consecutiveRejections >= this.limits.maxConsecutiveRejections) {
      return `${this.consecutiveRejections} consecutive rejections (maxConsecutiveRejections ${this.limits.maxConsecutiveRejections})`;
    }
    return undefined;
  }

  /** An order was accepted: the rejection streak ends. */
  onAcceptance(): void {
    this.consecutiveRejections = 0;
  }

  onTick(now: number): void {
    this.lastTick = now;
  }

  onConnection(connected: boolean, now: number): void {
    if (connected) this.disconnectedSince = undefined;
    else this.disconnectedSince ??= now;
  }

  /** Why to halt now, or undefined. Stale data counts only inside a session. */
  check(now: number, inSession: boolean): string | undefined {
    if (
      this.disconnectedSince !== undefined &&
      now - this.disconnectedSince > this.limits.disconnectSeconds * 1000
    ) {
      return `broker disconnected for ${Math.round((now - this.disconnectedSince) / 1000)} s (disconnectSeconds ${this.limits.disconnectSeconds})`;
    }
    if (!inSession) {
      this.sessionStart = undefined;
      return undefined;
    }
    this.sessionStart ??= now;
    const since = Math.max(this.lastTick ?? this.sessionStart, this.sessionStart);
    if (now - since > this.limits.staleDataSeconds * 1000) {
      return `no market data for ${Math.round((now - since) / 1000)} s in session (staleDataSeconds ${this.limits.staleDataSeconds})`;
    }
    return undefined;
  }
}
