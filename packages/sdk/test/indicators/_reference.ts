// Plain batch references: straightforward loops over whole arrays, written from the textbook
// definitions independently of the streaming code. Each returns one entry per input, with
// `undefined` where the indicator is still warming up.
import type { OhlcvInput } from '../../src/indicators/index.js';

type Series = (number | undefined)[];

function windowOf(xs: readonly number[], end: number, period: number): number[] {
  return xs.slice(end - period + 1, end + 1);
}

const mean = (w: readonly number[]): number => w.reduce((s, x) => s + x, 0) / w.length;

function populationStd(w: readonly number[]): number {
  if (w.every((x) => x === w[0])) return 0;
  const m = mean(w);
  return Math.sqrt(w.reduce((s, x) => s + (x - m) * (x - m), 0) / w.length);
}

export function smaRef(xs: readonly number[], period: number): Series {
  return xs.map((_, i) => (i + 1 < period ? undefined : mean(windowOf(xs, i, period))));
}

export function emaRef(xs: readonly number[], period: number): Series {
  const alpha = 2 / (period + 1);
  const out: Series = [];
  let e = 0;
  for (let i = 0; i < xs.length; i++) {
    if (i + 1 < period) out.push(undefined);
    else if (i + 1 === period) out.push((e = mean(xs.slice(0, period))));
    else out.push((e = alpha * xs[i]! + (1 - alpha) * e));
  }
  return out;
}

export function wmaRef(xs: readonly number[], period: number): Series {
  const divisor = (period * (period + 1)) / 2;
  return xs.map((_, i) => {
    if (i + 1 < period) return undefined;
    const w = windowOf(xs, i, period);
    return w.reduce((s, x, j) => s + (j + 1) * x, 0) / divisor;
  });
}

export function rsiRef(xs: readonly number[], period: number): Series {
  const out: Series = [undefined];
  let avgGain = 0;
  let avgLoss = 0;
  for (let i = 1; i < xs.length; i++) {
    const change = xs[i]! - xs[i - 1]!;
    const gain = Math.max(change, 0);
    const loss = Math.max(-change, 0);
    if (i < period) {
      avgGain += gain;
      avgLoss += loss;
      out.push(undefined);
      continue;
    }
    if (i === period) {
      avgGain = (avgGain + gain) / period;
      avgLoss = (avgLoss + loss) / period;
    } else {
      avgGain = (avgGain * (period - 1) + gain) / period;
      avgLoss = (avgLoss * (period - 1) + loss) / period;
    }
    if (avgLoss === 0) out.push(avgGain === 0 ? 50 : 100);
    else out.push(100 - 100 / (1 + avgGain / avgLoss));
  }
  return out.slice(0, xs.length);
}

export function macdRef(
  xs: readonly number[],
  fast: number,
  slow: number,
  signal: number,
): ({ macd: number; signal: number; histogram: number } | undefined)[] {
  const f = emaRef(xs, fast);
  const s = emaRef(xs, slow);
  const line = xs.slice(slow - 1).map((_, j) => f[j + slow - 1]! - s[j + slow - 1]!);
  const sig = emaRef(line, signal);
  return xs.map((_, i) => {
    const j = i - (slow - 1);
    if (j < 0 || sig[j] === undefined) return undefined;
    return { macd: line[j]!, signal: sig[j], histogram: line[j]! - sig[j] };
  });
}

export function stdRef(xs: readonly number[], period: number, sample = false): Series {
  return xs.map((_, i) => {
    if (i + 1 < period) return undefined;
    const w = windowOf(xs, i, period);
    if (!sample) return populationStd(w);
    if (w.every((x) => x === w[0])) return 0;
    const m = mean(w);
    return Math.sqrt(w.reduce((s, x) => s + (x - m) * (x - m), 0) / (w.length - 1));
  });
}

export function bollingerRef(
  xs: readonly number[],
  period: number,
  k: number,
): ({ middle: number; upper: number; lower: number } | undefined)[] {
  return xs.map((_, i) => {
    if (i + 1 < period) return undefined;
    const w = windowOf(xs, i, period);
    const middle = mean(w);
    const std = populationStd(w);
    return { middle, upper: middle + k * std, lower: middle - k * std };
  });
}

export function zScoreRef(xs: readonly number[], period: number): Series {
  return xs.map((x, i) => {
    if (i + 1 < period) return undefined;
    const w = windowOf(xs, i, period);
    const std = populationStd(w);
    return std === 0 ? 0 : (x - mean(w)) / std;
  });
}

export function highestRef(xs: readonly number[], period: number): Series {
  return xs.map((_, i) => (i + 1 < period ? undefined : Math.max(...windowOf(xs, i, period))));
}

export function lowestRef(xs: readonly number[], period: number): Series {
  return xs.map((_, i) => (i + 1 < period ? undefined : Math.min(...windowOf(xs, i, period))));
}

