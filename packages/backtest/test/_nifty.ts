import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseInstrument, type Bar, type Instrument } from '@pravah/sdk';

export const NIFTY_DIR = fileURLToPath(
  new URL('../../../../shared/data/nse/nifty_index_1min/', import.meta.url),
);

export const NIFTY_INDEX: Instrument = parseInstrument({
  id: 'NSE:NIFTY 50',
  exchange: 'NSE',
  symbol: 'NIFTY 50',
  type: 'IDX',
  lotSize: 1,
  tickSize: 0.05,
});

/**
 * The 194,423 NIFTY 1-minute bars, read plainly for the reference test: no header,
 * `symbol,YYYYMMDD,HH:MM,o,h,l,c,v,oi`, minutes labelled by their END (so open time = label − 1m).
 */
export function loadNiftyBars(): Bar[] {
  const bars: Bar[] = [];
  for (const file of readdirSync(NIFTY_DIR).sort()) {
    for (const line of readFileSync(NIFTY_DIR + file, 'utf8').split(/\r?\n/)) {
      if (line.trim() === '') continue;
      const [, d, hm, o, h, l, c] = line.split(',');
      const t =
        Date.UTC(
          +d!.slice(0, 4),
          +d!.slice(4, 6) - 1,
          +d!.slice(6, 8),
          +hm!.slice(0, 2),
          +hm!.slice(3, 5),
        ) -
        19_800_000 -
        60_000;
      bars.push({
        kind: 'bar',
        instrument: NIFTY_INDEX.id,
        timeframe: '1m',
        time: t,
        open: +o!,
        high: +h!,
        low: +l!,
        close: +c!,
        volume: 0,
      });
    }
  }
  return bars.sort((a, b) => a.time - b.time);
}
