// @pravah/costs-in throughput (issue 4: at least 200,000 charges per second) on a realistic mix
// of orders: mostly index options, then intraday and delivery equity, futures, BSE options, MCX
// and currency, over trade dates from 2024-10 to 2026-09 (several rate eras).
//
// A run charges 50,000 orders: a mix of 2,000 distinct orders, 25 times over. That is how a
// backtest or a live stream calls it (each fill is fresh in the CPU cache when it is charged).
// The last figure charges 50,000 distinct pre-built orders instead, to show what cache misses
// on the inputs cost on this machine.
import {
  chargesForFill,
  charges,
  contractNote,
  fillCharger,
  fillToChargeOrder,
  perContractNoteRounding,
  zerodha,
  type ChargeOrder,
  type ContractNoteFill,
} from '@pravah/costs-in';
import { parseInstrument, type Fill, type Instrument } from '@pravah/sdk';
import { Decimal } from 'decimal.js';
import { throughput } from '../measure.js';
import type { BenchResult } from '../types.js';

const N = 50_000;
const MIX = 2_000;
const ROUNDS = N / MIX;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Kind {
  readonly share: number;
  readonly instrument: Instrument;
  readonly product: ChargeOrder['product'];
  readonly lot: number;
  readonly price: (r: () => number) => number;
}

const instrument = (id: string, type: string, lotSize: number, extra: object = {}) => {
  const [exchange, symbol] = id.split(':') as [string, string];
  return parseInstrument({ id, exchange, symbol, type, lotSize, tickSize: 0.05, ...extra });
};
const option = { strike: 25000, expiry: '2026-12-29' };
const future = { expiry: '2026-12-29' };
const tick = (x: number, step: number) => Math.round(x / step) * step;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

const KINDS: readonly Kind[] = [
  {
    share: 0.45,
    instrument: instrument('NFO:NIFTY26DEC25000CE', 'CE', 65, option),
    product: 'NRML',
    lot: 65,
    price: (r) => round4(tick(5 + r() * 400, 0.05)),
  },
  {
    share: 0.2,
    instrument: instrument('NSE:RELIANCE', 'EQ', 1),
    product: 'MIS',
    lot: 1,
    price: (r) => round4(tick(1200 + r() * 300, 0.1)),
  },
  {
    share: 0.1,
    instrument: instrument('NSE:INFY', 'EQ', 1),
    product: 'CNC',
    lot: 1,
    price: (r) => round4(tick(1400 + r() * 200, 0.1)),
  },
  {
    share: 0.1,
    instrument: instrument('NFO:BANKNIFTY26DECFUT', 'FUT', 30, future),
    product: 'NRML',
    lot: 30,
    price: (r) => round4(tick(52000 + r() * 3000, 0.2)),
  },
  {
    share: 0.05,
    instrument: instrument('BFO:SENSEX26DEC82000PE', 'PE', 20, { ...option, strike: 82000 }),
    product: 'MIS',
    lot: 20,
    price: (r) => round4(tick(10 + r() * 600, 0.05)),
  },
  {
    share: 0.05,
    instrument: instrument('MCX:CRUDEOIL26DECFUT', 'FUT', 100, future),
    product: 'NRML',
    lot: 100,
    price: (r) => round4(tick(5000 + r() * 1000, 1)),
  },
  {
    share: 0.05,
    instrument: instrument('CDS:USDINR26DECFUT', 'FUT', 1000, future),
    product: 'NRML',
    lot: 1000,
    price: (r) => round4(tick(84 + r() * 3, 0.0025)),
  },
];

function mix(): { orders: ChargeOrder[]; fills: Fill[]; instruments: Instrument[] } {
  const r = random(42);
  const orders: ChargeOrder[] = [];
  const fills: Fill[] = [];
  const instruments: Instrument[] = [];
  const start = Date.UTC(2024, 9, 1, 4); // 09:30 IST on 2024-10-01
  for (let i = 0; i < N; i++) {
    let pick = r();
    const kind = KINDS.find((k) => (pick -= k.share) < 0) ?? KINDS[0]!;
    const side = r() < 0.5 ? 'BUY' : 'SELL';
    const quantity = kind.lot * (1 + Math.floor(r() * (kind.lot === 1 ? 200 : 10)));
    const price = kind.price(r);
    // ~70 fills per trading day across two years, in time order.
    const time = start + Math.floor(i / 70) * 86_400_000 + (i % 70) * 60_000;
    const fill: Fill = {
      kind: 'fill',
      id: `f${i}`,
      orderId: `o${i}`,
      instrument: kind.instrument.id,
      time,
      side,
      quantity,
      price,
      product: kind.product,
      rawPrice: price,
    };
    fills.push(fill);
    instruments.push(kind.instrument);
    orders.push(fillToChargeOrder(fill, kind.instrument));
  }
  return { orders, fills, instruments };
}

