import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { Signal } from '../graph/stages.js';
import { RollingStdDev } from '../indicators/rolling-std-dev.js';
import { Sma } from '../indicators/sma.js';
import type { MarketEvent } from '../model/market-event.js';
import type { SignalEvent } from '../model/signal-event.js';
import { bandReason, stepBands, type BandLevels, type BandStep } from './internal/bands.js';
import { instrumentStateSignal, type InstrumentState } from './internal/instrument-state-signal.js';
import { formatNumber, opinionOn } from './internal/opinion.js';
import {
  allowShortSchema,
  confidenceSchema,
  nameSchema,
  priceSourceSchema,
} from './internal/schemas.js';
import { priceReader } from './internal/price-source.js';
import { SignalValueError } from './signal-value-error.js';
import type { PriceSource, SignalOptions } from './types.js';

/** Options of {@link zScoreReversion}. */
export interface ZScoreReversionOptions extends SignalOptions {
  /** Window of the mean and the (population) standard deviation, the latest price included. */
  readonly period: number;
  /** Enter when |z| exceeds this: long below -entry, short above +entry. Default 2. */
  readonly entry?: number;
  /**
   * Leave when z has come back past this level: a long exits above -exit, a short below +exit.
   * Default 0 (back to the mean). Must lie strictly between -entry and entry; a negative value
   * holds the position through the mean.
   */
  readonly exit?: number;
  /**
   * Protective stop, in standard deviations from the mean at entry: a long's stop is
   * `mean - stopZ * sd`. An entry whose |z| is already at or beyond `stopZ` is skipped. Must
   * exceed `entry`. Default: no stop.
   */
  readonly stopZ?: number;
  /** Price the z-score is taken of. Default `'close'`. */
  readonly source?: PriceSource;
}

const OptionsSchema = z
  .object({
    period: z.number().int('must be an integer').min(2, 'must be at least 2'),
    entry: z.number().finite().gt(0, 'must be above 0').default(2),
    exit: z.number().finite().default(0),
    stopZ: z.number().finite().optional(),
    source: priceSourceSchema.default('close'),
    allowShort: allowShortSchema,
    confidence: confidenceSchema,
    name: nameSchema('z-score'),
  })
  .superRefine((o, ctx) => {
    if (!(o.exit > -o.entry && o.exit < o.entry)) {
      ctx.addIssue({
        code: 'custom',
        path: ['exit'],
        message: `must lie strictly between -${o.entry} and ${o.entry}`,
      });
    }
    if (o.stopZ !== undefined && o.stopZ <= o.entry) {
      ctx.addIssue({ code: 'custom', path: ['stopZ'], message: `must exceed entry (${o.entry})` });
    }
  });

type Parsed = z.output<typeof OptionsSchema>;

class ZScoreState implements InstrumentState {
  private readonly mean: Sma;
  private readonly deviation: RollingStdDev;
  private readonly read: (event: MarketEvent) => number;
  private readonly levels: BandLevels;
  private readonly step: BandStep = { direction: 'flat', exit: 'none', entry: 'none' };

  constructor(private readonly options: Parsed) {
    this.mean = new Sma(options.period);
    this.deviation = new RollingStdDev(options.period);
    this.read = priceReader(options.source);
    this.levels = {
      lower: -options.entry,
      upper: options.entry,
      exitLower: -options.exit,
      exitUpper: options.exit,
    };
  }

  update(event: MarketEvent): SignalEvent | undefined {
    const price = this.read(event);
    if (!Number.isFinite(price)) {
      throw new SignalValueError(
        this.options.name,
        'source price',
        price,
        event.instrument,
        event.time,
      );
    }
    const mean = this.mean.update(price);
    const sd = this.deviation.update(price);
    // A flat window has no z-score: decide nothing rather than divide by zero.
    if (mean === undefined || sd === undefined || !(sd > 0)) return undefined;
    const zScore = (price - mean) / sd;
    const { step, options } = this;
    const current = step.direction;
    stepBands(step, current, zScore, this.levels, 'reversion', options.allowShort);
    const stopZ = options.stopZ;
    if (step.entry !== 'none' && stopZ !== undefined && Math.abs(zScore) >= stopZ) {
      // Already past the stop: the stop would sit on the wrong side of the price.
      step.entry = 'none';
      step.direction = step.exit === 'none' ? current : 'flat';
    }
    if (step.direction === current) return undefined;
    const reason = `${bandReason(options.name, formatNumber(zScore, 2), step, this.levels, 'reversion')} (mean ${formatNumber(mean)}, sd ${formatNumber(sd, 4)})`;
    if (step.direction === 'flat') return opinionOn(event, 'flat', options.confidence, reason);
    const sign = step.direction === 'long' ? 1 : -1;
    return opinionOn(event, step.direction, options.confidence, reason, {
      target: mean,
      stop: stopZ === undefined ? undefined : mean - sign * stopZ * sd,
    });
  }
}

/**
 * Z-score mean reversion, per instrument: `z = (price - mean) / sd` over the last `period`
 * prices (population standard deviation, the latest price included). Long when z falls below
 * `-entry`, until z rises above `-exit`; with `allowShort`, short when z rises above `entry`,
 * until z falls below `exit`. The same hysteresis as {@link thresholdSignal} in reversion mode
 * (exits first, then entries, strict comparisons).
 *
 * An entry carries `target` = the mean at entry (where reversion would take the price) and, with
 * `stopZ`, `stop` = `mean ∓ stopZ × sd`. These are levels for the sizer and the execution model;
 * the signal's own opinion follows z only. A window whose prices are all equal has no z-score
 * and decides nothing.
 *
 * Emits only on a change of direction; `time` = `knownAt` of the event, `price` = its last price.
 *
 * @example
 * ```ts
 * const reversion = zScoreReversion({ period: 20, entry: 2, exit: 0.5, stopZ: 3.5, allowShort: true });
 * feed$.pipe(reversion(ctx)).subscribe((s) => console.log(s.direction, s.target, s.reason));
 * ```
 */
export function zScoreReversion(options: ZScoreReversionOptions): Signal {
  const parsed = parseWith(OptionsSchema, options, 'zScoreReversion options');
  return instrumentStateSignal(() => new ZScoreState(parsed));
}
