import type { Signal } from '../graph/stages.js';
import { Adx } from '../indicators/adx.js';
import { BollingerBands } from '../indicators/bollinger-bands.js';
import { Macd } from '../indicators/macd.js';
import { Rsi } from '../indicators/rsi.js';
import { Stochastic } from '../indicators/stochastic.js';
import { KeltnerPosition } from './internal/keltner-position.js';
import { mapIndicator } from './map-indicator.js';
import { thresholdSignal } from './threshold-signal.js';
import { weightedVote, type VoteMember } from './weighted-vote.js';

/** Options of {@link classicVote}. */
export interface ClassicVoteOptions {
  /** Weighted agreement needed to change the vote's direction. Default 0.6. */
  readonly minConfidence?: number;
  /** When false (default) bearish votes count as flat. Members always vote all three ways. */
  readonly allowShort?: boolean;
  /** Prefix of every reason. Default `classic vote`. */
  readonly name?: string;
}

/**
 * The six members of {@link classicVote}, with their weights, for inspection or for a vote of
 * your own (change a weight, drop a member). Each member is a stock signal with `allowShort`
 * on, so it votes long, short or flat; each is documented in {@link classicVote}.
 *
 * @example
 * ```ts
 * const heavierTrend = classicVoteMembers().map((m) => (m.name === 'ADX(14)' ? { ...m, weight: 30 } : m));
 * const vote = weightedVote({ members: heavierTrend, minConfidence: 0.6 });
 * ```
 */
export function classicVoteMembers(): VoteMember[] {
  return [
    {
      name: 'RSI(14)',
      weight: 25,
      signal: thresholdSignal({
        name: 'RSI(14)',
        indicator: () => new Rsi(14),
        lower: 30,
        upper: 70,
        exitLower: 50,
        exitUpper: 50,
        allowShort: true,
      }),
    },
    {
      name: 'MACD(12,26,9)',
      weight: 25,
      signal: thresholdSignal({
        name: 'MACD histogram',
        indicator: mapIndicator(
          () => new Macd(12, 26, 9),
          (m) => m.histogram,
        ),
        mode: 'momentum',
        lower: 0,
        upper: 0,
        allowShort: true,
      }),
    },
    {
      name: 'Bollinger(20,2)',
      weight: 20,
      signal: thresholdSignal({
        name: 'Bollinger %B',
        indicator: mapIndicator(
          () => new BollingerBands(20, 2),
          (b, close) => (b.upper > b.lower ? (close - b.lower) / (b.upper - b.lower) : undefined),
        ),
        lower: 0,
        upper: 1,
        exitLower: 0.5,
        exitUpper: 0.5,
        allowShort: true,
      }),
    },
    {
      name: 'ADX(14)',
      weight: 15,
      signal: thresholdSignal({
        name: 'ADX signed by DI',
        indicator: {
          ohlcv: mapIndicator(
            () => new Adx(14),
            (a) => (a.plusDi > a.minusDi ? a.adx : a.plusDi < a.minusDi ? -a.adx : 0),
          ),
        },
        mode: 'momentum',
        lower: -25,
        upper: 25,
        exitLower: -20,
        exitUpper: 20,
        allowShort: true,
      }),
    },
    {
      name: 'Stochastic(14,3,3)',
      weight: 10,
      signal: thresholdSignal({
        name: 'Stochastic %K',
        indicator: {
          ohlcv: mapIndicator(
            () => new Stochastic(14, 3, 3),
            (s) => s.k,
          ),
        },
        lower: 20,
        upper: 80,
        exitLower: 50,
        exitUpper: 50,
        allowShort: true,
      }),
    },
    {
      name: 'ATR(14) Keltner',
      weight: 5,
      signal: thresholdSignal({
        name: 'Keltner position',
        indicator: { ohlcv: () => new KeltnerPosition(20, 14) },
        mode: 'momentum',
        lower: -1,
        upper: 1,
        exitLower: 0,
        exitUpper: 0,
        allowShort: true,
      }),
    },
  ];
}

/**
 * A ready-made {@link weightedVote} of six classic indicators, on each instrument's bars
 * (ticks work too, as one-price bars). What each member votes:
 *
 * | member | weight | long | short | back to flat |
 * |---|---|---|---|---|
 * | RSI(14) | 25% | RSI < 30 (oversold) | RSI > 70 | long: RSI > 50; short: RSI < 50 |
 * | MACD(12,26,9) | 25% | histogram > 0 | histogram < 0 | never flat once it has a side (0 holds) |
 * | Bollinger(20, 2σ) | 20% | close below the lower band (%B < 0) | above the upper band (%B > 1) | back across the middle band (%B 0.5) |
 * | ADX(14) | 15% | ADX > 25 with +DI > -DI | ADX > 25 with -DI > +DI | ADX < 20 or the DIs swap |
 * | Stochastic(14,3,3) | 10% | slow %K < 20 | slow %K > 80 | %K back across 50 |
 * | ATR(14) Keltner | 5% | close > EMA(20) + 1 ATR | close < EMA(20) - 1 ATR | close back across EMA(20) |
 *
 * So oversold readings (RSI, Bollinger, Stochastic: 55% together) vote to buy weakness, the trend
 * members (MACD, ADX, Keltner: 45%) vote with momentum, and a long needs 60% of the weight:
 * a dip that the trend already confirms. Members that have not warmed up vote flat. With
 * `allowShort` false (the default) every short vote counts as a flat vote. Needs about 35 bars
 * of history before MACD, the slowest member, speaks.
 *
 * @example
 * ```ts
 * const signal = classicVote({ minConfidence: 0.6 });
 * fifteenMinuteBars$.pipe(signal(ctx)).subscribe((s) => console.log(s.direction, s.confidence, s.reason));
 * ```
 */
export function classicVote(options: ClassicVoteOptions = {}): Signal {
  return weightedVote({
    members: classicVoteMembers(),
    minConfidence: options.minConfidence ?? 0.6,
    allowShort: options.allowShort ?? false,
    name: options.name ?? 'classic vote',
  });
}