export default function costsSuite(): BenchResult[] {
  const all = mix();
  // Every ROUNDS-th order: the 2,000 still span all two years (every rate era), in time order.
  const pick = <T>(list: readonly T[]): T[] => list.filter((_, i) => i % ROUNDS === 0);
  const orders = pick(all.orders);
  const fills = pick(all.fills);
  const instruments = pick(all.instruments);
  const plan = zerodha();
  const note = `mix: 45% NIFTY options, 20% intraday, 10% delivery, 10% futures, 5% BSE options, 5% MCX, 5% CDS over 2024-10 → 2026-09; ${MIX.toLocaleString('en-US')} orders × ${ROUNDS}`;

  const perOrder = throughput(() => {
    for (let r = 0; r < ROUNDS; r++) for (let i = 0; i < MIX; i++) charges(orders[i]!, { plan });
  }, N);
  const perContractNote = throughput(() => {
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < MIX; i++)
        charges(orders[i]!, { plan, rounding: perContractNoteRounding });
    }
  }, N);
  const stateless = throughput(() => {
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < MIX; i++) chargesForFill(fills[i]!, instruments[i]!, { plan });
    }
  }, N);
  const stateful = throughput(() => {
    for (let r = 0; r < ROUNDS; r++) {
      const fees = fillCharger({ plan });
      for (let i = 0; i < MIX; i++) fees(fills[i]!, instruments[i]!);
    }
  }, N);
  const days: ContractNoteFill[][] = [];
  for (let i = 0; i < N; i += 70) {
    days.push(all.orders.slice(i, i + 70).map((o) => ({ ...o, symbol: o.symbol ?? 'X' })));
  }
  const notes = throughput(
    () => {
      for (const day of days) contractNote(day, { plan, rounding: perContractNoteRounding });
    },
    N,
    3,
    1,
  );
  // Peer in the same process: one decimal.js multiply + round to the paisa (what a single
  // itemised line costs at least), to read the figures above against this machine's speed.
  const price = new Decimal('1003.35');
  const rate = new Decimal('0.000030699');
  const decimalLine = throughput(() => {
    for (let i = 0; i < N; i++)
      price
        .times(i + 1)
        .times(rate)
        .toDecimalPlaces(2);
  }, N);
  const cold = throughput(() => {
    for (let i = 0; i < N; i++) charges(all.orders[i]!, { plan });
  }, N);

  return [
    {
      name: 'charges() per order, Kite rounding (validated)',
      value: perOrder,
      unit: 'orders/s',
      budget: { min: 200_000 },
      note,
    },
    {
      name: 'charges() per order, contract-note rounding',
      value: perContractNote,
      unit: 'orders/s',
      budget: { min: 200_000 },
      note,
    },
    {
      name: 'chargesForFill (sdk Fill, IST date, stateless)',
      value: stateless,
      unit: 'fills/s',
      budget: { min: 200_000 },
      note,
    },
    {
      name: 'fillCharger (day shares that add up to the contract note)',
      value: stateful,
      unit: 'fills/s',
      note,
    },
    {
      name: 'contractNote (70 fills per day)',
      value: notes,
      unit: 'fills/s',
      note: 'the 50,000 orders as 715 daily notes of 70 fills',
    },
    {
      name: 'peer: decimal.js value × rate → toDecimalPlaces(2) (one line)',
      value: decimalLine,
      unit: 'lines/s',
      note: 'decimal.js 10 on this machine, same process; an itemised, validated order needs about 15 such operations',
    },
    {
      name: 'charges() per order, 50,000 distinct pre-built orders (cache-cold inputs)',
      value: cold,
      unit: 'orders/s',
      note: 'same mix, no repetition',
    },
  ];
}
