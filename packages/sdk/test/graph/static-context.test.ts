import { lastValueFrom, of, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { PravahError, ValidationError } from '../../src/errors/index.js';
import {
  UnknownInstrumentError,
  instrumentRegistry,
  silentLogger,
  staticContext,
  type PositionView,
  type StaticPortfolio,
} from '../../src/graph/index.js';
import { parseOrder, type Order } from '../../src/model/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { orderInput } from '../model/fixtures.js';
import { INFY, TCS, bar } from './stages.js';

const infyLong: PositionView = {
  instrument: 'NSE:INFY',
  product: 'MIS',
  quantity: 10,
  averagePrice: 1500,
  lastPrice: 1510,
  unrealisedPnl: 100,
};
const infyShortCnc: PositionView = {
  ...infyLong,
  product: 'CNC',
  quantity: -4,
  unrealisedPnl: -40,
};
const tcsLong: PositionView = { ...infyLong, instrument: 'NSE:TCS', quantity: 2, lastPrice: 3000 };
const openOrder: Order = parseOrder(orderInput);
const cancelledOrder: Order = parseOrder({
  ...orderInput,
  id: 'sma-2',
  status: 'CANCELLED',
  history: [
    ...orderInput.history,
    { status: 'CANCELLED', time: orderInput.history[2].time + 1, filledQuantity: 40 },
  ],
});
const tcsOrder: Order = parseOrder({
  ...orderInput,
  id: 'sma-3',
  intent: { ...orderInput.intent, instrument: 'NSE:TCS' },
});

describe('staticContext', () => {
  it('has plain defaults: time 0, flat empty portfolio, silent logger, empty market$', async () => {
    const ctx = staticContext({ params: { quantity: 5 }, instruments: [] });
    expect(ctx.params).toEqual({ quantity: 5 });
    expect(ctx.clock.now()).toBe(0);
    expect(ctx.portfolio.cash()).toBe(0);
    expect(ctx.portfolio.equity()).toBe(0);
    expect(ctx.portfolio.positions()).toEqual([]);
    expect(ctx.portfolio.openOrders()).toEqual([]);
    expect(ctx.portfolio.positionQuantity('NSE:INFY')).toBe(0);
    expect(ctx.portfolio.position('NSE:INFY')).toBeUndefined();
    expect(ctx.portfolio.today()).toEqual({ realised: 0, marked: 0 });
    expect(ctx.portfolio.thisWeek()).toEqual({ realised: 0, marked: 0 });
    expect(ctx.logger).toBe(silentLogger);
    expect(await lastValueFrom(ctx.market$.pipe(toArray()))).toEqual([]);
    expect(Object.isFrozen(ctx)).toBe(true);
    expect(Object.isFrozen(ctx.portfolio)).toBe(true);
    expect(Object.isFrozen(ctx.clock)).toBe(true);
    expect(Object.isFrozen(ctx.portfolio.today())).toBe(true);
  });

  it('reads the clock from a number or from a function on every call', () => {
    expect(staticContext({ params: {}, instruments: [], now: 42 }).clock.now()).toBe(42);
    let time = 1;
    const ctx = staticContext({ params: {}, instruments: [], now: () => time });
    expect(ctx.clock.now()).toBe(1);
    time = 2;
    expect(ctx.clock.now()).toBe(2);
  });

  it('marks equity as cash plus positions at their last price unless given', () => {
    const portfolio: StaticPortfolio = {
      cash: 100_000,
      positions: [infyLong, infyShortCnc, tcsLong],
    };
    const ctx = staticContext({ params: {}, instruments: [INFY, TCS], portfolio });
    // 100,000 + 10 x 1510 - 4 x 1510 + 2 x 3000
    expect(ctx.portfolio.equity()).toBe(115_060);
    expect(ctx.portfolio.peakEquity()).toBe(115_060);
    expect(ctx.portfolio.startOfDayEquity()).toBe(115_060);
    expect(ctx.portfolio.startOfWeekEquity()).toBe(115_060);
    const given = staticContext({
      params: {},
      instruments: [],
      portfolio: {
        ...portfolio,
        equity: 120_000,
        peakEquity: 125_000,
        startOfDayEquity: 118_000,
        startOfWeekEquity: 110_000,
      },
    });
    expect(given.portfolio.equity()).toBe(120_000);
    expect(given.portfolio.peakEquity()).toBe(125_000);
    expect(given.portfolio.startOfDayEquity()).toBe(118_000);
    expect(given.portfolio.startOfWeekEquity()).toBe(110_000);
  });

  it('nets positions across products and finds them by instrument', () => {
    const ctx = staticContext({
      params: {},
      instruments: [],
      portfolio: { cash: 0, positions: [infyLong, infyShortCnc, tcsLong] },
    });
    expect(ctx.portfolio.positionQuantity('NSE:INFY')).toBe(6);
    expect(ctx.portfolio.positionQuantity('NSE:TCS')).toBe(2);
    expect(ctx.portfolio.position('NSE:TCS')).toBe(tcsLong);
    expect(ctx.portfolio.positions()).toHaveLength(3);
  });

  it('lists only non-terminal orders, optionally for one instrument', () => {
    const ctx = staticContext({
      params: {},
      instruments: [],
      portfolio: { cash: 0, openOrders: [openOrder, cancelledOrder, tcsOrder] },
    });
    expect(ctx.portfolio.openOrders()).toEqual([openOrder, tcsOrder]);
    expect(ctx.portfolio.openOrders('NSE:TCS')).toEqual([tcsOrder]);
    expect(ctx.portfolio.openOrders('NSE:RELIANCE')).toEqual([]);
  });

  it('re-reads a portfolio function on every call, so it can change between events', () => {
    let cash = 10;
    const ctx = staticContext({
      params: {},
      instruments: [],
      portfolio: () => ({ cash, today: { realised: cash, marked: 0 } }),
    });
    expect(ctx.portfolio.cash()).toBe(10);
    cash = 20;
    expect(ctx.portfolio.cash()).toBe(20);
    expect(ctx.portfolio.today()).toEqual({ realised: 20, marked: 0 });
  });

  it('passes the given logger and market$ through', async () => {
    const lines: string[] = [];
    const logger = { ...silentLogger, info: (message: string) => void lines.push(message) };
    const ctx = staticContext({ params: {}, instruments: [], logger, market$: of(bar(0, 1)) });
    ctx.logger.info('hello');
    expect(lines).toEqual(['hello']);
    expect(await lastValueFrom(ctx.market$.pipe(toArray()))).toEqual([bar(0, 1)]);
  });
});

describe('instrumentRegistry', () => {
  const registry = instrumentRegistry([INFY, TCS]);

  it('gets, checks and lists instruments', () => {
    expect(registry.get('NSE:INFY')).toBe(INFY);
    expect(registry.has('NSE:TCS')).toBe(true);
    expect(registry.has('NSE:RELIANCE')).toBe(false);
    expect(registry.all()).toEqual([INFY, TCS]);
    expect(Object.isFrozen(registry.all())).toBe(true);
  });

  it('throws an UnknownInstrumentError saying what to do for an unknown id', () => {
    let thrown: unknown;
    try {
      registry.get('NSE:RELIANCE');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnknownInstrumentError);
    expect(thrown).toBeInstanceOf(PravahError);
    expect(thrown).toMatchObject({
      code: 'UNKNOWN_INSTRUMENT',
      instrument: 'NSE:RELIANCE',
      message: `Unknown instrument "NSE:RELIANCE": add it to the strategy's universe or the run's instrument list`,
    });
  });

  it('rejects a list that holds an instrument twice', () => {
    const error = expectValidationError(
      () => instrumentRegistry([INFY, TCS, INFY]),
      '2.id',
      'NSE:INFY',
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      'Invalid instrument list: 2.id: is listed twice: give each instrument once (got "NSE:INFY")',
    );
  });
});
