import type { FillPriceModel } from '@pravah/backtest';
import { UsageError } from './usage-error.js';

/** `--fail-on red|amber|never`. */
export type FailOn = 'red' | 'amber' | 'never';

export function parseFailOn(value: string | undefined): FailOn {
  const v = value ?? 'never';
  if (v === 'red' || v === 'amber' || v === 'never') return v;
  throw new UsageError(
    `--fail-on must be red, amber or never, not "${v}"`,
    'e.g. --fail-on red fails the build on a red grade',
  );
}

/** Whether a badge fails the run under `--fail-on`. */
export function gradeFails(badge: 'green' | 'amber' | 'red', failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'red') return badge === 'red';
  return badge !== 'green';
}

/** A finite number from an option, or a UsageError naming the option. */
export function parseNumberOption(
  name: string,
  value: string | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new UsageError(`--${name} must be a number, not "${value}"`);
  return n;
}

/** An IST date or date-time option (`2024-01-01` or `2024-01-01T09:15`) as epoch ms. */
export function parseDateOption(
  name: string,
  value: string | undefined,
  endOfDay: boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(value);
  if (!m)
    throw new UsageError(
      `--${name} must be a date like 2024-01-31 or 2024-01-31T09:15 (IST), not "${value}"`,
    );
  const [, y, mo, d, h, mi] = m;
  const hours = h === undefined ? (endOfDay ? 23 : 0) : Number(h);
  const minutes = mi === undefined ? (endOfDay ? 59 : 0) : Number(mi);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), hours, minutes) - 19_800_000;
  if (Number.isNaN(utc)) throw new UsageError(`--${name} is not a valid date: "${value}"`);
  return endOfDay && h === undefined ? utc + 59_999 : utc;
}

/** `--params '<json>'` as an object (validated later by the strategy's schema). */
export function parseParamsOption(value: string | undefined): unknown {
  if (value === undefined) return {};
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new UsageError(
      `--params must be JSON, not ${value}`,
      `e.g. --params '{"fast":5,"slow":20}'`,
    );
  }
}

/** Slippage choices of `--slippage none|bps:N|ticks:N|volume`, resolved by the caller's factory. */
export type SlippageChoice =
  | { kind: 'none' }
  | { kind: 'bps'; value: number }
  | { kind: 'ticks'; value: number }
  | { kind: 'volume' };

export function parseSlippage(value: string | undefined): SlippageChoice {
  const v = value ?? 'none';
  if (v === 'none') return { kind: 'none' };
  if (v === 'volume') return { kind: 'volume' };
  const m = /^(bps|ticks):(\d+(?:\.\d+)?)$/.exec(v);
  if (m) return { kind: m[1] as 'bps' | 'ticks', value: Number(m[2]) };
  throw new UsageError(
    `--slippage must be none, bps:N, ticks:N or volume, not "${v}"`,
    'e.g. --slippage bps:5',
  );
}

export type { FillPriceModel };
