import type Decimal from 'decimal.js';
import { z } from 'zod';
import { parseWith } from '../errors/parse.js';
import { DecimalSchema } from './charges.js';
import { freezeMessage } from './freeze.js';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';

/** A round trip: a position opened and closed (possibly in several fills, averaged). */
export interface Trade {
  readonly instrument: InstrumentId;
  /** Direction of the round trip. */
  readonly side: 'long' | 'short';
  readonly quantity: number;
  readonly entryTime: number;
  readonly entryPrice: number;
  readonly exitTime: number;
  readonly exitPrice: number;
  /** Gross P&L before charges. */
  readonly grossPnl: Decimal;
  /** Charges of the entry and exit fills (pro rata for partial closes). */
  readonly charges: Decimal;
  /** Net P&L = gross − charges. */
  readonly pnl: Decimal;
}

/** Zod schema of a {@link Trade}: exit not before entry, charges >= 0, pnl = grossPnl − charges. */
export const TradeSchema = z
  .object({
    instrument: InstrumentIdSchema,
    side: z.enum(['long', 'short']),
    quantity: z.number().int().positive(),
    entryTime: z.number().int(),
    entryPrice: z.number().positive(),
    exitTime: z.number().int(),
    exitPrice: z.number().positive(),
    grossPnl: DecimalSchema,
    charges: DecimalSchema,
    pnl: DecimalSchema,
  })
  .superRefine((t, ctx) => {
    if (t.exitTime < t.entryTime) {
      ctx.addIssue({
        code: 'custom',
        path: ['exitTime'],
        message: `is before the entry time ${t.entryTime}`,
      });
    }
    if (t.charges.isNegative()) {
      ctx.addIssue({ code: 'custom', path: ['charges'], message: 'must not be negative' });
    }
    const net = t.grossPnl.minus(t.charges);
    if (!t.pnl.equals(net)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pnl'],
        message: `must equal grossPnl − charges = ${net.toString()}`,
      });
    }
  });

/**
 * Validates a round-trip trade and returns it frozen (money as Decimals); throws a
 * ValidationError otherwise.
 *
 * @example
 * ```ts
 * const trade = parseTrade({ instrument: 'NSE:INFY', side: 'long', quantity: 10, entryTime: 0,
 *   entryPrice: 1500, exitTime: 60_000, exitPrice: 1510, grossPnl: '100', charges: '12.5', pnl: '87.5' });
 * ```
 */
export function parseTrade(input: unknown): Trade {
  return freezeMessage(parseWith(TradeSchema, input, 'trade'));
}
