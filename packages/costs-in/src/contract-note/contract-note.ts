import {
  parseWith,
  ValidationError,
  type Charges,
  type Exchange,
  type Product,
  type Side,
} from '@pravah/sdk';
import type Decimal from 'decimal.js';
import { z } from 'zod';
import { finalize } from '../charges/amounts.js';
import { aggregate, type OrderEntry, type SegmentStt } from '../charges/aggregate.js';
import { termsOf } from '../charges/charges.js';
import { ExerciseSchema, exerciseStt, type Exercise } from '../charges/exercise.js';
import { exact, ZERO } from '../money/index.js';
import type { TradedInstrumentType } from '../orders/charge-order.js';
import type { BrokerPlan } from '../plans/index.js';
import { perOrderRounding, type RoundingPolicy } from '../rounding/index.js';
import { ContractNoteFillSchema, type ContractNoteFill } from './contract-note-fill.js';
import { dpCharges, type DpCharges } from './dp-charges.js';

/** Options of {@link contractNote}. */
export interface ContractNoteOptions {
  readonly plan: BrokerPlan;
  /** Default {@link perOrderRounding}; a printed contract note is {@link perContractNoteRounding}. */
  readonly rounding?: RoundingPolicy;
  /** Long options exercised at expiry that day: their STT joins the segment's STT. */
  readonly exercises?: readonly Exercise[];
}

/** One executed order on the note (fills sharing an order id merged). */
export interface ContractNoteOrder {
  readonly orderId: string;
  readonly exchange: Exchange;
  readonly symbol: string;
  readonly instrumentType: TradedInstrumentType;
  readonly product: Product;
  readonly side: Side;
  readonly quantity: number;
  /** Σ quantity × price of its fills (premium for options). */
  readonly value: Decimal;
  /** value / quantity. */
  readonly averagePrice: Decimal;
  /**
   * This order's share, each line rounded as the policy rounds lines, before any contract-note
   * rounding. The note's lines are computed from the unrounded shares, so they may differ from
   * the sum of these by a few paise, and STT by up to a rupee under per-contract-note rounding.
   */
  readonly charges: Charges;
}

/** A day's contract note of one client. */
export interface ContractNote {
  readonly tradeDate: string;
  readonly plan: string;
  readonly rounding: string;
  readonly orders: readonly ContractNoteOrder[];
  /** STT/CTT per exchange segment, before and after contract-note rounding. */
  readonly sttBySegment: readonly SegmentStt[];
  /** The note's line totals and total. */
  readonly charges: Charges;
  readonly dp: DpCharges;
  /** Σ value of buys. */
  readonly buyValue: Decimal;
  /** Σ value of sells. */
  readonly sellValue: Decimal;
  /**
   * Net obligation: sellValue − buyValue − charges.total − dp.total. Positive: receivable by the
   * client; negative: payable by the client.
   */
  readonly netObligation: Decimal;
}

const InputSchema = z.object({
  fills: z.array(ContractNoteFillSchema),
  exercises: z.array(ExerciseSchema).optional(),
});

interface OrderDraft {
  first: ContractNoteFill;
  orderId: string;
  quantity: number;
  value: Decimal;
  autoSquareOff: boolean;
  security: string;
}

const SAME_ORDER_FIELDS = ['exchange', 'symbol', 'instrumentType', 'product', 'side'] as const;

/**
 * One client's contract note for a day: fills grouped into executed orders (by `orderId`), each
 * order assessed at the rates in force on the day, STT/CTT and stamp duty summed per exchange
 * segment and rounded there when the policy says so, every line totalled and rounded, the
 * note's total, DP charges (once per security per day on delivery sells, + GST) and the net
 * obligation.
 *
 * Throws a ValidationError naming the field (e.g. `fills.2.tradeDate` when fills span days, or
 * `fills.1.side` when fills of one order disagree) and a RateNotScheduledError for dates
 * without rates.
 *
 * @example
 * ```ts
 * const note = contractNote(
 *   [
 *     { exchange: 'MCX', instrumentType: 'CE', product: 'NRML', side: 'BUY', quantity: 20,
 *       price: 491.45, tradeDate: '2025-06-18', symbol: 'CRUDEOILM25JUL6300CE' },
 *     { exchange: 'MCX', instrumentType: 'CE', product: 'NRML', side: 'SELL', quantity: 20,
 *       price: 475.6, tradeDate: '2025-06-18', symbol: 'CRUDEOILM25JUL6300CE' },
 *   ],
 *   { plan: zerodha(), rounding: perContractNoteRounding },
 * );
 * note.charges.stt.toFixed(2);    // '5.00' (CTT 4.756 rounded to the rupee)
 * note.netObligation.toFixed(2);  // negative: the client pays
 * ```
 */
