import { z } from 'zod';
import { Calendar } from '../calendar/calendar.js';

/** A market regime: the market factor's drift and volatility, and how busy trading is. */
export interface MarketRegime {
  readonly name: string;
  /** Annualised drift of the market factor's log level. */
  readonly annualDrift: number;
  /** Annualised volatility of the market factor. */
  readonly annualVolatility: number;
  /** Multiplies every instrument's volume on days in this regime. */
  readonly volumeMultiplier: number;
}

/** A synthetic equity with every default applied. */
export interface SyntheticEquitySpec {
  readonly symbol: string;
  readonly name?: string | undefined;
  readonly initialPrice: number;
  readonly beta: number;
  readonly idiosyncraticVolatility: number;
  readonly averageDailyVolume: number;
}

/** The synthetic index future with every default applied. */
export interface SyntheticFutureSpec {
  readonly underlying: string;
  readonly initialLevel: number;
  readonly carry: number;
  readonly averageDailyVolume: number;
  readonly includeIndex: boolean;
  readonly indexSymbol: string;
}

/**
 * Three regimes: a calm up-trend, a choppy sideways market and a volatile sell-off. Volatilities
 * are in the range NIFTY has shown (about 10-35% annualised).
 */
export const DEFAULT_REGIMES: readonly MarketRegime[] = Object.freeze([
  { name: 'calm-trend', annualDrift: 0.18, annualVolatility: 0.11, volumeMultiplier: 0.85 },
  { name: 'choppy', annualDrift: 0, annualVolatility: 0.17, volumeMultiplier: 1 },
  { name: 'volatile', annualDrift: -0.3, annualVolatility: 0.32, volumeMultiplier: 1.6 },
]);

/**
 * Daily switching probabilities between {@link DEFAULT_REGIMES}: regimes persist for weeks
 * (expected spells of about 33, 20 and 12 trading days). Stationary shares are about
 * 0.50 calm, 0.35 choppy, 0.15 volatile.
 */
export const DEFAULT_TRANSITIONS: readonly (readonly number[])[] = Object.freeze([
  Object.freeze([0.97, 0.02, 0.01]),
  Object.freeze([0.03, 0.95, 0.02]),
  Object.freeze([0.03, 0.05, 0.92]),
]);

/** Three synthetic NSE stocks: a bank, an IT company and a sub-Rs-250 utility (0.01 tick). */
export const DEFAULT_UNIVERSE: readonly SyntheticEquitySpec[] = Object.freeze([
  {
    symbol: 'SYNBANK',
    name: 'Synthetic Bank Ltd',
    initialPrice: 1650,
    beta: 1.1,
    idiosyncraticVolatility: 0.18,
    averageDailyVolume: 6_000_000,
  },
  {
    symbol: 'SYNTECH',
    name: 'Synthetic Technologies Ltd',
    initialPrice: 3820,
    beta: 0.8,
    idiosyncraticVolatility: 0.22,
    averageDailyVolume: 2_500_000,
  },
  {
    symbol: 'SYNPOWER',
    name: 'Synthetic Power Ltd',
    initialPrice: 182.4,
    beta: 0.9,
    idiosyncraticVolatility: 0.28,
    averageDailyVolume: 12_000_000,
  },
]);

/** A NIFTY index future starting near 23,600. */
export const DEFAULT_FUTURE: SyntheticFutureSpec = Object.freeze({
  underlying: 'NIFTY',
  initialLevel: 23_600,
  carry: 0.065,
  averageDailyVolume: 3_000_000,
  includeIndex: false,
  indexSymbol: 'NIFTY 50',
});

const symbol = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9&_-]*$/, 'must be an NSE-style symbol, e.g. SYNBANK');

/** One synthetic NSE equity: its price is `beta` x the market factor plus its own noise. */
export const SyntheticEquitySchema = z.object({
  symbol,
  name: z.string().min(1).optional(),
  /** Price on the first day, in rupees. */
  initialPrice: z.number().finite().positive(),
  /** Sensitivity of the log return to the market factor. */
  beta: z.number().finite().min(-3).max(3).default(1),
  /** Annualised volatility of the stock's own (idiosyncratic) return, e.g. 0.2 = 20%. */
  idiosyncraticVolatility: z.number().finite().min(0).max(3).default(0.2),
  /** Mean shares traded per day (split over the day by the U-shaped profile). */
  averageDailyVolume: z.number().int().positive().default(2_000_000),
});

