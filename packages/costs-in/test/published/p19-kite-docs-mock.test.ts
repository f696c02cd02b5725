import { describe, expect, it } from 'vitest';
import { charges, customPlan, roundingPolicy } from '../../src/index.js';
import { exactly, paise } from '../support/money.js';

// COSTS.md §3.1 P19: Kite Connect docs mock (zerodha/kiteconnect-mocks order_margins.json),
// INFY CNC BUY 1 @ 1498 at pre-2023 rates: STT 1.498 · exchange 0.051681 (0.00345%) ·
// SEBI 0.001498 · brokerage 0.01 (as in the sample) · stamp 0.22 · IGST 0.01137222 ·
// total 1.79255122, as unrounded floats. The mock taxes SEBI, so it postdates 2022-07-18.
const mockPlan = customPlan({
  name: 'kite docs mock',
  brokerage: { 'equity-delivery': { flat: '0.01' } },
  gstOnIpft: false,
});
// The mock prints amounts unrounded, except stamp duty, which it rounds to the paisa.
const mockRounding = roundingPolicy({
  name: 'kite docs mock',
  stt: null,
  stampDuty: { to: 'paisa', per: 'order' },
  lines: null,
  total: 'round-of-sum',
});
const order = {
  exchange: 'NSE',
  instrumentType: 'EQ',
  product: 'CNC',
  side: 'BUY',
  quantity: 1,
  price: 1498,
  tradeDate: '2023-01-16',
} as const;

describe('P19 (Kite docs mock, INFY CNC BUY 1 @ 1498, pre-2023 rates)', () => {
  const c = charges(order, { plan: mockPlan, rounding: mockRounding });

  it('reproduces every published line exactly', () => {
    expect(exactly(c)).toMatchObject({
      stt: '1.498',
      exchangeTxn: '0.051681',
      sebi: '0.001498',
      brokerage: '0.01',
      stampDuty: '0.22',
      gst: '0.01137222',
    });
  });

  it('differs from the published total 1.79255122 only by the ₹0.01/crore IPFT the mock leaves out', () => {
    // Before 2023-04-01 NSE IPFT was ₹0.01 per crore (COSTS.md §1.3): 1498 × 1e-9.
    expect(c.ipft.toFixed()).toBe('0.000001498');
    expect(c.total.minus(c.ipft).toFixed()).toBe('1.79255122');
  });

  it('matches to the paisa under the per-line policy the mock displays', () => {
    const shown = charges(order, {
      plan: mockPlan,
      rounding: roundingPolicy({ ...mockRounding, lines: 'paisa' }),
    });
    expect(paise(shown)).toEqual({
      brokerage: '0.01',
      stt: '1.50',
      exchangeTxn: '0.05',
      ipft: '0.00',
      sebi: '0.00',
      stampDuty: '0.22',
      gst: '0.01',
      total: '1.79',
    });
  });
});
