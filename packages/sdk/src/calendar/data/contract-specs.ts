import type { CalendarData } from '../calendar-data.js';
import * as S from './sources.js';

type Step = [from: string, lotSize: number, existingContractsFrom?: string];

function steps(underlying: string, source: string, values: Step[]): CalendarData['lotSizes'] {
  return values.map(([from, lotSize, existingContractsFrom]) => ({
    underlying,
    from,
    lotSize,
    ...(existingContractsFrom === undefined ? {} : { existingContractsFrom }),
    source,
  }));
}

// 2024-04-26 revision: NIFTY 50 -> 25 for every contract expiring after that day; FINNIFTY
// 40 -> 25 and MIDCPNIFTY 75 -> 50 from the July 2024 contracts (listed after 2024-04-26).
const APR_2024 = `${S.NSE_LOTS_APR_2024}; ${S.COSTS_4_6}`;

/**
 * Index F&O lot sizes for contracts introduced on or after each date (COSTS.md §4.6, plus the
 * April 2024 revision). The first step's date is where this data starts, not when that lot size
 * began. Where the exchange moved existing contracts too, `existingContractsFrom` says when:
 * the 2025-10-28 step reached them after the 2025-12-30 expiry. For the 2024-11-20 step no such
 * date was found, so older contracts keep their lot in this data.
 */
export const LOT_SIZES: CalendarData['lotSizes'] = [
  ...steps('NIFTY', APR_2024, [
    ['2024-01-01', 50],
    ['2024-04-26', 25, '2024-04-26'],
    ['2024-11-20', 75],
    ['2025-10-28', 65, '2025-12-31'],
  ]),
  ...steps('BANKNIFTY', S.COSTS_4_6, [
    ['2024-01-01', 15],
    ['2024-11-20', 30],
    ['2025-04-25', 35],
    ['2025-10-28', 30, '2025-12-31'],
  ]),
  ...steps('FINNIFTY', APR_2024, [
    ['2024-01-01', 40],
    ['2024-04-26', 25],
    ['2024-11-20', 65],
    ['2025-10-28', 60, '2025-12-31'],
  ]),
  ...steps('MIDCPNIFTY', APR_2024, [
    ['2024-01-01', 75],
    ['2024-04-26', 50],
    ['2024-11-20', 120],
    ['2025-04-25', 140],
    ['2025-10-28', 120, '2025-12-31'],
  ]),
  ...steps('NIFTYNXT50', S.COSTS_4_6, [
    ['2024-04-24', 10],
    ['2024-11-20', 25],
  ]),
  // BSE: the Sep-2025 revision was not itemised (❓ in COSTS.md), so the last step stands.
  ...steps('SENSEX', S.COSTS_4_6, [
    ['2024-01-01', 10],
    ['2024-11-20', 20],
  ]),
  ...steps('BANKEX', S.COSTS_4_6, [
    ['2024-01-01', 15],
    ['2024-11-20', 30],
  ]),
  // "Jun-2025 (BSE)" in COSTS.md without a day: the first of the month is assumed.
  ...steps('SENSEX50', S.COSTS_4_6, [
    ['2024-01-01', 25],
    ['2024-11-20', 60],
    ['2025-06-01', 75],
  ]),
];

const FREEZE_DATES = ['2025-08-01', '2025-09-01', '2025-12-01', '2026-04-01', '2026-07-01'];
const FREEZE_TABLE: [string, number[]][] = [
  ['NIFTY', [1800, 1800, 1800, 1800, 1800]],
  ['BANKNIFTY', [600, 900, 600, 900, 600]],
  ['FINNIFTY', [1800, 1800, 1200, 1800, 1800]],
  ['MIDCPNIFTY', [2800, 2800, 2800, 2800, 2800]],
  ['NIFTYNXT50', [600, 600, 600, 600, 600]],
];

