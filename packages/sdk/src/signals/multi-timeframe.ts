import { Observable, Subject, Subscription, type OperatorFunction } from 'rxjs';
import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { Signal } from '../graph/stages.js';
import type { StrategyContext } from '../graph/strategy-context.js';
import { knownAt, lastPrice, type MarketEvent } from '../model/market-event.js';
import type { Direction, SignalEvent } from '../model/signal-event.js';
import { TimeframeSchema, type Timeframe } from '../model/timeframe.js';
import { opinionOn, type Levels } from './internal/opinion.js';
import { callable, nameSchema } from './internal/schemas.js';
import { perInstrument } from './per-instrument.js';

/** Options of {@link multiTimeframe}. */
export interface MultiTimeframeOptions<P = unknown> {
  /** The trading signal, e.g. a crossover on 15-minute bars. Must be synchronous. */
  readonly signal: Signal<P>;
  /**
   * The trend filter, fed only bars of `gateTimeframe`: its latest opinion says which entries
   * may pass (long: longs, short: shorts, flat or none yet: no entry). Must be synchronous.
   */
  readonly gate: Signal<P>;
  /** Timeframe of the bars that feed the gate, e.g. `'1d'`. */
  readonly gateTimeframe: Timeframe;
  /**
   * Timeframe of the bars that feed the signal. Default: every event that is not a gate bar
   * (bars of other timeframes and ticks).
   */
  readonly signalTimeframe?: Timeframe;
  /**
   * When true (default) a gate that stops agreeing also closes the position (the signal goes
   * flat); when false the gate only filters entries and an open opinion is held until the
   * signal itself changes.
   */
  readonly gateExits?: boolean;
  /** Prefix of every reason. Default `mtf`. */
  readonly name?: string;
}

const OptionsSchema = z
  .object({
    signal: callable<Signal<never>>('must be a signal: (ctx) => operator'),
    gate: callable<Signal<never>>('must be a signal: (ctx) => operator'),
    gateTimeframe: TimeframeSchema,
    signalTimeframe: TimeframeSchema.optional(),
    gateExits: z.boolean().default(true),
    name: nameSchema('mtf'),
  })
  .superRefine((o, ctx) => {
    if (o.signalTimeframe !== undefined && o.signalTimeframe === o.gateTimeframe) {
      ctx.addIssue({
        code: 'custom',
        path: ['signalTimeframe'],
        message: 'must differ from gateTimeframe',
      });
    }
  });

type Parsed = z.output<typeof OptionsSchema>;

/** One instrument's view: the gate's and the signal's latest opinions, and the gated result. */
class GatedState {
  gate: SignalEvent | undefined;
  signal: SignalEvent | undefined;
  private direction: Direction = 'flat';

  constructor(private readonly options: Parsed) {}

  decide(event: MarketEvent): SignalEvent | undefined {
    const { options, signal } = this;
    if (signal === undefined) return undefined; // the signal has not spoken: stay flat
    const wanted = signal.direction;
    const allowed = this.gate?.direction ?? 'flat';
    const holding = !options.gateExits && this.direction === wanted;
    const next: Direction = wanted === 'flat' || wanted === allowed || holding ? wanted : 'flat';
    if (next === this.direction) return undefined;
    this.direction = next;
    const gateText = `${options.gateTimeframe} gate ${allowed}`;
    if (next === 'flat' && wanted !== 'flat') {
      const confidence = this.gate?.confidence ?? 1;
      return opinionOn(event, 'flat', confidence, `${options.name}: ${gateText} blocks ${wanted}`);
    }
    const reason = `${options.name}: ${gateText}: ${signal.reason}`;
    return opinionOn(
      event,
      next,
      signal.confidence,
      reason,
      next === 'flat' ? undefined : levelsAt(signal, event),
    );
  }
}

/** The signal's stop and target if they are still on the right side of the current price. */
function levelsAt(signal: SignalEvent, event: MarketEvent): Levels {
  const price = lastPrice(event);
  const sign = signal.direction === 'long' ? 1 : -1;
  return {
    stop: signal.stop !== undefined && sign * (price - signal.stop) > 0 ? signal.stop : undefined,
    target:
      signal.target !== undefined && sign * (signal.target - price) > 0 ? signal.target : undefined,
  };
}