export function contractNote(
  fills: readonly ContractNoteFill[],
  options: ContractNoteOptions,
): ContractNote {
  const input = parseWith(InputSchema, { fills, exercises: options.exercises }, 'contract note');
  const policy = options.rounding ?? perOrderRounding;
  const { plan } = options;
  const tradeDate = input.fills[0]?.tradeDate ?? input.exercises?.[0]?.tradeDate;
  if (tradeDate === undefined) {
    throw new ValidationError('contract note', [
      {
        field: 'fills',
        value: fills,
        message: 'a contract note needs at least one fill or exercise',
      },
    ]);
  }
  const dated = [
    ...input.fills.map((f, i) => ({ field: `fills.${i}.tradeDate`, date: f.tradeDate })),
    ...(input.exercises ?? []).map((e, i) => ({
      field: `exercises.${i}.tradeDate`,
      date: e.tradeDate,
    })),
  ];
  for (const { field, date } of dated) {
    if (date !== tradeDate) {
      throw new ValidationError('contract note', [
        {
          field,
          value: date,
          message: `a contract note covers one day (${tradeDate}): split the fills by trade date`,
        },
      ]);
    }
  }

  const drafts = new Map<string, OrderDraft>();
  input.fills.forEach((fill, i) => {
    const orderId = fill.orderId ?? `#${i + 1}`;
    const value = exact(fill.price).times(fill.quantity);
    const draft = drafts.get(orderId);
    if (draft === undefined) {
      drafts.set(orderId, {
        first: fill,
        orderId,
        quantity: fill.quantity,
        value,
        autoSquareOff: fill.autoSquareOff === true,
        security: fill.isin ?? fill.symbol,
      });
      return;
    }
    for (const key of SAME_ORDER_FIELDS) {
      if (fill[key] !== draft.first[key]) {
        throw new ValidationError('contract note', [
          {
            field: `fills.${i}.${key}`,
            value: fill[key],
            message: `fills of order ${orderId} must share ${key} (${String(draft.first[key])})`,
          },
        ]);
      }
    }
    draft.quantity += fill.quantity;
    draft.value = draft.value.plus(value);
    draft.autoSquareOff ||= fill.autoSquareOff === true;
  });

  const entries: OrderEntry[] = [];
  for (const d of drafts.values()) {
    const terms = termsOf(d.first, d.first.side, d.autoSquareOff);
    entries.push({ terms, value: d.value, exchange: d.first.exchange });
  }
  const extraStt = (input.exercises ?? []).map((e) => ({
    exchange: e.exchange,
    amount: exerciseStt(e),
  }));
  const { perOrder, totals, sttBySegment } = aggregate(entries, plan, policy, extraStt);

  let buyValue: Decimal = ZERO;
  let sellValue: Decimal = ZERO;
  const orders: ContractNoteOrder[] = [];
  const sold = new Set<string>();
  [...drafts.values()].forEach((d, i) => {
    const f = d.first;
    if (f.side === 'BUY') buyValue = buyValue.plus(d.value);
    else sellValue = sellValue.plus(d.value);
    if (f.side === 'SELL' && f.instrumentType === 'EQ' && f.product === 'CNC') sold.add(d.security);
    orders.push(
      Object.freeze({
        orderId: d.orderId,
        exchange: f.exchange,
        symbol: f.symbol,
        instrumentType: f.instrumentType,
        product: f.product,
        side: f.side,
        quantity: d.quantity,
        value: d.value,
        averagePrice: d.value.dividedBy(d.quantity),
        charges: finalize(perOrder[i]!, policy),
      }),
    );
  });

  const dp = dpCharges([...sold], plan, tradeDate, policy);
  const noteCharges = finalize(totals, policy);
  return Object.freeze({
    tradeDate,
    plan: plan.name,
    rounding: policy.name,
    orders: Object.freeze(orders),
    sttBySegment: Object.freeze(sttBySegment),
    charges: noteCharges,
    dp,
    buyValue,
    sellValue,
    netObligation: sellValue.minus(buyValue).minus(noteCharges.total).minus(dp.total),
  });
}