/** NSE index quantity-freeze limits in units (COSTS.md §4.7; revised monthly). */
export const FREEZE_QUANTITIES: CalendarData['freezeQuantities'] = FREEZE_TABLE.flatMap(
  ([underlying, quantities]) =>
    quantities.map((quantity, i) => ({
      underlying,
      from: FREEZE_DATES[i] ?? '',
      quantity,
      source: S.COSTS_4_7,
    })),
);

/**
 * NSE tick sizes (COSTS.md §4.4). The slab is chosen by the reference price: the close on the
 * last trading day of the previous month. The proposed 2025-04-15 slabs were never confirmed
 * and the 2025-09-23 stock-options revision is unknown, so stock options after that date have
 * no rule: read the tick from the contract master.
 */
export const TICK_SIZES: CalendarData['tickSizes'] = [
  {
    exchanges: ['NSE'],
    types: ['EQ'],
    to: '2024-06-09',
    slabs: [{ tick: 0.05 }],
    source: S.COSTS_4_4,
  },
  {
    exchanges: ['NSE'],
    types: ['EQ'],
    from: '2024-06-10',
    slabs: [{ below: 250, tick: 0.01 }, { tick: 0.05 }],
    source: S.COSTS_4_4,
  },
  {
    exchanges: ['NFO'],
    types: ['FUT'],
    underlyingKind: 'stock',
    to: '2024-07-07',
    slabs: [{ tick: 0.05 }],
    source: S.COSTS_4_4,
  },
  {
    exchanges: ['NFO'],
    types: ['FUT'],
    underlyingKind: 'stock',
    from: '2024-07-08',
    slabs: [{ below: 250, tick: 0.01 }, { tick: 0.05 }],
    source: S.COSTS_4_4,
  },
  {
    exchanges: ['NFO'],
    types: ['FUT', 'CE', 'PE'],
    underlyingKind: 'index',
    slabs: [{ tick: 0.05 }],
    source: S.COSTS_4_4,
  },
  {
    exchanges: ['NFO'],
    types: ['CE', 'PE'],
    underlyingKind: 'stock',
    to: '2025-09-22',
    slabs: [{ tick: 0.05 }],
    source: S.COSTS_4_4,
  },
];

/**
 * Broker MIS auto square-off (COSTS.md §4.2). Upstox F&O (15:20 vs 15:25) and every Angel One
 * figure are ❓ there; no broker notice for the 2026-08-03 close changes was found.
 */
export const MIS_SQUARE_OFF: CalendarData['misSquareOff'] = [
  {
    broker: 'zerodha',
    segment: 'cash',
    rule: { type: 'fixed', time: '15:20' },
    source: S.COSTS_4_2,
  },
  {
    broker: 'zerodha',
    segment: 'fno',
    rule: { type: 'fixed', time: '15:25' },
    source: S.COSTS_4_2,
  },
  {
    broker: 'zerodha',
    segment: 'currency',
    rule: { type: 'fixed', time: '16:45' },
    source: S.COSTS_4_2,
  },
  {
    broker: 'zerodha',
    segment: 'commodity',
    rule: { type: 'before-close', minutes: 25 },
    source: S.COSTS_4_2,
  },
  {
    broker: 'upstox',
    segment: 'cash',
    rule: { type: 'fixed', time: '15:15' },
    source: S.COSTS_4_2,
  },
  { broker: 'upstox', segment: 'fno', rule: { type: 'fixed', time: '15:20' }, source: S.COSTS_4_2 },
  {
    broker: 'upstox',
    segment: 'currency',
    rule: { type: 'fixed', time: '16:30' },
    source: S.COSTS_4_2,
  },
  {
    broker: 'upstox',
    segment: 'commodity',
    rule: { type: 'before-close-by-close', minutesByClose: { '23:30': 40, '23:55': 30 } },
    source: S.COSTS_4_2,
  },
  {
    broker: 'angelone',
    segment: 'cash',
    rule: { type: 'fixed', time: '15:15' },
    source: S.COSTS_4_2,
  },
  {
    broker: 'angelone',
    segment: 'fno',
    rule: { type: 'fixed', time: '15:20' },
    source: S.COSTS_4_2,
  },
];
