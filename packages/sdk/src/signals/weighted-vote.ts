import { Observable, Subject, Subscription, type OperatorFunction } from 'rxjs';
import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { Signal } from '../graph/stages.js';
import type { StrategyContext } from '../graph/strategy-context.js';
import { lastPrice, type MarketEvent } from '../model/market-event.js';
import type { Direction, SignalEvent } from '../model/signal-event.js';
import { formatNumber, opinionOn, type Levels } from './internal/opinion.js';
import { allowShortSchema, callable, nameSchema } from './internal/schemas.js';
import { perInstrument } from './per-instrument.js';

/** One voter of {@link weightedVote}. */
export interface VoteMember<P = unknown> {
  /** Any signal; its latest opinion per instrument is its vote. Must be synchronous. */
  readonly signal: Signal<P>;
  /** Relative weight (> 0); weights are normalised by their sum. */
  readonly weight: number;
  /** Shown in reasons. Default `member <n>`. */
  readonly name?: string;
}

/** Options of {@link weightedVote}. */
export interface WeightedVoteOptions<P = unknown> {
  readonly members: readonly VoteMember<P>[];
  /** Weighted agreement (0..1] a direction needs before the vote adopts it. Default 0.6. */
  readonly minConfidence?: number;
  /** When false (default) short votes count as flat votes. */
  readonly allowShort?: boolean;
  /** Prefix of every reason. Default `vote`. */
  readonly name?: string;
}

const MemberSchema = z.object({
  signal: callable<Signal<never>>('must be a signal: (ctx) => operator'),
  weight: z.number().finite().gt(0, 'must be above 0'),
  name: z.string().min(1, 'must not be empty').optional(),
});

const OptionsSchema = z.object({
  members: z.array(MemberSchema).min(1, 'needs at least one member'),
  minConfidence: z.number().gt(0, 'must be above 0').max(1, 'must be at most 1').default(0.6),
  allowShort: allowShortSchema,
  name: nameSchema('vote'),
});

type Parsed = z.output<typeof OptionsSchema>;

const VOTED: readonly Direction[] = ['long', 'short', 'flat'];

/** Scores are sums of fractions: 25% + 20% + 15% must count as 60% whatever the rounding. */
const SCORE_TOLERANCE = 1e-9;

/** The tally of one instrument: every member's latest opinion and the vote's own direction. */
class Tally {
  private readonly weights: Float64Array;
  private readonly names: readonly string[];
  /** Latest opinion of each member; a member that has not spoken votes flat with confidence 1. */
  private readonly latest: (SignalEvent | undefined)[];
  private readonly scores = { long: 0, short: 0, flat: 0 };
  private direction: Direction = 'flat';
  /** Whether a member has spoken since the last decision; if not, the decision cannot change. */
  private changed = false;

  constructor(private readonly options: Parsed) {
    const total = options.members.reduce((sum, m) => sum + m.weight, 0);
    this.weights = Float64Array.from(options.members, (m) => m.weight / total);
    this.names = options.members.map((m, i) => m.name ?? `member ${i + 1}`);
    this.latest = options.members.map(() => undefined);
  }

  record(member: number, opinion: SignalEvent): void {
    this.latest[member] = opinion;
    this.changed = true;
  }

  private voteOf(member: number): Direction {
    const direction = this.latest[member]?.direction ?? 'flat';
    return direction === 'short' && !this.options.allowShort ? 'flat' : direction;
  }

  decide(event: MarketEvent): SignalEvent | undefined {
    if (!this.changed) return undefined;
    this.changed = false;
    const scores = this.scores;
    scores.long = 0;
    scores.short = 0;
    scores.flat = 0;
    for (let i = 0; i < this.weights.length; i++) {
      scores[this.voteOf(i)] += this.weights[i]! * (this.latest[i]?.confidence ?? 1);
    }
    // The best-scoring direction wins if it reaches minConfidence and beats every other
    // direction outright; otherwise the vote keeps its direction (hysteresis between thresholds).
    let winner: Direction | undefined;
    let best = -1;
    let tied = false;
    for (const direction of VOTED) {
      const score = scores[direction];
      if (score > best + SCORE_TOLERANCE) {
        winner = direction;
        best = score;
        tied = false;
      } else if (score >= best - SCORE_TOLERANCE) {
        tied = true;
      }
    }
    if (
      winner === undefined ||
      tied ||
      best < this.options.minConfidence - SCORE_TOLERANCE ||
      winner === this.direction
    ) {
      return undefined;
    }
    this.direction = winner;
    return opinionOn(
      event,
      winner,
      Math.min(1, best),
      this.reason(winner, best),
      this.levels(winner, event),
    );
  }

