import type { z } from 'zod';
import {
  createStrategyGraph,
  instrumentRegistry,
  silentLogger,
  type Instrument,
  type OrderIntent,
  type Strategy,
  type Tick,
} from '@pravah/sdk';
import { Subject } from 'rxjs';
import { PaperBroker, type OrderRequest, type PaperBrokerOptions } from '../../src/index.js';

/** A Kite-valid tag for an intent id (letters and digits, at most 20). */
export const tagOf = (id: string): string => id.replace(/[^A-Za-z0-9]/g, '').slice(-20);

/** The broker request of a strategy's order intent. */
export function intentToRequest(intent: OrderIntent): OrderRequest {
  return {
    instrument: intent.instrument,
    side: intent.side,
    quantity: intent.quantity,
    orderType: intent.orderType,
    product: intent.product,
    validity: intent.validity,
    ...(intent.price !== undefined ? { price: intent.price } : {}),
    ...(intent.triggerPrice !== undefined ? { triggerPrice: intent.triggerPrice } : {}),
    tag: tagOf(intent.id),
  };
}

/**
 * Runs a strategy live-style on a PaperBroker: the broker's tick stream drives the strategy
 * graph (wired like the backtest engine wires it), intents become broker orders (cancel
 * intents become cancelOrder), and every asynchronous acknowledgement settles before the next
 * tick arrives, as on a real feed.
 */
export async function runOnPaper<S extends z.ZodType>(
  strategy: Strategy<S>,
  params: unknown,
  ticks: readonly Tick[],
  instruments: readonly Instrument[],
  options: Omit<PaperBrokerOptions, 'ticks' | 'instruments'> & {
    /** Delivers the ticks through `feed` instead of replaying `ticks` (e.g. from a socket). */
    readonly source?: (feed: (tick: Tick) => void) => Promise<void>;
  },
): Promise<{ broker: PaperBroker; intents: OrderIntent[]; errors: unknown[] }> {
  const feed = new Subject<Tick>();
  const { source, ...brokerOptions } = options;
  const broker = new PaperBroker({ ...brokerOptions, ticks: feed, instruments });
  await broker.whenReady();
  let now = Number.NEGATIVE_INFINITY;
  const intents: OrderIntent[] = [];
  const errors: unknown[] = [];
  const graph = createStrategyGraph(
    strategy,
    {
      clock: { now: () => now },
      portfolio: broker.portfolio(),
      instruments: instrumentRegistry(instruments),
      params: strategy.parseParams(params),
      logger: silentLogger,
    },
    {
      intent: (intent) => {
        intents.push(intent);
        // Order ids the strategy sees (ctx.portfolio) are the broker's. A cancel intent is held
        // on the order it cancels (see the sdk's cancelIntent); any other intent with cancelId
        // is a cancel/replace. Both calls act synchronously; only their answers are async.
        const cancelId = intent.cancelId;
        const cancel = cancelId === undefined ? undefined : broker.cancelOrder(cancelId);
        const done =
          cancelId !== undefined && intent.parentId === cancelId
            ? cancel!
            : Promise.all([cancel, broker.placeOrder(intentToRequest(intent))]);
        done.catch((error: unknown) => errors.push(error));
      },
      risk: () => undefined,
    },
  );
  broker
    .subscribe(
      instruments.map((i) => i.id),
      'full',
    )
    .subscribe((tick) => {
      now = tick.time;
      graph.push(tick);
    });
  if (source !== undefined) await source((tick) => feed.next(tick));
  for (const tick of ticks) {
    feed.next(tick);
    await new Promise((resolve) => setImmediate(resolve));
  }
  graph.complete();
  await broker.flush();
  return { broker, intents, errors };
}