/** The index future: the market factor itself, plus cost of carry to expiry. */
export const SyntheticFutureSchema = z.object({
  /** An index with expiry rules and lot sizes in the calendar, e.g. `NIFTY`. */
  underlying: z.string().regex(/^[A-Z0-9]+$/),
  /** Index level on the first day. */
  initialLevel: z.number().finite().positive(),
  /** Annualised cost of carry (futures premium over the index). */
  carry: z.number().finite().min(-0.5).max(0.5).default(0.065),
  /** Mean units traded per day. */
  averageDailyVolume: z.number().int().positive().default(3_000_000),
  /** Also emit the index itself (type IDX, volume 0, like real index data). */
  includeIndex: z.boolean().default(false),
  /** Instrument symbol of the index, e.g. `NIFTY 50`. */
  indexSymbol: z.string().min(1).default('NIFTY 50'),
});

export const MarketRegimeSchema = z.object({
  name: z.string().min(1),
  /** Annualised drift of the market factor's log level. */
  annualDrift: z.number().finite().min(-5).max(5),
  /** Annualised volatility of the market factor. */
  annualVolatility: z.number().finite().positive().max(3),
  /** Multiplies every instrument's volume on days in this regime. */
  volumeMultiplier: z.number().finite().positive().max(20),
});

export const SyntheticMarketOptionsSchema = z
  .object({
    /** 32-bit unsigned seed: the same seed gives the same bars, bit for bit. */
    seed: z.number().int().min(0).max(4_294_967_295),
    from: z.union([z.iso.date(), z.number().finite()]),
    to: z.union([z.iso.date(), z.number().finite()]),
    timeframe: z.enum(['1m', '1d']).default('1m'),
    /** The equities; default {@link DEFAULT_UNIVERSE}. */
    universe: z.array(SyntheticEquitySchema).optional(),
    /** The index future; default {@link DEFAULT_FUTURE}; `null` for equities only. */
    future: SyntheticFutureSchema.nullable().optional(),
    /** Default {@link DEFAULT_REGIMES}. */
    regimes: z.array(MarketRegimeSchema).min(1).optional(),
    /** Daily Markov switching matrix: row i gives the next day's regime probabilities from i. */
    transitions: z.array(z.array(z.number().min(0).max(1))).optional(),
    /** Regime of the first day (index into `regimes`). */
    initialRegime: z.number().int().min(0).default(0),
    /** Share of a day's variance that arrives overnight (as the opening gap). */
    overnightVarianceShare: z.number().min(0).max(0.9).default(0.2),
    /**
     * Sessions, holidays, tick and lot sizes and expiries come from here; default
     * `nseCalendar` (2024-2026). Pass `nseCalendar.withFallback('weekdaysOnly')` for other years.
     */
    calendar: z.instanceof(Calendar).optional(),
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    o.universe?.forEach((e, i) => {
      if (seen.has(e.symbol))
        ctx.addIssue({
          code: 'custom',
          path: ['universe', i, 'symbol'],
          message: 'duplicate symbol',
        });
      seen.add(e.symbol);
    });
    const regimeCount = o.regimes?.length ?? DEFAULT_REGIMES.length;
    const matrix = o.transitions ?? (o.regimes === undefined ? DEFAULT_TRANSITIONS : undefined);
    if (matrix === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['transitions'],
        message: 'custom regimes need their own transitions matrix',
      });
      return;
    }
    if (matrix.length !== regimeCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['transitions'],
        message: `must have ${regimeCount} rows, one per regime`,
      });
    }
    matrix.forEach((row, i) => {
      const sum = row.reduce((a, b) => a + b, 0);
      if (row.length !== regimeCount || Math.abs(sum - 1) > 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['transitions', i],
          message: `must hold ${regimeCount} probabilities summing to 1`,
        });
      }
    });
    if (o.initialRegime >= regimeCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['initialRegime'],
        message: `must be below ${regimeCount}`,
      });
    }
  });

/** Options of {@link syntheticMarket} (defaults filled in where marked). */
export type SyntheticMarketOptions = z.input<typeof SyntheticMarketOptionsSchema>;
/** An equity of the synthetic universe as given (defaults not yet applied). */
export type SyntheticEquity = z.input<typeof SyntheticEquitySchema>;
/** The synthetic index future as given (defaults not yet applied). */
export type SyntheticFuture = z.input<typeof SyntheticFutureSchema>;
