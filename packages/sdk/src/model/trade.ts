import { z } from 'zod';
import { InstrumentIdSchema, type InstrumentId } from './instrument.js';
import { DecimalSchema } from './charges.js';
import type Decimal from 'decimal.js';

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

export const TradeSchema = z.object({
  instrument: InstrumentIdSchema,
  side: z.enum(['long', 'short']),
  quantity: z.number().int().positive(),
  entryTime: z.number().int(),
  entryPrice: z.number().finite().positive(),
  exitTime: z.number().int(),
  exitPrice: z.number().finite().positive(),
  grossPnl: DecimalSchema,
  charges: DecimalSchema,
  pnl: DecimalSchema,
});
