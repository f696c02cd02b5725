import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import type { Signal } from '../graph/stages.js';
import type { MarketEvent } from '../model/market-event.js';
import type { SignalEvent } from '../model/signal-event.js';
import {
  bandReason,
  stepBands,
  type BandLevels,
  type BandMode,
  type BandStep,
} from './internal/bands.js';
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

/** Options of {@link thresholdSignal}. */
export interface ThresholdSignalOptions extends SignalOptions {
  /** The series compared with the levels, e.g. `() => new Rsi(14)`. */
  readonly indicator: Series;
  /** Price fed to a numeric indicator. Default `'close'`. */
  readonly source?: PriceSource;
  /** Lower entry level (reversion: long below it; momentum: short below it). */
  readonly lower: number;
  /** Upper entry level (reversion: short above it; momentum: long above it). */
  readonly upper: number;
  /**
   * Reversion: a long exits when the value rises above it. Momentum: a short exits when the
   * value rises above it. Must be >= `lower`. Default: the middle of `lower` and `upper`.
   */
  readonly exitLower?: number;
  /**
   * Reversion: a short exits when the value falls below it. Momentum: a long exits when the
   * value falls below it. Must be <= `upper`. Default: the middle of `lower` and `upper`.
   */
  readonly exitUpper?: number;
  /** `'reversion'` (default: buy weakness, RSI style) or `'momentum'` (buy strength). */
  readonly mode?: BandMode;
}

const OptionsSchema = z
  .object({
    indicator: seriesSchema,
    source: priceSourceSchema.default('close'),
    lower: z.number().finite(),
    upper: z.number().finite(),
    exitLower: z.number().finite().optional(),
    exitUpper: z.number().finite().optional(),
    mode: z.enum(['reversion', 'momentum']).default('reversion'),
    allowShort: allowShortSchema,
    confidence: confidenceSchema,
    name: nameSchema('threshold'),
  })
  .transform((o) => {
    const middle = (o.lower + o.upper) / 2;
    return { ...o, exitLower: o.exitLower ?? middle, exitUpper: o.exitUpper ?? middle };
  })
  .superRefine((o, ctx) => {
    if (o.lower > o.upper) {
      ctx.addIssue({
        code: 'custom',
        path: ['lower'],
        message: `must not exceed upper (${o.upper})`,
      });
    }
    if (o.exitLower < o.lower) {
      ctx.addIssue({
        code: 'custom',
        path: ['exitLower'],
        message: `must be at least lower (${o.lower})`,
      });
    }
    if (o.exitUpper > o.upper) {
      ctx.addIssue({
        code: 'custom',
        path: ['exitUpper'],
        message: `must be at most upper (${o.upper})`,
      });
    }
  });

type Parsed = z.output<typeof OptionsSchema>;

class ThresholdState implements InstrumentState {
  private readonly series: SeriesReader;
  private readonly step: BandStep = { direction: 'flat', exit: 'none', entry: 'none' };
  private readonly levels: BandLevels;

  constructor(private readonly options: Parsed) {
    this.series = seriesReader(options.indicator, options.source, {
      signal: options.name,
      field: 'indicator',
    });
    this.levels = options;
  }

  update(event: MarketEvent): SignalEvent | undefined {
    const value = this.series.update(event);
    if (value === undefined) return undefined;
    const { step, options } = this;
    const current = step.direction;
    stepBands(step, current, value, this.levels, options.mode, options.allowShort);
    if (step.direction === current) return undefined;
    const reason = bandReason(
      options.name,
      formatNumber(value, 4),
      step,
      this.levels,
      options.mode,
    );
    return opinionOn(event, step.direction, options.confidence, reason);
  }
}

/**
 * Threshold bands with hysteresis, per instrument. In the default `reversion` mode a value below
 * `lower` opens a long that lasts until the value rises above `exitLower` (RSI < 30: long until
 * RSI > 50), and a value above `upper` opens a short (with `allowShort`) that lasts until the
 * value falls below `exitUpper`. In `momentum` mode the sides swap: above `upper` is long until
 * below `exitUpper`, below `lower` is short until above `exitLower`.
 *
 * On each value, exits are applied first and then entries from flat, so one value can turn a
 * long straight into a short (RSI jumping from 25 to 75). All comparisons are strict: a value
 * exactly on a level does nothing. While the indicator warms up nothing is decided.
 *
 * Emits only on a change of direction (the instrument starts flat); `time` is `knownAt` of the
 * deciding event, `price` its last price.
 *
 * @example
 * ```ts
 * const rsiReversion = thresholdSignal({
 *   indicator: () => new Rsi(14),
 *   lower: 30, exitLower: 50, // long below 30 until above 50
 *   upper: 70, exitUpper: 50, // short above 70 until below 50
 *   allowShort: true, name: 'RSI(14)',
 * });
 * feed$.pipe(rsiReversion(ctx)).subscribe((s) => console.log(s.reason));
 * ```
 */
export function thresholdSignal(options: ThresholdSignalOptions): Signal {
  const parsed = parseWith(OptionsSchema, options, 'thresholdSignal options');
  return instrumentStateSignal(() => new ThresholdState(parsed));
}
