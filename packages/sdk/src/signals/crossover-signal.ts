import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { Signal } from '../graph/stages.js';
import type { MarketEvent } from '../model/market-event.js';
import type { Direction, SignalEvent } from '../model/signal-event.js';
import { instrumentStateSignal, type InstrumentState } from './internal/instrument-state-signal.js';
import { formatNumber, opinionOn } from './internal/opinion.js';
import {
  allowShortSchema,
  confidenceSchema,
  nameSchema,
  priceSourceSchema,
  seriesSchema,
} from './internal/schemas.js';
import { seriesReader, type SeriesReader } from './internal/series-reader.js';
import type { PriceSource, Series, SignalOptions } from './types.js';

/** Options of {@link crossoverSignal}. */
export interface CrossoverSignalOptions extends SignalOptions {
  /** The series that crosses (e.g. `() => new Sma(10)`, or `'price'`). */
  readonly fast: Series;
  /** The series it crosses (e.g. `() => new Sma(30)`). */
  readonly slow: Series;
  /** Price fed to numeric indicators and to `'price'`. Default `'close'`. */
  readonly source?: PriceSource;
  /**
   * Relative tie tolerance: `fast` and `slow` are tied when
   * `|fast - slow| <= tieTolerance * max(|fast|, |slow|)`. Default `1e-9`: at NIFTY 15,000 that is
   * 0.000015, far below the smallest real difference of two SMAs of 0.05-tick prices
   * (0.05 / 30 ≈ 0.0017 for SMA 10/30) and far above floating-point rounding of a running sum.
   * `0` compares exactly.
   */
  readonly tieTolerance?: number;
  /**
   * When true, the first untied relation after warm-up is emitted as an opinion (fast above
   * slow: long) instead of waiting for the first real cross. Useful for trend gates and for a
   * live start. Default false.
   */
  readonly emitInitial?: boolean;
}

const OptionsSchema = z.object({
  fast: seriesSchema,
  slow: seriesSchema,
  source: priceSourceSchema.default('close'),
  tieTolerance: z
    .number()
    .min(0, 'must be 0 or more')
    .max(0.01, 'must be at most 0.01')
    .default(1e-9),
  emitInitial: z.boolean().default(false),
  allowShort: allowShortSchema,
  confidence: confidenceSchema,
  name: nameSchema('crossover'),
});

type Parsed = z.output<typeof OptionsSchema>;

/** Which side of `slow` the fast series is on: +1 above, -1 below, 0 never seen untied. */
type Side = -1 | 0 | 1;

class CrossoverState implements InstrumentState {
  private readonly fast: SeriesReader;
  private readonly slow: SeriesReader;
  private side: Side = 0;
  private direction: Direction = 'flat';

  constructor(private readonly options: Parsed) {
    this.fast = seriesReader(options.fast, options.source, { signal: options.name, field: 'fast' });
    this.slow = seriesReader(options.slow, options.source, { signal: options.name, field: 'slow' });
  }

  update(event: MarketEvent): SignalEvent | undefined {
    // Both series see every event, even while the other is still warming up.
    const fast = this.fast.update(event);
    const slow = this.slow.update(event);
    if (fast === undefined || slow === undefined) return undefined;
    const difference = fast - slow;
    const tolerance = this.options.tieTolerance * Math.max(Math.abs(fast), Math.abs(slow));
    if (Math.abs(difference) <= tolerance) return undefined; // a tie keeps the previous side
    const side: Side = difference > 0 ? 1 : -1;
    const previous = this.side;
    this.side = side;
    if (side === previous || (previous === 0 && !this.options.emitInitial)) return undefined;
    const direction: Direction = side > 0 ? 'long' : this.options.allowShort ? 'short' : 'flat';
    if (direction === this.direction) return undefined;
    this.direction = direction;
    const movement =
      previous === 0
        ? side > 0
          ? 'fast is above slow'
          : 'fast is below slow'
        : side > 0
          ? 'fast crossed above slow'
          : 'fast crossed below slow';
    const relation = side > 0 ? '>' : '<';
    const reason = `${this.options.name}: ${movement} (${formatNumber(fast, 4)} ${relation} ${formatNumber(slow, 4)}): ${direction}`;
    return opinionOn(event, direction, this.options.confidence, reason);
  }
}

/**
 * Crossover of two series, per instrument: `long` when `fast` crosses above `slow`; `flat` (or
 * `short` with `allowShort`) when it crosses below.
 *
 * **Ties.** A cross is a change of side, where the side is the sign of `fast - slow` at the last
 * event on which the two were NOT tied (see `tieTolerance`). A tie never crosses and never
 * changes the side: below, tie, tie, above is one cross (on the "above" event); below, tie, below
 * is none. This is backtrader's `CrossOver` rule (last non-zero difference); it matters on NSE,
 * where 0.05 ticks make `SMA10 == SMA30` happen.
 *
 * **Warm-up.** Both series are updated on every event; nothing is decided until both are ready.
 * The first untied relation only sets the side (unless `emitInitial`).
 *
 * **Emission.** Only on a change of opinion: the instrument starts flat, and an event is emitted
 * when the direction differs from the last one emitted (so with `allowShort: false` a cross below
 * while already flat emits nothing). `time` is when the deciding event became known (`knownAt`:
 * a bar's close time, a tick's time), `price` its last price.
 *
 * @example
 * ```ts
 * const smaCross = crossoverSignal({ fast: () => new Sma(10), slow: () => new Sma(30) });
 * feed$.pipe(smaCross(ctx)).subscribe((s) => console.log(s.time, s.direction, s.reason));
 * // price against its 50-bar EMA, long and short:
 * const priceCross = crossoverSignal({ fast: 'price', slow: () => new Ema(50), allowShort: true });
 * ```
 */
export function crossoverSignal(options: CrossoverSignalOptions): Signal {
  const parsed = parseWith(OptionsSchema, options, 'crossoverSignal options');
  return instrumentStateSignal(() => new CrossoverState(parsed));
}
