import { describe, expect, it } from 'vitest';
import {
  angelOne,
  charges,
  contractNote,
  exerciseCharges,
  paisaRounding,
  perContractNoteRounding,
  perOrderRounding,
  upstox,
  zerodha,
  type ContractNoteFill,
} from '../../src/index.js';
import { paise } from '../support/money.js';
import { roundTrip } from '../support/orders.js';

// COSTS.md §3.2 C1–C7: computed (not published) at the rates in force on 2026-06-15.
const DATE = '2026-06-15';

describe('COSTS.md §3.2 computed examples (trade date 2026-06-15)', () => {
  it('C1 Upstox MIS NSE, 100 @ 1000 → 1010: total 82.97', () => {
    const fills = roundTrip(
      {
        exchange: 'NSE',
        instrumentType: 'EQ',
        product: 'MIS',
        quantity: 100,
        tradeDate: DATE,
        symbol: 'TCS',
      },
      1000,
      1010,
    );
    const note = contractNote(fills, { plan: upstox(), rounding: paisaRounding });
    expect(paise(note.charges)).toEqual({
      brokerage: '40.00',
      stt: '25.25',
      exchangeTxn: '6.17',
      ipft: '0.00',
      sebi: '0.20',
      stampDuty: '3.00',
      gst: '8.35',
      total: '82.97',
    });
  });

  const angelCnc = (side: 'BUY' | 'SELL', price: number): ContractNoteFill => ({
    exchange: 'NSE',
    instrumentType: 'EQ',
    product: 'CNC',
    side,
    quantity: 10,
    price,
    tradeDate: DATE,
    symbol: 'ITC',
    isin: 'INE154A01025',
  });

  it('C2a Angel One CNC BUY 10 @ 500: STT rounded per contract note, total 11.84', () => {
    const note = contractNote([angelCnc('BUY', 500)], {
      plan: angelOne(),
      rounding: perContractNoteRounding,
    });
    expect(paise(note.charges)).toEqual({
      brokerage: '5.00',
      stt: '5.00',
      exchangeTxn: '0.15',
      ipft: '0.00',
      sebi: '0.01',
      stampDuty: '0.75',
      gst: '0.93',
      total: '11.84',
    });
    expect(note.dp.total.toFixed(2)).toBe('0.00');
  });

  it('C2b Angel One CNC SELL 10 @ 550: STT 5.5 → 6, DP ₹20 + GST, total 36.30', () => {
    const note = contractNote([angelCnc('SELL', 550)], {
      plan: angelOne(),
      rounding: perContractNoteRounding,
    });
    expect(paise(note.charges)).toEqual({
      brokerage: '5.50',
      stt: '6.00',
      exchangeTxn: '0.17',
      ipft: '0.00',
      sebi: '0.01',
      stampDuty: '0.00',
      gst: '1.02',
      total: '12.70',
    });
    expect(note.dp.charge.toFixed(2)).toBe('20.00');
    expect(note.dp.gst.toFixed(2)).toBe('3.60');
    // COSTS.md lists GST 4.62 (contract note + DP) and total 36.30 (including DP).
    expect(note.charges.gst.plus(note.dp.gst).toFixed(2)).toBe('4.62');
    expect(note.charges.total.plus(note.dp.total).toFixed(2)).toBe('36.30');
  });

  it('C3a Zerodha CNC BUY 100 @ 1000: total 118.74', () => {
    const c = charges(
      {
        exchange: 'NSE',
        instrumentType: 'EQ',
        product: 'CNC',
        side: 'BUY',
        quantity: 100,
        price: 1000,
        tradeDate: DATE,
      },
      { plan: zerodha() },
    );
    expect(paise(c)).toEqual({
      brokerage: '0.00',
      stt: '100.00',
      exchangeTxn: '3.07',
      ipft: '0.00',
      sebi: '0.10',
      stampDuty: '15.00',
      gst: '0.57',
      total: '118.74',
    });
  });

  it('C3b Zerodha CNC SELL 100 @ 1100 with DP ₹13: total 129.45', () => {
    const note = contractNote(
      [
        {
          exchange: 'NSE',
          instrumentType: 'EQ',
          product: 'CNC',
          side: 'SELL',
          quantity: 100,
          price: 1100,
          tradeDate: DATE,
          symbol: 'INFY',
        },
      ],
      { plan: zerodha() },
    );
    expect(paise(note.charges)).toMatchObject({
      stt: '110.00',
      exchangeTxn: '3.38',
      sebi: '0.11',
      gst: '0.63',
    });
    expect(note.dp.charge.toFixed(2)).toBe('13.00');
    expect(note.charges.gst.plus(note.dp.gst).toFixed(2)).toBe('2.97');
    expect(note.charges.total.plus(note.dp.total).toFixed(2)).toBe('129.45');
  });

  it('C4 exercise STT, NIFTY CE 65 × (25,200 − 25,000): 0.125% → 16.25 (note 16); from 2026-04-01 0.15% → 19.50 (note 20)', () => {
    const exercise = {
      exchange: 'NFO',
      instrumentType: 'CE',
      quantity: 65,
      strike: 25000,
      settlementPrice: 25200,
    } as const;
    const before = { ...exercise, tradeDate: '2026-03-30' };
    const after = { ...exercise, tradeDate: '2026-06-30' };
    expect(exerciseCharges(before, { rounding: paisaRounding }).stt.toFixed(2)).toBe('16.25');
    expect(exerciseCharges(before, { rounding: perContractNoteRounding }).stt.toFixed(2)).toBe(
      '16.00',
    );
    expect(exerciseCharges(after, { rounding: paisaRounding }).stt.toFixed(2)).toBe('19.50');
    expect(exerciseCharges(after, { rounding: perContractNoteRounding }).stt.toFixed(2)).toBe(
      '20.00',
    );
  });

  const sensexCall = roundTrip(
    {
      exchange: 'BFO',
      instrumentType: 'CE',
      product: 'NRML',
      quantity: 20,
      tradeDate: DATE,
      symbol: 'SENSEX2661882000CE',
    },
    300,
    320,
  );

  it('C5 Zerodha SENSEX CE (BFO) 20 @ 300 → 320: total 61.75', () => {
    const note = contractNote(sensexCall, { plan: zerodha(), rounding: paisaRounding });
    expect(paise(note.charges)).toEqual({
      brokerage: '40.00',
      stt: '9.60',
      exchangeTxn: '4.03',
      ipft: '0.00',
      sebi: '0.01',
      stampDuty: '0.18',
      gst: '7.93',
      total: '61.75',
    });
  });

  it('C5 under Kite rupee stamp rounding shows stamp 0 (0.18 rounds down), total 61.57', () => {
    const note = contractNote(sensexCall, { plan: zerodha(), rounding: perOrderRounding });
    expect(note.charges.stampDuty.toFixed(2)).toBe('0.00');
    expect(note.charges.total.toFixed(2)).toBe('61.57');
  });

  it('C6 Zerodha MCX CRUDEOIL FUT 1 lot (100 bbl) 5500 → 5520: total 142.01', () => {
    const fills = roundTrip(
      {
        exchange: 'MCX',
        instrumentType: 'FUT',
        product: 'NRML',
        quantity: 100,
        tradeDate: DATE,
        symbol: 'CRUDEOIL26JULFUT',
      },
      5500,
      5520,
    );
    const note = contractNote(fills, { plan: zerodha(), rounding: paisaRounding });
    expect(paise(note.charges)).toEqual({
      brokerage: '40.00',
      stt: '55.20',
      exchangeTxn: '23.14',
      ipft: '0.00',
      sebi: '1.10',
      stampDuty: '11.00',
      gst: '11.56',
      total: '142.01',
    });
  });

  it('C7 Zerodha NSE USDINR FUT 10 lots (10,000 USD) 85.00 → 85.10: total 58.09 (IPFT ₹0.05/lakh, taxed)', () => {
    const fills = roundTrip(
      {
        exchange: 'CDS',
        instrumentType: 'FUT',
        product: 'NRML',
        quantity: 10_000,
        tradeDate: DATE,
        symbol: 'USDINR26JUNFUT',
      },
      85,
      85.1,
    );
    const note = contractNote(fills, { plan: zerodha(), rounding: paisaRounding });
    expect(paise(note.charges)).toEqual({
      brokerage: '40.00',
      stt: '0.00',
      exchangeTxn: '5.95',
      ipft: '0.85',
      sebi: '1.70',
      stampDuty: '0.85',
      gst: '8.73',
      total: '58.09',
    });
  });
});
