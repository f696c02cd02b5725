import { describe, expect, it } from 'vitest';
import { breakEven, contractNote, zerodha } from '../../src/index.js';
import { roundTrip } from '../support/orders.js';

// COSTS.md §3.1 P1: Zerodha brokerage calculator default, equity intraday NSE, buy 400 @ 1000,
// sell 400 @ 1100, pre-2023-04-01 rates (NSE 0.00345%) after GST on SEBI began (2022-07-18).
const TRADE_DATE = '2023-01-16';
const fills = roundTrip(
  {
    exchange: 'NSE',
    instrumentType: 'EQ',
    product: 'MIS',
    quantity: 400,
    tradeDate: TRADE_DATE,
    symbol: 'RELIANCE',
  },
  1000,
  1100,
);

describe('P1 (Zerodha brokerage calculator, intraday, pre-Apr-2023 rates)', () => {
  const note = contractNote(fills, { plan: zerodha() });

  it('reproduces every line and the total 204.39', () => {
    expect(note.charges.brokerage.toFixed(2)).toBe('40.00');
    expect(note.charges.stt.toFixed(2)).toBe('110.00');
    expect(note.charges.exchangeTxn.toFixed(2)).toBe('28.98');
    expect(note.charges.ipft.toFixed(2)).toBe('0.00'); // ₹0.01/crore before April 2023
    expect(note.charges.stampDuty.toFixed(2)).toBe('12.00');
    expect(note.charges.total.toFixed(2)).toBe('204.39');
  });

  it("matches the calculator's display, which moves the GST on SEBI into the SEBI line", () => {
    // Calculator: SEBI ₹0.99 (0.84 + 18%), GST ₹12.42 (on brokerage + exchange only).
    expect(note.charges.sebi.toFixed(2)).toBe('0.84');
    const gstOnSebi = note.charges.sebi.times('0.18');
    expect(note.charges.sebi.plus(gstOnSebi).toFixed(2)).toBe('0.99');
    expect(note.charges.gst.minus(gstOnSebi).toFixed(2)).toBe('12.42');
  });

  it('gives 0.51 points to break even', () => {
    const result = breakEven({ ...fills[0]!, exitPrice: 1100 }, { plan: zerodha() });
    expect(result.points.toFixed(2)).toBe('0.51');
    expect(result.charges.total.toFixed(2)).toBe('204.39');
  });
});
