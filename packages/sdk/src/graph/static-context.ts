import { EMPTY, type Observable } from 'rxjs';
import { ValidationError } from '../errors/validation-error.js';
import type { Instrument, InstrumentId } from '../model/instrument.js';
import type { MarketEvent } from '../model/market-event.js';
import type { Order } from '../model/order.js';
import { TERMINAL_ORDER_STATUSES } from '../model/order.js';
import { UnknownInstrumentError } from './unknown-instrument-error.js';
import type {
  InstrumentRegistry,
  Logger,
  PeriodPnl,
  PortfolioView,
  PositionView,
  StrategyContext,
} from './strategy-context.js';

/** Plain values describing a portfolio at one moment. */
export interface StaticPortfolio {
  readonly cash: number;
  /** Defaults to cash + marked value of positions. */
  readonly equity?: number;
  readonly peakEquity?: number;
  readonly startOfDayEquity?: number;
  readonly startOfWeekEquity?: number;
  readonly positions?: readonly PositionView[];
  readonly openOrders?: readonly Order[];
  readonly today?: PeriodPnl;
  readonly thisWeek?: PeriodPnl;
}

/** Options of {@link staticContext}. */
export interface StaticContextOptions<P> {
  readonly params: P;
  readonly instruments: readonly Instrument[];
  /** Fixed time, or a function read on every `clock.now()` call. */
  readonly now?: number | (() => number);
  readonly portfolio?: StaticPortfolio | (() => StaticPortfolio);
  readonly logger?: Logger;
  readonly market$?: Observable<MarketEvent>;
}

/**
 * A logger that discards everything.
 *
 * @example
 * ```ts
 * staticContext({ params: {}, instruments: [], logger: silentLogger });
 * ```
 */
export const silentLogger: Logger = Object.freeze({
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
});

/**
 * Instrument lookup over a fixed list. Throws a ValidationError when the list holds an id
 * twice (which one would win is a silent guess otherwise).
 *
 * @example
 * ```ts
 * const registry = instrumentRegistry([parseInstrument(relianceJson)]);
 * registry.get('NSE:RELIANCE').tickSize; // 0.1
 * registry.get('NSE:TCS'); // throws UnknownInstrumentError
 * ```
 */
export function instrumentRegistry(instruments: readonly Instrument[]): InstrumentRegistry {
  const byId = new Map<InstrumentId, Instrument>();
  instruments.forEach((instrument, index) => {
    if (byId.has(instrument.id)) {
      throw new ValidationError('instrument list', [
        {
          field: `${index}.id`,
          value: instrument.id,
          message: 'is listed twice: give each instrument once',
        },
      ]);
    }
    byId.set(instrument.id, instrument);
  });
  const all = Object.freeze([...instruments]);
  return Object.freeze({
    get(id: InstrumentId): Instrument {
      const found = byId.get(id);
      if (!found) throw new UnknownInstrumentError(id);
      return found;
    },
    has: (id: InstrumentId) => byId.has(id),
    all: () => all,
  });
}

const NO_POSITIONS: readonly PositionView[] = Object.freeze([]);

/**
 * A StrategyContext over plain values: what unit tests of stages, notebooks and examples use to
 * run a stage without a runtime. Pass functions for `now` and `portfolio` to let them change
 * between events.
 *
 * @example
 * ```ts
 * const ctx = staticContext({ params: { quantity: 50 }, instruments: [nifty], now: 0,
 *   portfolio: { cash: 1_000_000 } });
 * const targets = await lastValueFrom(from(signals).pipe(fixedQuantity({ quantity: 50 })(ctx), toArray()));
 * ```
 */
export function staticContext<P>(options: StaticContextOptions<P>): StrategyContext<P> {
  const nowOption = options.now ?? 0;
  const now = typeof nowOption === 'function' ? nowOption : () => nowOption;
  const portfolioOption = options.portfolio ?? { cash: 0 };
  const read = typeof portfolioOption === 'function' ? portfolioOption : () => portfolioOption;
  const zero: PeriodPnl = Object.freeze({ realised: 0, marked: 0 });
  // Plain loops over a shared empty list: guards read the portfolio on every market event.
  const positionsOf = (p: StaticPortfolio): readonly PositionView[] => p.positions ?? NO_POSITIONS;
  const equityOf = (p: StaticPortfolio): number => {
    if (p.equity !== undefined) return p.equity;
    let marked = 0;
    for (const pos of positionsOf(p)) marked += pos.quantity * pos.lastPrice;
    return p.cash + marked;
  };
  const portfolio = Object.freeze<PortfolioView>({
    cash: () => read().cash,
    equity: () => equityOf(read()),
    peakEquity: () => read().peakEquity ?? equityOf(read()),
    startOfDayEquity: () => read().startOfDayEquity ?? equityOf(read()),
    startOfWeekEquity: () => read().startOfWeekEquity ?? equityOf(read()),
    positionQuantity: (id) => {
      let quantity = 0;
      for (const pos of positionsOf(read())) if (pos.instrument === id) quantity += pos.quantity;
      return quantity;
    },
    position: (id) => positionsOf(read()).find((pos) => pos.instrument === id),
    positions: () => positionsOf(read()),
    openOrders: (id) =>
      (read().openOrders ?? []).filter(
        (o) =>
          !TERMINAL_ORDER_STATUSES.has(o.status) &&
          (id === undefined || o.intent.instrument === id),
      ),
    today: () => read().today ?? zero,
    thisWeek: () => read().thisWeek ?? zero,
  });
  return Object.freeze({
    clock: Object.freeze({ now }),
    portfolio,
    instruments: instrumentRegistry(options.instruments),
    params: options.params,
    logger: options.logger ?? silentLogger,
    market$: options.market$ ?? EMPTY,
  });
}
