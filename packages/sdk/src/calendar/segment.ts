import type { Exchange } from '../model/exchange.js';

/**
 * Market segments that have their own sessions and holiday lists:
 * `cash` (NSE/BSE equity), `fno` (NFO/BFO equity derivatives), `currency` (CDS/BCD),
 * `commodity` (MCX).
 */
export const MARKET_SEGMENTS = ['cash', 'fno', 'currency', 'commodity'] as const;
export type MarketSegment = (typeof MARKET_SEGMENTS)[number];

/** A segment name, or an exchange code standing for its segment (`NFO` means `fno`). */
export type SegmentInput = MarketSegment | Exchange;

const SEGMENT_OF_EXCHANGE: Readonly<Record<Exchange, MarketSegment>> = {
  NSE: 'cash',
  BSE: 'cash',
  NFO: 'fno',
  BFO: 'fno',
  CDS: 'currency',
  BCD: 'currency',
  MCX: 'commodity',
};

/**
 * The market segment an exchange code trades in, or the segment itself; `undefined` for
 * anything else.
 *
 * @example
 * ```ts
 * segmentOf('NFO'); // 'fno'
 * segmentOf('cash'); // 'cash'
 * ```
 */
export function segmentOf(input: string): MarketSegment | undefined {
  if ((MARKET_SEGMENTS as readonly string[]).includes(input)) return input as MarketSegment;
  return Object.prototype.hasOwnProperty.call(SEGMENT_OF_EXCHANGE, input)
    ? SEGMENT_OF_EXCHANGE[input as Exchange]
    : undefined;
}
