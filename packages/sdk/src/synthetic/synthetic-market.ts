import { nseCalendar } from '../calendar/nse-calendar.js';
import { CalendarInputError } from '../calendar/calendar-errors.js';
import { parseWith } from '../errors/parse.js';
import type { Bar } from '../model/bar.js';
import type { Instrument } from '../model/instrument.js';
import { dayNumberOf, isoDateOfDayNumber, type IsoDate } from '../time/iso-date.js';
import { generateBars } from './bar-generator.js';
import {
  planContracts,
  planDays,
  planEquities,
  planFutureSeries,
  planIndex,
  type DayPlan,
  type MarketPlan,
  type SeriesPlan,
} from './market-plan.js';
import { simulateRegimePath } from './regime-path.js';
import { deriveSeed, SeededRandom } from './seeded-random.js';
import {
  DEFAULT_FUTURE,
  DEFAULT_REGIMES,
  DEFAULT_TRANSITIONS,
  DEFAULT_UNIVERSE,
  SyntheticMarketOptionsSchema,
  type MarketRegime,
  type SyntheticMarketOptions,
} from './synthetic-options.js';

/** A generated market: its instruments, its regime path, and its bars (re-iterable). */
export interface SyntheticMarket {
  readonly seed: number;
  readonly timeframe: '1m' | '1d';
  /** First and last trading day generated (IST). */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Equities, then the index (if asked for), then every future contract, in that order. */
  readonly instruments: readonly Instrument[];
  readonly regimes: readonly MarketRegime[];
  /** The regime of each trading day. */
  readonly regimePath: readonly { readonly date: IsoDate; readonly regime: string }[];
  /**
   * All bars ordered by time, then instrument id. Each call iterates afresh from the seed, so
   * it gives the same bars again; bars are produced lazily, one day at a time.
   */
  bars(): Iterable<Bar>;
}

/**
 * A seeded synthetic NSE market for examples, tests and demos: a regime-switching geometric
 * Brownian motion (Markov switching between calm, choppy and volatile regimes by default) for
 * a market factor, equities as beta x market plus their own noise, and the front-month index
 * future as the market plus cost of carry, rolling at each monthly expiry.
 *
 * - Sessions, holidays, muhurat and special sessions, lot sizes, tick sizes and expiries come
 *   from the calendar (default `nseCalendar`, 2024-2026). Bars are start-labelled (09:15 ..
 *   15:29 on a normal day); `1d` bars aggregate the same minutes and carry IST midnight as
 *   their time. Sessions announced without times are skipped.
 * - Prices are whole ticks (computed as integers), volumes whole numbers with a U-shaped
 *   intraday profile, and every bar is valid (low <= open, close <= high, prices > 0).
 * - Same options and seed, same bars, bit for bit (in V8; other engines' Math.exp/log may
 *   differ in the last bit). Each instrument draws from its own stream, so adding one leaves
 *   the others unchanged.
 *
 * @example
 * ```ts
 * const market = syntheticMarket({ seed: 7, from: '2025-01-01', to: '2025-01-31', timeframe: '1m' });
 * market.instruments.map((i) => i.id); // ['NSE:SYNBANK', 'NSE:SYNTECH', 'NSE:SYNPOWER', 'NFO:NIFTY25JANFUT', 'NFO:NIFTY25FEBFUT']
 * for (const bar of market.bars()) { ... }
 * ```
 */
export function syntheticMarket(options: SyntheticMarketOptions): SyntheticMarket {
  const o = parseWith(SyntheticMarketOptionsSchema, options, 'synthetic market options');
  const calendar = o.calendar ?? nseCalendar;
  const fromDay = dayNumberOf(o.from, 'from');
  const toDay = dayNumberOf(o.to, 'to');
  if (toDay < fromDay)
    throw new CalendarInputError(
      'to',
      o.to,
      `a date on or after from (${isoDateOfDayNumber(fromDay)})`,
    );
  const universe = o.universe ?? DEFAULT_UNIVERSE;
  const future = o.future === null ? undefined : { ...DEFAULT_FUTURE, ...(o.future ?? {}) };
  const regimes = o.regimes ?? DEFAULT_REGIMES;
  const transitions = o.transitions ?? DEFAULT_TRANSITIONS;

  const plannedDays = planDays(calendar, fromDay, toDay, future !== undefined);
  if (plannedDays.length === 0) {
    throw new CalendarInputError(
      'from',
      o.from,
      `a range holding at least one trading day (to ${String(o.to)})`,
    );
  }
  const firstDate = isoDateOfDayNumber(plannedDays[0]!.day);
  const equities = planEquities(calendar, universe, firstDate);
  const series: SeriesPlan[] = [...equities.series];
  const instruments: Instrument[] = [...equities.instruments];
  let contracts: MarketPlan['contracts'] = [];
  let contractOfDay: Int32Array = new Int32Array(plannedDays.length).fill(-1);
  if (future !== undefined) {
    if (future.includeIndex) {
      const index = planIndex(future);
      series.push(index.series);
      instruments.push(index.instrument);
    }
    const chain = planContracts(calendar, future, plannedDays);
    contracts = chain.contracts;
    contractOfDay = chain.contractOfDay;
    if (contracts[0] !== undefined) {
      series.push(planFutureSeries(future, contracts[0]));
      instruments.push(...contracts.map((c) => c.instrument));
    }
  }
  series.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const path = simulateRegimePath(
    new SeededRandom(deriveSeed(o.seed, 'regimes')),
    plannedDays.length,
    transitions,
    o.initialRegime,
  );
  const days: DayPlan[] = plannedDays.map((d, k) => ({
    day: d.day,
    date: isoDateOfDayNumber(d.day),
    regime: path[k] ?? 0,
    cash: d.cash,
    fno: d.fno,
    contract: contractOfDay[k] ?? -1,
  }));
  const plan: MarketPlan = {
    seed: o.seed,
    timeframe: o.timeframe,
    days,
    series,
    contracts,
    instruments,
    regimes,
    carry: future?.carry ?? 0,
    initialMarketLevel: future?.initialLevel ?? 1,
    overnightVarianceShare: o.overnightVarianceShare,
  };
  return Object.freeze({
    seed: o.seed,
    timeframe: o.timeframe,
    from: firstDate,
    to: days[days.length - 1]!.date,
    instruments: Object.freeze(instruments),
    regimes: Object.freeze([...regimes]),
    regimePath: Object.freeze(
      days.map((d) => Object.freeze({ date: d.date, regime: regimes[d.regime]!.name })),
    ),
    bars: (): Iterable<Bar> => ({ [Symbol.iterator]: () => generateBars(plan) }),
  });
}
