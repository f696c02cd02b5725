import { describe, expect, it } from 'vitest';
import {
  contractNote,
  perContractNoteRounding,
  zerodha,
  type ContractNoteFill,
} from '../../src/index.js';
import { paise } from '../support/money.js';

// COSTS.md §3.1 P8: a real Zerodha MCX contract note, trade date 2025-06-18,
// CRUDEOILM25JUL6300CE buy 20 @ 491.45, sell 20 @ 475.60 (scribd HZN514-MCX-2025-06-18).
// Brokerage ₹80 = four executed orders of ₹20 (two per side), as the note implies.
const leg = (side: 'BUY' | 'SELL', price: number, orderId: string): ContractNoteFill => ({
  exchange: 'MCX',
  instrumentType: 'CE',
  product: 'NRML',
  side,
  quantity: 10,
  price,
  tradeDate: '2025-06-18',
  symbol: 'CRUDEOILM25JUL6300CE',
  orderId,
});
const fills = [
  leg('BUY', 491.45, 'b1'),
  leg('BUY', 491.45, 'b2'),
  leg('SELL', 475.6, 's1'),
  leg('SELL', 475.6, 's2'),
];

describe('P8 (real Zerodha MCX contract note, 2025-06-18)', () => {
  const note = contractNote(fills, { plan: zerodha(), rounding: perContractNoteRounding });

  it('reproduces every line: CTT 4.756 billed as ₹5, stamp 0.29487 kept to the paisa', () => {
    expect(paise(note.charges)).toEqual({
      brokerage: '80.00',
      stt: '5.00',
      exchangeTxn: '8.08',
      ipft: '0.00',
      sebi: '0.02',
      stampDuty: '0.29',
      gst: '15.86',
      total: '109.25',
    });
    expect(note.sttBySegment).toHaveLength(1);
    expect(note.sttBySegment[0]!.unrounded.toFixed()).toBe('4.756');
  });

  it('reproduces the pay-in obligation (317.00) and the net payable (426.25)', () => {
    expect(note.sellValue.minus(note.buyValue).toFixed(2)).toBe('-317.00');
    expect(note.netObligation.toFixed(2)).toBe('-426.25');
  });

  it('needs the per-order stamp rounding to be per note: rounding each buy order would bill 0.30', () => {
    expect(note.orders.map((o) => o.charges.stampDuty.toFixed(2))).toEqual([
      '0.15',
      '0.15',
      '0.00',
      '0.00',
    ]);
  });
});
