import { describe, expect, it } from 'vitest';
import { contractNote, zerodha, type ContractNoteFill } from '../../src/index.js';
import { paise } from '../support/money.js';
import { roundTrip } from '../support/orders.js';

// COSTS.md §3.1 P2–P5: Zerodha calculator, buy ₹1,000 / sell ₹1,000 × 500, era 2024-10-01 →
// 2026-03-31 (source: marketcalls/vectorbt-backtesting-skills indian-market-costs.md, b111040f).
// The published "Exch (incl. IPFT)" column is our exchangeTxn + ipft, and the published GST
// includes the GST on SEBI (as ours does).
const TRADE_DATE = '2025-06-16';

function note(base: Omit<ContractNoteFill, 'side' | 'price' | 'quantity' | 'tradeDate'>) {
  return contractNote(roundTrip({ ...base, quantity: 500, tradeDate: TRADE_DATE }, 1000, 1000), {
    plan: zerodha(),
  });
}

function published(n: ReturnType<typeof note>) {
  const p = paise(n.charges);
  return {
    brokerage: p.brokerage,
    stt: p.stt,
    exchangeInclIpft: n.charges.exchangeTxn.plus(n.charges.ipft).toFixed(2),
    sebi: p.sebi,
    stampDuty: p.stampDuty,
    gst: p.gst,
    total: p.total,
  };
}

describe('P2–P5 (Zerodha calculator, ₹5 lakh each side, Oct-2024 → Mar-2026 rates)', () => {
  it('P2 intraday: total 224.61', () => {
    const n = note({ exchange: 'NSE', instrumentType: 'EQ', product: 'MIS', symbol: 'INFY' });
    expect(published(n)).toEqual({
      brokerage: '40.00',
      stt: '125.00',
      exchangeInclIpft: '30.70',
      sebi: '1.00',
      stampDuty: '15.00',
      gst: '12.91',
      total: '224.61',
    });
  });

  it('P3 delivery: total 1112.41', () => {
    const n = note({ exchange: 'NSE', instrumentType: 'EQ', product: 'CNC', symbol: 'INFY' });
    expect(published(n)).toEqual({
      brokerage: '0.00',
      stt: '1000.00',
      exchangeInclIpft: '30.70',
      sebi: '1.00',
      stampDuty: '75.00',
      gst: '5.71',
      total: '1112.41',
    });
  });

  it('P4 futures: total 179.97', () => {
    const n = note({
      exchange: 'NFO',
      instrumentType: 'FUT',
      product: 'NRML',
      symbol: 'INFY25JUNFUT',
    });
    expect(published(n)).toEqual({
      brokerage: '40.00',
      stt: '100.00',
      exchangeInclIpft: '18.30',
      sebi: '1.00',
      stampDuty: '10.00',
      gst: '10.67',
      total: '179.97',
    });
  });

  it('P5 options (premium ₹1,000): total 982.63', () => {
    const n = note({
      exchange: 'NFO',
      instrumentType: 'CE',
      product: 'NRML',
      symbol: 'NIFTY25JUN25000CE',
    });
    expect(published(n)).toEqual({
      brokerage: '40.00',
      stt: '500.00',
      exchangeInclIpft: '355.30',
      sebi: '1.00',
      stampDuty: '15.00',
      gst: '71.33',
      total: '982.63',
    });
  });
});
