import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  charges,
  roundingPolicy,
  zerodha,
  type ChargeOrder,
  type TradedInstrumentType,
} from '../../src/index.js';

// COSTS.md §3.1 P20: the Kite virtual-contract-note mock of Jul-2023 (POST /charges/orders),
// used as a SHAPE fixture: its fields map one to one onto ours, with IPFT folded into
// `exchange_turnover_charge`. Only the MCX row is a clean test vector; COSTS.md warns that the
// SBIN row leaves SEBI out of GST and that the NIFTY PE row fits no simple formula.
interface KiteRow {
  transaction_type: 'BUY' | 'SELL';
  tradingsymbol: string;
  exchange: ChargeOrder['exchange'];
  product: ChargeOrder['product'];
  quantity: number;
  price: number;
  charges: {
    transaction_tax: number;
    transaction_tax_type: 'stt' | 'ctt';
    exchange_turnover_charge: number;
    sebi_turnover_charge: number;
    brokerage: number;
    stamp_duty: number;
    gst: { igst: number; cgst: number; sgst: number; total: number };
    total: number;
  };
}

const fixture = JSON.parse(
  readFileSync(
    new URL('../../../../../shared/fixtures/kite/virtual_contract_note.json', import.meta.url),
    'utf8',
  ),
) as { data: KiteRow[] };

// The mock's contracts expire in July 2023.
const TRADE_DATE = '2023-07-10';
const TYPES: Record<string, TradedInstrumentType> = {
  SBIN: 'EQ',
  GOLDPETAL23JULFUT: 'FUT',
  NIFTY2371317900PE: 'PE',
};
// Kite's API: stamp duty to the rupee per order, everything else unrounded.
const kiteApi = roundingPolicy({
  name: 'kite api (unrounded lines)',
  stt: null,
  stampDuty: { to: 'rupee', per: 'order' },
  lines: null,
  total: 'round-of-sum',
});

function ours(row: KiteRow) {
  const order: ChargeOrder = {
    exchange: row.exchange,
    instrumentType: TYPES[row.tradingsymbol]!,
    product: row.product,
    side: row.transaction_type,
    quantity: row.quantity,
    price: row.price,
    tradeDate: TRADE_DATE,
    symbol: row.tradingsymbol,
  };
  return charges(order, { plan: zerodha(), rounding: kiteApi });
}

/** The mock's numbers are JS floats (0.0033767999999999997): read them to 12 decimals. */
const num = (x: number) => new Decimal(x).toDecimalPlaces(12);

/** Kite's fields in our names (exchange includes IPFT, as Kite folds it). */
function kite(row: KiteRow) {
  const c = row.charges;
  return {
    stt: num(c.transaction_tax),
    exchangeInclIpft: num(c.exchange_turnover_charge),
    sebi: num(c.sebi_turnover_charge),
    brokerage: num(c.brokerage),
    stampDuty: num(c.stamp_duty),
    gst: num(c.gst.total),
    total: num(c.total),
  };
}

function mapped(row: KiteRow) {
  const c = ours(row);
  return {
    stt: c.stt,
    exchangeInclIpft: c.exchangeTxn.plus(c.ipft),
    sebi: c.sebi,
    brokerage: c.brokerage,
    stampDuty: c.stampDuty,
    gst: c.gst,
    total: c.total,
  };
}

const row = (symbol: string): KiteRow => fixture.data.find((r) => r.tradingsymbol === symbol)!;
const asStrings = (o: Record<string, Decimal>, dp?: number) =>
  Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k, dp === undefined ? v.toFixed() : v.toFixed(dp)]),
  );

describe('P20 (Kite virtual contract note mock, Jul-2023) as a shape fixture', () => {
  it('has the shape our charges map onto: one tax line, exchange, SEBI, brokerage, stamp, GST, total', () => {
    for (const r of fixture.data) {
      expect(Object.keys(r.charges).sort()).toEqual(
        [
          'brokerage',
          'exchange_turnover_charge',
          'gst',
          'sebi_turnover_charge',
          'stamp_duty',
          'total',
          'transaction_tax',
          'transaction_tax_type',
        ].sort(),
      );
      expect(r.charges.transaction_tax_type).toBe(r.exchange === 'MCX' ? 'ctt' : 'stt');
    }
  });

  it('GOLDPETAL23JULFUT MCX SELL 1 @ 5862: every line and the total exactly (CTT 0.01%, MCX 0.0026%, 0.03% brokerage)', () => {
    const r = row('GOLDPETAL23JULFUT');
    expect(asStrings(mapped(r))).toEqual(asStrings(kite(r)));
    expect(mapped(r).total.toFixed()).toBe('2.84811132');
  });

  it('every row agrees to the paisa on every line and the total', () => {
    for (const r of fixture.data) expect(asStrings(mapped(r), 2)).toEqual(asStrings(kite(r), 2));
  });

  it('SBIN CNC BUY 1 @ 560: exact except GST, where the mock leaves out 18% of the SEBI fee (0.0001008)', () => {
    const r = row('SBIN');
    const m = mapped(r);
    const k = kite(r);
    expect(
      asStrings({ stt: m.stt, exch: m.exchangeInclIpft, sebi: m.sebi, stamp: m.stampDuty }),
    ).toEqual(
      asStrings({ stt: k.stt, exch: k.exchangeInclIpft, sebi: k.sebi, stamp: k.stampDuty }),
    );
    expect(m.gst.minus(k.gst).toFixed()).toBe('0.0001008');
    expect(m.sebi.times('0.18').toFixed()).toBe('0.0001008');
    expect(m.total.minus(k.total).toFixed()).toBe('0.0001008');
  });

  it('NIFTY PE NFO BUY 100 @ 1.5: exact except GST, which fits no formula (off by 0.000135, COSTS.md §3.1)', () => {
    const r = row('NIFTY2371317900PE');
    const m = mapped(r);
    const k = kite(r);
    expect(m.exchangeInclIpft.toFixed()).toBe(k.exchangeInclIpft.toFixed()); // 0.05% + 0.0005% IPFT
    expect(m.brokerage.toFixed()).toBe('20');
    expect(m.stampDuty.toFixed()).toBe('0'); // 0.0045 rounded to the rupee
    expect(m.gst.toFixed()).toBe('3.613662'); // 18% × (20 + 0.07575 + 0.00015)
    expect(m.gst.minus(k.gst).toFixed()).toBe('0.000135');
  });
});