  /** Stop and target of the heaviest agreeing member whose levels still fit the current price. */
  private levels(direction: Direction, event: MarketEvent): Levels | undefined {
    if (direction === 'flat') return undefined;
    const price = lastPrice(event);
    const sign = direction === 'long' ? 1 : -1;
    let chosen: Levels | undefined;
    let heaviest = 0;
    for (let i = 0; i < this.weights.length; i++) {
      const opinion = this.latest[i];
      if (opinion?.direction !== direction || opinion.stop === undefined) continue;
      if (sign * (price - opinion.stop) <= 0 || this.weights[i]! <= heaviest) continue;
      heaviest = this.weights[i]!;
      const target =
        opinion.target !== undefined && sign * (opinion.target - price) > 0
          ? opinion.target
          : undefined;
      chosen = { stop: opinion.stop, target };
    }
    return chosen;
  }

  private reason(winner: Direction, score: number): string {
    const agreeing: string[] = [];
    for (let i = 0; i < this.weights.length; i++) {
      if (this.voteOf(i) === winner)
        agreeing.push(
          `${this.names[i]!} ${formatNumber(this.weights[i]! * (this.latest[i]?.confidence ?? 1))}`,
        );
    }
    const others = VOTED.filter((d) => d !== winner && this.scores[d] > 0)
      .map((d) => `${d} ${formatNumber(this.scores[d])}`)
      .join(', ');
    const rest = others === '' ? '' : `; ${others}`;
    return `${this.options.name}: ${winner} ${formatNumber(score)} >= ${this.options.minConfidence} (${agreeing.join(', ')}${rest})`;
  }
}

function voteLane<P>(
  options: Parsed,
  ctx: StrategyContext<P>,
): OperatorFunction<MarketEvent, SignalEvent> {
  return (source) =>
    new Observable<SignalEvent>((subscriber) => {
      const tally = new Tally(options);
      const hub = new Subject<MarketEvent>();
      const subscription = new Subscription();
      options.members.forEach((member, index) => {
        const signal = member.signal as Signal<P>;
        subscription.add(
          signal(ctx)(hub).subscribe({
            next: (opinion) => tally.record(index, opinion),
            error: (error: unknown) => subscriber.error(error),
          }),
        );
      });
      subscription.add(
        source.subscribe({
          next(event) {
            hub.next(event); // every member has voted on this event when hub.next returns
            let out: SignalEvent | undefined;
            try {
              out = tally.decide(event);
            } catch (error: unknown) {
              subscriber.error(error);
              return;
            }
            if (out !== undefined) subscriber.next(out);
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            hub.complete();
            subscriber.complete();
          },
        }),
      );
      return subscription;
    });
}

/**
 * Combines several signals into one by weighted vote, per instrument. Every event goes to every
 * member first; then each member's latest opinion for the instrument is its vote (a member that
 * has not spoken yet votes flat). The score of a direction is the sum of `weight × confidence`
 * of the members voting for it, over the sum of all weights, so it lies in 0..1.
 *
 * The vote adopts a direction when its score is at least `minConfidence` (default 0.6) and
 * strictly higher than the other two (scores within 1e-9 are equal, so that 25% + 20% + 15%
 * counts as 60% whatever the floating-point rounding); otherwise it keeps its current direction. So a long needs
 * 60% weighted agreement to open and, symmetrically, 60% agreement on flat (or short) to close;
 * in between the vote holds. Without `allowShort`, short votes count as flat votes.
 *
 * Emits only when the vote's direction changes, with `confidence` = the winning score. An entry
 * carries the stop and target of the heaviest agreeing member whose stop is still on the right
 * side of the price. `time` = `knownAt` of the event, `price` its last price.
 *
 * Members must be synchronous (every stock signal is): a member emitting later than the event
 * that caused it would be counted on the instrument's next event.
 *
 * @example
 * ```ts
 * const vote = weightedVote({
 *   members: [
 *     { name: 'SMA 10/30', weight: 2, signal: crossoverSignal({ fast: () => new Sma(10), slow: () => new Sma(30) }) },
 *     { name: 'RSI', weight: 1, signal: thresholdSignal({ indicator: () => new Rsi(14), lower: 30, upper: 70 }) },
 *   ],
 *   minConfidence: 0.6,
 * });
 * feed$.pipe(vote(ctx)).subscribe((s) => console.log(s.direction, s.confidence, s.reason));
 * ```
 */
export function weightedVote<P = unknown>(options: WeightedVoteOptions<P>): Signal<P> {
  const parsed = parseWith(OptionsSchema, options, 'weightedVote options');
  return perInstrument<P>(() => (ctx) => voteLane(parsed, ctx));
}
