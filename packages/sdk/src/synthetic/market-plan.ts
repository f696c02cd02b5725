import type { Calendar } from '../calendar/calendar.js';
import {
  CalendarDataMissingError,
  CalendarRangeError,
  UnknownUnderlyingError,
} from '../calendar/calendar-errors.js';
import type { TradingSession } from '../calendar/trading-session.js';
import { parseInstrument, type Instrument, type InstrumentId } from '../model/instrument.js';
import { dayNumberOfIsoDate, isoDateOfDayNumber, type IsoDate } from '../time/iso-date.js';
import type {
  MarketRegime,
  SyntheticEquitySpec,
  SyntheticFutureSpec,
} from './synthetic-options.js';

/** One trading day of the synthetic market. */
export interface DayPlan {
  readonly day: number;
  readonly date: IsoDate;
  readonly regime: number;
  readonly cash: TradingSession | undefined;
  readonly fno: TradingSession | undefined;
  /** Index into {@link MarketPlan.contracts} of the front-month future, or -1. */
  readonly contract: number;
}

/** One emitted price series (the future series rolls through its contracts). */
export interface SeriesPlan {
  readonly kind: 'equity' | 'index' | 'future';
  /** Stable key for the series' random stream. */
  readonly streamKey: string;
  /** Instrument id (for the future: the first contract's, used for ordering only). */
  readonly id: InstrumentId;
  readonly tick: number;
  /** Ticks per rupee (20 for 0.05, 100 for 0.01). */
  readonly ticksPerRupee: number;
  readonly initialPrice: number;
  readonly beta: number;
  readonly idiosyncraticVolatility: number;
  readonly averageDailyVolume: number;
  readonly segment: 'cash' | 'fno';
}

export interface ContractPlan {
  readonly instrument: Instrument;
  readonly expiryDay: number;
}

