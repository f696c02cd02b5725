import type { Observable, OperatorFunction } from 'rxjs';
import type { Fill } from '../model/fill.js';
import type { MarketEvent } from '../model/market-event.js';
import type { OrderIntent } from '../model/order-intent.js';
import type { RiskEvent } from '../model/risk-event.js';
import type { SignalEvent } from '../model/signal-event.js';
import type { TargetPosition } from '../model/target-position.js';
import type { StrategyContext } from './strategy-context.js';

/** A stage of the strategy graph: a factory from the run's context to an RxJS operator. */
export type Stage<P, In, Out> = (ctx: StrategyContext<P>) => OperatorFunction<In, Out>;

/** Market data, time-ordered across instruments. */
export type DataFeed = Observable<MarketEvent>;

/** Market events in, signal events out. */
export type Signal<P = unknown> = Stage<P, MarketEvent, SignalEvent>;

/** Signals in, lot-aligned target positions out. */
export type RiskSizer<P = unknown> = Stage<P, SignalEvent, TargetPosition>;

/** Target positions in, order intents out (the difference between target and current position). */
export type ExecutionModel<P = unknown> = Stage<P, TargetPosition, OrderIntent>;

/**
 * Order intents in; intents (possibly shrunk) and RiskEvents out. A guard that blocks or shrinks
 * an intent must emit a RiskEvent saying why.
 */
export type RiskGuard<P = unknown> = Stage<P, OrderIntent, OrderIntent | RiskEvent>;

/** Raw venue fills in, fills with an adjusted price out (backtest and paper only). */
export type Slippage<P = unknown> = Stage<P, Fill, Fill>;

/** Fills in, fills with an itemised charges breakdown attached out. */
export type FeeModel<P = unknown> = Stage<P, Fill, Fill>;
