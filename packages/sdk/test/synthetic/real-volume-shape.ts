import { readdirSync, readFileSync } from 'node:fs';
import { istMinuteOfDay, parseIstNaive } from '../../src/time/index.js';

const DIR = new URL('../../../../../shared/data/nse/stocks_1min_2016/', import.meta.url);

/** Mean volume of the first and last 30 minutes of a 09:15-15:30 day, relative to 12:00-13:00. */
export interface VolumeShape {
  readonly firstHalfHour: number;
  readonly lastHalfHour: number;
}

/** {@link VolumeShape} of minute bars given as (IST epoch ms, volume) pairs. */
export function volumeShape(bars: Iterable<{ time: number; volume: number }>): VolumeShape {
  const sum = [0, 0, 0];
  const count = [0, 0, 0];
  for (const b of bars) {
    const m = istMinuteOfDay(b.time);
    const bucket = m < 555 + 30 ? 0 : m >= 930 - 30 ? 1 : m >= 720 && m < 780 ? 2 : -1;
    if (bucket < 0) continue;
    sum[bucket]! += b.volume;
    count[bucket]!++;
  }
  const mid = sum[2]! / count[2]!;
  return { firstHalfHour: sum[0]! / count[0]! / mid, lastHalfHour: sum[1]! / count[1]! / mid };
}

/** Range of {@link VolumeShape} over the real 2016 NSE stock minute files (index skipped). */
export function realVolumeShape(): {
  firstHalfHour: { min: number; max: number };
  lastHalfHour: { min: number; max: number };
} {
  const shapes = readdirSync(DIR)
    .filter((f) => !f.startsWith('NIFTY50'))
    .map((file) =>
      volumeShape(
        readFileSync(new URL(file, DIR), 'utf8')
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => {
            const cols = line.split(',');
            return { time: parseIstNaive(cols[1]!.trim()), volume: Number(cols[6]) };
          }),
      ),
    );
  const range = (xs: number[]) => ({ min: Math.min(...xs), max: Math.max(...xs) });
  return {
    firstHalfHour: range(shapes.map((s) => s.firstHalfHour)),
    lastHalfHour: range(shapes.map((s) => s.lastHalfHour)),
  };
}
