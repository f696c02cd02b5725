import type { TradingSession } from '../calendar/trading-session.js';
import type { Bar } from '../model/bar.js';
import type { InstrumentId } from '../model/instrument.js';
import { epochOfIstDayStart } from '../time/iso-date.js';
import { intradayProfile } from './intraday-profile.js';
import type { MarketPlan, SeriesPlan } from './market-plan.js';
import { deriveSeed, SeededRandom } from './seeded-random.js';

const TRADING_DAYS_PER_YEAR = 252;
const MINUTE_MS = 60_000;
/** Log-sd of the day-to-day and minute-to-minute volume noise. */
const DAILY_VOLUME_SD = 0.3;
const MINUTE_VOLUME_SD = 0.5;

/** Mutable per-series state while generating. */
interface SeriesState {
  readonly plan: SeriesPlan;
  readonly rng: SeededRandom;
  /** Idiosyncratic variance of a whole day, and of its intraday part. */
  readonly idioDayVariance: number;
  readonly idioIntradayVariance: number;
  /** Latent (continuous) log price; bars are this rounded to whole ticks. */
  logPrice: number;
  lastCloseTick: number;
  dailyVolume: number;
  instrument: InstrumentId;
  // Daily aggregate (1d timeframe).
  dayOpen: number;
  dayHigh: number;
  dayLow: number;
  dayClose: number;
  dayVolume: number;
}

function sameSittings(a: TradingSession, b: TradingSession): boolean {
  if (a.continuous.length !== b.continuous.length) return false;
  return a.continuous.every(
    (c, i) => c.start === b.continuous[i]?.start && c.end === b.continuous[i]?.end,
  );
}

/** Start times of the union of the sessions' continuous minutes, with membership flags. */
function minuteGrid(cash: TradingSession | undefined, fno: TradingSession | undefined) {
  const only =
    cash === undefined ? fno : fno === undefined || sameSittings(cash, fno) ? cash : undefined;
  if (only !== undefined) {
    const times: number[] = [];
    for (const c of only.continuous)
      for (let t = c.start; t + MINUTE_MS <= c.end; t += MINUTE_MS) times.push(t);
    const all = new Uint8Array(times.length).fill(1);
    return {
      times,
      inCash: cash === undefined ? new Uint8Array(times.length) : all,
      inFno: fno === undefined ? new Uint8Array(times.length) : all,
    };
  }
  const starts: number[] = [];
  for (const s of [cash, fno]) {
    for (const c of s?.continuous ?? []) {
      for (let t = c.start; t + MINUTE_MS <= c.end; t += MINUTE_MS) starts.push(t);
    }
  }
  starts.sort((a, b) => a - b);
  const times: number[] = [];
  for (const t of starts) if (times.length === 0 || times[times.length - 1] !== t) times.push(t);
  const member = (s: TradingSession | undefined): Uint8Array => {
    const flags = new Uint8Array(times.length);
    if (s === undefined) return flags;
    for (let p = 0; p < times.length; p++) {
      const t = times[p] ?? 0;
      for (const c of s.continuous) if (t >= c.start && t + MINUTE_MS <= c.end) flags[p] = 1;
    }
    return flags;
  };
  return { times, inCash: member(cash), inFno: member(fno) };
}

function toTick(logPrice: number, ticksPerRupee: number): number {
  const ticks = Math.round(Math.exp(logPrice) * ticksPerRupee);
  return ticks < 1 ? 1 : ticks;
}

/**
 * Generates the plan's bars in time order (then by instrument id). Every call starts from the
 * seed again, so iterating twice gives the same bars. Prices are whole ticks by construction:
 * a continuous latent log price is rounded to ticks; the high and low of each minute are drawn
 * from the Brownian bridge between its open and close.
 */
