import type { OrderRequest } from '@pravah/brokers';
import type { OrderIntent } from '@pravah/sdk';
import { z } from 'zod';
import type { OrderEvent } from '../order-manager/order-event.js';

/** Everything the runtime journals, one record per line. */
export type JournalRecord =
  | {
      readonly kind: 'start';
      readonly time: number;
      readonly runId: string;
      readonly mode: string;
    }
  /** An intent the strategy emitted, with the run-wide sequence its orders' tags carry. */
  | {
      readonly kind: 'intent';
      readonly time: number;
      readonly sequence: number;
      readonly intent: OrderIntent;
    }
  /** An order created from an intent, journalled before its placement request is sent. */
  | {
      readonly kind: 'order';
      readonly time: number;
      readonly tag: string;
      readonly intentId: string;
      readonly slice: number;
      readonly request: OrderRequest;
      readonly reduceOnly: boolean;
    }
  /** A state machine event of one order (submission, acknowledgement, fill, cancel...). */
  | { readonly kind: 'event'; readonly tag: string; readonly event: OrderEvent }
  | { readonly kind: 'halt'; readonly time: number; readonly reason: string }
  | { readonly kind: 'stop'; readonly time: number; readonly reason: string };

/** The `kind` of a {@link JournalRecord}. */
export type JournalRecordKind = JournalRecord['kind'];

/** Something records can be appended to: the journal file, or nothing in dry tests. */
export interface JournalSink {
  /** Appends a record durably; returns its sequence number. */
  append(record: JournalRecord): number;
}

const time = z.number().int();
// Replay trusts its own writes (CRC-checked) but still checks the shape, so that a journal from
// another version fails loudly instead of rebuilding a wrong state.
export const JournalRecordSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start'), time, runId: z.string(), mode: z.string() }),
  z.object({
    kind: z.literal('intent'),
    time,
    sequence: z.number().int().nonnegative(),
    intent: z.looseObject({ kind: z.literal('intent'), id: z.string() }),
  }),
  z.object({
    kind: z.literal('order'),
    time,
    tag: z.string().min(1),
    intentId: z.string(),
    slice: z.number().int().positive(),
    request: z.looseObject({ tag: z.string(), quantity: z.number().int().positive() }),
    reduceOnly: z.boolean(),
  }),
  z.object({
    kind: z.literal('event'),
    tag: z.string().min(1),
    event: z.looseObject({ type: z.string(), time }),
  }),
  z.object({ kind: z.literal('halt'), time, reason: z.string() }),
  z.object({ kind: z.literal('stop'), time, reason: z.string() }),
]);