/** Everything the bar generator needs, resolved from the options and the calendar. */
export interface MarketPlan {
  readonly seed: number;
  readonly timeframe: '1m' | '1d';
  readonly days: readonly DayPlan[];
  /** Series in emission order (by instrument id). */
  readonly series: readonly SeriesPlan[];
  readonly contracts: readonly ContractPlan[];
  readonly instruments: readonly Instrument[];
  readonly regimes: readonly MarketRegime[];
  readonly carry: number;
  readonly initialMarketLevel: number;
  readonly overnightVarianceShare: number;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function ticksPerRupee(tick: number): number {
  const inverse = Math.round(1 / tick);
  if (Math.abs(inverse * tick - 1) > 1e-9) {
    throw new CalendarDataMissingError(
      'tick',
      tick,
      'Synthetic prices need a tick size of 1/n rupees',
    );
  }
  return inverse;
}

/** Session of a segment, or undefined when closed or announced without times (skipped). */
function sessionOrSkip(
  calendar: Calendar,
  day: number,
  segment: 'cash' | 'fno',
): TradingSession | undefined {
  try {
    return calendar.session(isoDateOfDayNumber(day), segment);
  } catch (e) {
    if (e instanceof CalendarDataMissingError) return undefined;
    throw e;
  }
}

/** Trading days with their sessions in [fromDay, toDay]. */
export function planDays(
  calendar: Calendar,
  fromDay: number,
  toDay: number,
  withFuture: boolean,
): { day: number; cash: TradingSession | undefined; fno: TradingSession | undefined }[] {
  const out = [];
  for (let day = fromDay; day <= toDay; day++) {
    const cash = sessionOrSkip(calendar, day, 'cash');
    const fno = withFuture ? sessionOrSkip(calendar, day, 'fno') : undefined;
    if (cash !== undefined || fno !== undefined) out.push({ day, cash, fno });
  }
  return out;
}

/** First day of the month two months before an expiry month, capped at `latest`. */
function listingDateOf(expiry: IsoDate, latest: IsoDate): IsoDate {
  const year = Number(expiry.slice(0, 4));
  const month = Number(expiry.slice(5, 7));
  const m = month - 2 < 1 ? month + 10 : month - 2;
  const y = month - 2 < 1 ? year - 1 : year;
  const listed = `${y}-${String(m).padStart(2, '0')}-01`;
  return listed < latest ? listed : latest;
}

/**
 * Lot size of a contract on its first front-month day. A listing date before the calendar's
 * lot data (early-2024 contracts) falls back to the lot in force on that first day.
 */
function contractLotSize(
  calendar: Calendar,
  underlying: string,
  firstDay: IsoDate,
  listedOn: IsoDate,
): number {
  try {
    return calendar.lotSize(underlying, firstDay, { listedOn });
  } catch (e) {
    if (e instanceof CalendarRangeError) return calendar.lotSize(underlying, firstDay);
    throw e;
  }
}

/** The front-month contract chain of the future over the planned days. */
export function planContracts(
  calendar: Calendar,
  future: SyntheticFutureSpec,
  days: readonly { day: number; fno: TradingSession | undefined }[],
): { contracts: ContractPlan[]; contractOfDay: Int32Array } {
  const contracts: ContractPlan[] = [];
  const contractOfDay = new Int32Array(days.length).fill(-1);
  let current: ContractPlan | undefined;
  days.forEach((d, k) => {
    if (d.fno === undefined) return;
    if (current === undefined || current.expiryDay < d.day) {
      const expiry = calendar.nextExpiry(future.underlying, isoDateOfDayNumber(d.day), 'monthly');
      const [yyyy, mm] = expiry.scheduledDate.split('-');
      const symbol = `${future.underlying}${yyyy!.slice(2)}${MONTHS[Number(mm) - 1]!}FUT`;
      const firstDay = isoDateOfDayNumber(d.day);
      // NSE lists monthlies three months ahead: the contract expiring in month M appears just
      // after the monthly expiry of M-3. The 1st of M-2 stands in for that day.
      const listedOn = listingDateOf(expiry.scheduledDate, firstDay);
      const tick = calendar.tickSize({
        exchange: 'NFO',
        type: 'FUT',
        underlyingKind: 'index',
        referencePrice: future.initialLevel,
        date: firstDay,
      });
      let freezeQuantity: number | undefined;
      try {
        freezeQuantity = calendar.freezeQuantity(future.underlying, firstDay);
      } catch (e) {
        // Not in the data for that date or underlying: the optional field stays absent.
        if (!(e instanceof CalendarRangeError || e instanceof UnknownUnderlyingError)) throw e;
        freezeQuantity = undefined;
      }
      current = {
        instrument: parseInstrument({
          id: `NFO:${symbol}`,
          exchange: 'NFO',
          symbol,
          type: 'FUT',
          name: `Synthetic ${future.underlying} future ${expiry.date}`,
          lotSize: contractLotSize(calendar, future.underlying, firstDay, listedOn),
          tickSize: tick,
          ...(freezeQuantity === undefined ? {} : { freezeQuantity }),
          expiry: expiry.date,
          underlying: future.underlying,
        }),
        expiryDay: dayNumberOfIsoDate(expiry.date),
      };
      contracts.push(current);
    }
    contractOfDay[k] = contracts.length - 1;
  });
  return { contracts, contractOfDay };
}

/** Equity instruments and series (tick from the calendar at the first date and price). */
export function planEquities(
  calendar: Calendar,
  universe: readonly SyntheticEquitySpec[],
  firstDate: IsoDate,
): { instruments: Instrument[]; series: SeriesPlan[] } {
  const instruments: Instrument[] = [];
  const series: SeriesPlan[] = [];
  for (const e of universe) {
    // NSE reviews tick sizes monthly; a synthetic stock keeps the tick of its first month.
    const tick = calendar.tickSize({
      exchange: 'NSE',
      type: 'EQ',
      referencePrice: e.initialPrice,
      date: firstDate,
    });
    const instrument = parseInstrument({
      id: `NSE:${e.symbol}`,
      exchange: 'NSE',
      symbol: e.symbol,
      type: 'EQ',
      ...(e.name === undefined ? {} : { name: e.name }),
      lotSize: 1,
      tickSize: tick,
    });
    instruments.push(instrument);
    series.push({
      kind: 'equity',
      streamKey: instrument.id,
      id: instrument.id,
      tick,
      ticksPerRupee: ticksPerRupee(tick),
      initialPrice: e.initialPrice,
      beta: e.beta,
      idiosyncraticVolatility: e.idiosyncraticVolatility,
      averageDailyVolume: e.averageDailyVolume,
      segment: 'cash',
    });
  }
  return { instruments, series };
}

/** The index instrument and series (index levels move in 0.05 steps, as in the real files). */
export function planIndex(future: SyntheticFutureSpec): {
  instrument: Instrument;
  series: SeriesPlan;
} {
  const instrument = parseInstrument({
    id: `NSE:${future.indexSymbol}`,
    exchange: 'NSE',
    symbol: future.indexSymbol,
    type: 'IDX',
    name: `Synthetic ${future.indexSymbol} index`,
    lotSize: 1,
    tickSize: 0.05,
  });
  return {
    instrument,
    series: {
      kind: 'index',
      streamKey: instrument.id,
      id: instrument.id,
      tick: 0.05,
      ticksPerRupee: 20,
      initialPrice: future.initialLevel,
      beta: 1,
      idiosyncraticVolatility: 0,
      averageDailyVolume: 0,
      segment: 'cash',
    },
  };
}

/** The future's series (its instrument changes with the front-month contract). */
export function planFutureSeries(future: SyntheticFutureSpec, first: ContractPlan): SeriesPlan {
  return {
    kind: 'future',
    streamKey: `future:${future.underlying}`,
    id: first.instrument.id,
    tick: first.instrument.tickSize,
    ticksPerRupee: ticksPerRupee(first.instrument.tickSize),
    initialPrice: future.initialLevel,
    beta: 1,
    idiosyncraticVolatility: 0,
    averageDailyVolume: future.averageDailyVolume,
    segment: 'fno',
  };
}