export function* generateBars(plan: MarketPlan): Generator<Bar, void, undefined> {
  const marketRng = new SeededRandom(deriveSeed(plan.seed, 'market'));
  const ovn = plan.overnightVarianceShare;
  const states: SeriesState[] = plan.series.map((s) => ({
    plan: s,
    rng: new SeededRandom(deriveSeed(plan.seed, s.streamKey)),
    idioDayVariance:
      (s.idiosyncraticVolatility * s.idiosyncraticVolatility) / TRADING_DAYS_PER_YEAR,
    idioIntradayVariance:
      ((1 - ovn) * s.idiosyncraticVolatility * s.idiosyncraticVolatility) / TRADING_DAYS_PER_YEAR,
    logPrice: Math.log(s.initialPrice),
    lastCloseTick: -1,
    dailyVolume: 0,
    instrument: s.id,
    dayOpen: 0,
    dayHigh: 0,
    dayLow: 0,
    dayClose: 0,
    dayVolume: 0,
  }));
  const daily = plan.timeframe === '1d';
  let logMarket = Math.log(plan.initialMarketLevel);

  for (let k = 0; k < plan.days.length; k++) {
    const day = plan.days[k]!;
    const regime = plan.regimes[day.regime]!;
    const dayVariance = (regime.annualVolatility * regime.annualVolatility) / TRADING_DAYS_PER_YEAR;
    const dayDrift = regime.annualDrift / TRADING_DAYS_PER_YEAR;
    const intradayVariance = (1 - ovn) * dayVariance;
    const intradaySd = Math.sqrt(intradayVariance);
    const contract = day.contract >= 0 ? plan.contracts[day.contract] : undefined;

    // Overnight gap (none before the first day).
    const overnightMarket =
      k === 0 ? 0 : Math.sqrt(ovn * dayVariance) * marketRng.normal() - 0.5 * ovn * dayVariance;
    logMarket += overnightMarket;
    for (const s of states) {
      const p = s.plan;
      const idioDayVariance =
        (p.idiosyncraticVolatility * p.idiosyncraticVolatility) / TRADING_DAYS_PER_YEAR;
      if (p.kind === 'equity' && k > 0) {
        s.logPrice +=
          p.beta * overnightMarket +
          Math.sqrt(ovn * idioDayVariance) * s.rng.normal() -
          0.5 * ovn * idioDayVariance;
      } else if (p.kind === 'index') {
        s.logPrice = logMarket;
      } else if (p.kind === 'future' && contract !== undefined) {
        s.logPrice = logMarket + (plan.carry * (contract.expiryDay - day.day)) / 365;
        s.instrument = contract.instrument.id;
      }
      s.lastCloseTick = -1;
      s.dailyVolume =
        p.averageDailyVolume *
        regime.volumeMultiplier *
        Math.exp(DAILY_VOLUME_SD * s.rng.normal() - 0.5 * DAILY_VOLUME_SD * DAILY_VOLUME_SD);
      s.dayVolume = 0;
      s.dayOpen = -1;
    }

    const { times, inCash, inFno } = minuteGrid(day.cash, day.fno);
    const n = times.length;
    const profile = intradayProfile(n);
    for (let m = 0; m < n; m++) {
      const share = profile[m]!;
      const sqrtShare = Math.sqrt(share);
      const minuteMarketVariance = intradayVariance * share;
      const dMarket =
        dayDrift * share - 0.5 * minuteMarketVariance + intradaySd * sqrtShare * marketRng.normal();
      logMarket += dMarket;
      const time = times[m]!;
      for (const s of states) {
        const p = s.plan;
        const before = s.logPrice;
        let minuteVariance = minuteMarketVariance;
        if (p.kind === 'equity') {
          const idioVariance =
            ((1 - ovn) * p.idiosyncraticVolatility * p.idiosyncraticVolatility * share) /
            TRADING_DAYS_PER_YEAR;
          s.logPrice +=
            p.beta * dMarket + Math.sqrt(idioVariance) * s.rng.normal() - 0.5 * idioVariance;
          minuteVariance = p.beta * p.beta * minuteMarketVariance + idioVariance;
        } else if (p.kind === 'index') {
          s.logPrice = logMarket;
        } else if (contract !== undefined) {
          s.logPrice = logMarket + (plan.carry * (contract.expiryDay - day.day)) / 365;
        }
        const open =
          p.segment === 'cash' ? inCash[m] === 1 : inFno[m] === 1 && contract !== undefined;
        if (!open) {
          s.lastCloseTick = -1;
          continue;
        }
        const tpr = p.ticksPerRupee;
        const openTick = s.lastCloseTick >= 0 ? s.lastCloseTick : toTick(before, tpr);
        const closeTick = toTick(s.logPrice, tpr);
        // Extremes of a Brownian bridge from log(open) to log(close) with this minute's variance.
        const a = Math.log(openTick / tpr);
        const b = s.logPrice;
        const spread = (b - a) * (b - a);
        const hiLog =
          0.5 *
          (a + b + Math.sqrt(spread - 2 * minuteVariance * Math.log(s.rng.uniformPositive())));
        const loLog =
          0.5 *
          (a + b - Math.sqrt(spread - 2 * minuteVariance * Math.log(s.rng.uniformPositive())));
        const highTick = Math.max(openTick, closeTick, Math.round(Math.exp(hiLog) * tpr));
        const lowTick = Math.max(
          1,
          Math.min(openTick, closeTick, Math.round(Math.exp(loLog) * tpr)),
        );
        const volume =
          p.averageDailyVolume === 0
            ? 0
            : Math.max(
                1,
                Math.round(
                  s.dailyVolume *
                    share *
                    Math.exp(
                      MINUTE_VOLUME_SD * s.rng.normal() - 0.5 * MINUTE_VOLUME_SD * MINUTE_VOLUME_SD,
                    ),
                ),
              );
        s.lastCloseTick = closeTick;
        if (daily) {
          if (s.dayOpen < 0) {
            s.dayOpen = openTick;
            s.dayHigh = highTick;
            s.dayLow = lowTick;
          } else {
            if (highTick > s.dayHigh) s.dayHigh = highTick;
            if (lowTick < s.dayLow) s.dayLow = lowTick;
          }
          s.dayClose = closeTick;
          s.dayVolume += volume;
          continue;
        }
        yield {
          kind: 'bar',
          instrument: s.instrument,
          timeframe: '1m',
          time,
          open: openTick / tpr,
          high: highTick / tpr,
          low: lowTick / tpr,
          close: closeTick / tpr,
          volume,
        };
      }
    }
    if (daily) {
      const time = epochOfIstDayStart(day.day);
      for (const s of states) {
        if (s.dayOpen < 0) continue;
        const tpr = s.plan.ticksPerRupee;
        yield {
          kind: 'bar',
          instrument: s.instrument,
          timeframe: '1d',
          time,
          open: s.dayOpen / tpr,
          high: s.dayHigh / tpr,
          low: s.dayLow / tpr,
          close: s.dayClose / tpr,
          volume: s.dayVolume,
        };
      }
    }
  }
}