function trueRanges(bars: readonly OhlcvInput[]): number[] {
  return bars.map((b, i) => {
    if (i === 0) return b.high - b.low;
    const pc = bars[i - 1]!.close;
    return Math.max(b.high - b.low, Math.abs(b.high - pc), Math.abs(b.low - pc));
  });
}

export function atrRef(bars: readonly OhlcvInput[], period: number): Series {
  const tr = trueRanges(bars);
  const out: Series = [];
  let a = 0;
  for (let i = 0; i < tr.length; i++) {
    if (i + 1 < period) out.push(undefined);
    else if (i + 1 === period) out.push((a = mean(tr.slice(0, period))));
    else out.push((a = (a * (period - 1) + tr[i]!) / period));
  }
  return out;
}

export function adxRef(
  bars: readonly OhlcvInput[],
  period: number,
): ({ adx: number; plusDi: number; minusDi: number } | undefined)[] {
  const tr = trueRanges(bars);
  const out: ({ adx: number; plusDi: number; minusDi: number } | undefined)[] = [undefined];
  let sTr = 0;
  let sPlus = 0;
  let sMinus = 0;
  const dxs: number[] = [];
  let adx = 0;
  for (let i = 1; i < bars.length; i++) {
    const up = bars[i]!.high - bars[i - 1]!.high;
    const down = bars[i - 1]!.low - bars[i]!.low;
    const plusDm = up > down && up > 0 ? up : 0;
    const minusDm = down > up && down > 0 ? down : 0;
    if (i <= period) {
      sTr += tr[i]!;
      sPlus += plusDm;
      sMinus += minusDm;
      if (i < period) {
        out.push(undefined);
        continue;
      }
    } else {
      sTr = sTr - sTr / period + tr[i]!;
      sPlus = sPlus - sPlus / period + plusDm;
      sMinus = sMinus - sMinus / period + minusDm;
    }
    const plusDi = sTr > 0 ? (100 * sPlus) / sTr : 0;
    const minusDi = sTr > 0 ? (100 * sMinus) / sTr : 0;
    const dx = plusDi + minusDi > 0 ? (100 * Math.abs(plusDi - minusDi)) / (plusDi + minusDi) : 0;
    dxs.push(dx);
    if (dxs.length < period) {
      out.push(undefined);
      continue;
    }
    adx = dxs.length === period ? mean(dxs) : (adx * (period - 1) + dx) / period;
    out.push({ adx, plusDi, minusDi });
  }
  return out.slice(0, bars.length);
}

export function stochasticRef(
  bars: readonly OhlcvInput[],
  kPeriod: number,
  dPeriod: number,
  smooth: number,
): ({ k: number; d: number } | undefined)[] {
  const rawK: Series = bars.map((b, i) => {
    if (i + 1 < kPeriod) return undefined;
    const w = bars.slice(i - kPeriod + 1, i + 1);
    const hh = Math.max(...w.map((x) => x.high));
    const ll = Math.min(...w.map((x) => x.low));
    return hh > ll ? (100 * (b.close - ll)) / (hh - ll) : 50;
  });
  const average = (s: Series, n: number): Series =>
    s.map((_, i) => {
      const w = s.slice(Math.max(0, i - n + 1), i + 1);
      if (w.length < n || w.some((x) => x === undefined)) return undefined;
      const nums = w as number[];
      return nums.every((x) => x === nums[0]) ? nums[0] : mean(nums);
    });
  const k = smooth > 1 ? average(rawK, smooth) : rawK;
  const d = average(k, dPeriod);
  return bars.map((_, i) => (d[i] === undefined ? undefined : { k: k[i]!, d: d[i] }));
}

export function sessionVwapRef(
  bars: readonly { time: number; high: number; low: number; close: number; volume: number }[],
): number[] {
  const day = (t: number) => Math.floor((t + 19_800_000) / 86_400_000);
  return bars.map((b, i) => {
    let start = i;
    while (start > 0 && day(bars[start - 1]!.time) === day(b.time)) start--;
    const session = bars.slice(start, i + 1);
    const typical = session.map((x) => (x.high + x.low + x.close) / 3);
    const volume = session.reduce((s, x) => s + x.volume, 0);
    if (volume === 0) return mean(typical);
    return session.reduce((s, x, j) => s + typical[j]! * x.volume, 0) / volume;
  });
}

export function crossoverRef(
  pairs: readonly (readonly [number, number])[],
  epsilon = 0,
): ('above' | 'below' | 'none' | undefined)[] {
  return pairs.map(([a, b], i) => {
    if (i === 0) return undefined;
    const [pa, pb] = pairs[i - 1]!;
    const wasAbove = pa - pb > epsilon;
    const wasBelow = pa - pb < -epsilon;
    if (!wasAbove && a - b > epsilon) return 'above';
    if (!wasBelow && a - b < -epsilon) return 'below';
    return 'none';
  });
}