function gatedLane<P>(
  options: Parsed,
  ctx: StrategyContext<P>,
): OperatorFunction<MarketEvent, SignalEvent> {
  return (source) =>
    new Observable<SignalEvent>((subscriber) => {
      const state = new GatedState(options);
      const gateInput = new Subject<MarketEvent>();
      const signalInput = new Subject<MarketEvent>();
      // Gate bars wait here until an event of the signal's stream is at least as late as the
      // moment they became known: the gate only ever sees completed bars.
      const pending: MarketEvent[] = [];
      let released = 0;
      const subscription = new Subscription();
      const fail = (error: unknown): void => subscriber.error(error);
      subscription.add(
        (options.gate as Signal<P>)(ctx)(gateInput).subscribe({
          next: (g) => (state.gate = g),
          error: fail,
        }),
      );
      subscription.add(
        (options.signal as Signal<P>)(ctx)(signalInput).subscribe({
          next: (s) => (state.signal = s),
          error: fail,
        }),
      );
      subscription.add(
        source.subscribe({
          next(event) {
            if (event.kind === 'bar' && event.timeframe === options.gateTimeframe) {
              pending.push(event);
              return;
            }
            if (
              options.signalTimeframe !== undefined &&
              (event.kind !== 'bar' || event.timeframe !== options.signalTimeframe)
            ) {
              return;
            }
            const now = knownAt(event);
            while (released < pending.length && knownAt(pending[released]!) <= now) {
              gateInput.next(pending[released]!);
              released += 1;
            }
            if (released === pending.length) {
              pending.length = 0;
              released = 0;
            }
            signalInput.next(event);
            let out: SignalEvent | undefined;
            try {
              out = state.decide(event);
            } catch (error: unknown) {
              fail(error);
              return;
            }
            if (out !== undefined) subscriber.next(out);
          },
          error: fail,
          complete: () => {
            gateInput.complete();
            signalInput.complete();
            subscriber.complete();
          },
        }),
      );
      return subscription;
    });
}

/**
 * Gates a signal by a higher-timeframe trend, per instrument: e.g. a crossover on 15-minute bars
 * that may only go long while the daily close is above its 50-day SMA. The input stream carries
 * both timeframes (bars carry their `timeframe`; resample the base bars upstream). Bars of
 * `gateTimeframe` feed `gate`; the other events (or only `signalTimeframe` bars) feed `signal`.
 *
 * **No look-ahead.** A gate bar is applied only once it is known: just before the first signal
 * event whose `knownAt` is at or after the gate bar's `knownAt` (for a daily bar labelled at IST
 * midnight, the next day). Even a feed ordered by bar open time cannot leak a daily close into
 * that day's intraday decisions. Gate bars must arrive in time order per instrument.
 *
 * **Gating.** The gate's latest opinion allows a direction: long allows longs, short allows
 * shorts, flat (and no opinion yet) allows nothing. The result is the signal's direction when
 * allowed and flat otherwise; it is re-evaluated on every signal event, so a long that the gate
 * blocked is taken later if the gate turns long while the signal still says long. With
 * `gateExits: false`, a gate change never closes an open opinion.
 *
 * Emits only when the gated direction changes: an allowed opinion carries the signal's
 * confidence, stop and target (levels no longer on the right side of the price are dropped) and
 * reason; a blocked one is a flat with the gate's confidence. `time` = `knownAt` of the signal
 * event it was decided on, `price` its last price.
 *
 * @example
 * ```ts
 * const trendFollowing = multiTimeframe({
 *   signal: crossoverSignal({ fast: () => new Ema(9), slow: () => new Ema(21) }),
 *   gate: crossoverSignal({ fast: 'price', slow: () => new Sma(50), emitInitial: true }),
 *   gateTimeframe: '1d',
 *   signalTimeframe: '15m',
 * });
 * merged$.pipe(trendFollowing(ctx)).subscribe((s) => console.log(s.direction, s.reason));
 * ```
 */
export function multiTimeframe<P = unknown>(options: MultiTimeframeOptions<P>): Signal<P> {
  const parsed = parseWith(OptionsSchema, options, 'multiTimeframe options');
  return perInstrument<P>(() => (ctx) => gatedLane(parsed, ctx));
}
