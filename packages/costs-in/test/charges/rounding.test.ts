import { ValidationError } from '@pravah/sdk';
import { describe, expect, it } from 'vitest';
import {
  charges,
  exactRounding,
  paisaRounding,
  perContractNoteRounding,
  perOrderRounding,
  roundingPolicy,
  zerodha,
  type ChargeOrder,
  type RoundingPolicy,
} from '../../src/index.js';
import { exactly, paise } from '../support/money.js';
import { expectThrown } from '../support/expect-error.js';

// Zerodha intraday buy of 61 @ 1003.35 on NSE, 2026-06-15 (value 61,204.35).
const order: ChargeOrder = {
  exchange: 'NSE',
  instrumentType: 'EQ',
  product: 'MIS',
  side: 'BUY',
  quantity: 61,
  price: 1003.35,
  tradeDate: '2026-06-15',
};
const plan = zerodha();

describe('rounding policies', () => {
  it('exact: nothing rounded', () => {
    expect(exactly(charges(order, { plan, rounding: exactRounding }))).toEqual({
      brokerage: '18.361305', // 0.03%
      stt: '0',
      exchangeTxn: '1.87891234065', // 0.0030699%
      ipft: '0.00006120435',
      sebi: '0.06120435',
      stampDuty: '1.8361305', // 0.003%
      gst: '3.6542669211', // 18% × (brokerage + exchange + SEBI + IPFT)
      total: '25.7918803161',
    });
  });

  it('per order (Kite): stamp to the rupee, lines to the paisa, total = round2 of the assessed sum (25.96, not the 25.95 of the lines)', () => {
    expect(paise(charges(order, { plan, rounding: perOrderRounding }))).toEqual({
      brokerage: '18.36',
      stt: '0.00',
      exchangeTxn: '1.88',
      ipft: '0.00',
      sebi: '0.06',
      stampDuty: '2.00',
      gst: '3.65',
      total: '25.96',
    });
  });

  it('per contract note: stamp to the paisa, total = sum of the lines', () => {
    expect(paise(charges(order, { plan, rounding: perContractNoteRounding }))).toEqual({
      brokerage: '18.36',
      stt: '0.00',
      exchangeTxn: '1.88',
      ipft: '0.00',
      sebi: '0.06',
      stampDuty: '1.84',
      gst: '3.65',
      total: '25.79',
    });
  });

  it('paisa: every line to the paisa, total = round2 of the unrounded sum', () => {
    expect(paise(charges(order, { plan, rounding: paisaRounding })).total).toBe('25.79');
  });

  it('STT rounds half up at exactly 50 paise (STT Rules 2004, rule 4)', () => {
    const sell = { ...order, side: 'SELL', quantity: 10, price: 550, product: 'CNC' } as const; // STT 5.50
    expect(charges(sell, { plan, rounding: perContractNoteRounding }).stt.toFixed()).toBe('6');
    const justBelow = { ...sell, price: 549.99 }; // 5.4999
    expect(charges(justBelow, { plan, rounding: perContractNoteRounding }).stt.toFixed()).toBe('5');
  });

  it('policies are frozen data, and roundingPolicy validates its input', () => {
    expect(Object.isFrozen(perOrderRounding)).toBe(true);
    expect(perOrderRounding).toEqual({
      name: 'per-order (Kite virtual contract note)',
      stt: null,
      stampDuty: { to: 'rupee', per: 'order' },
      lines: 'paisa',
      total: 'round-of-sum',
    });
    const bad = {
      ...perOrderRounding,
      stampDuty: { to: 'anna', per: 'order' },
    } as unknown as RoundingPolicy;
    const e = expectThrown(() => roundingPolicy(bad), ValidationError);
    expect([e.field, e.value]).toEqual(['stampDuty.to', 'anna']);
  });
});
