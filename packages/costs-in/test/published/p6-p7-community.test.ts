import { describe, expect, it } from 'vitest';
import { contractNote, customPlan, paisaRounding } from '../../src/index.js';
import { paise } from '../support/money.js';
import { roundTrip } from '../support/orders.js';

// COSTS.md §3.1 P6–P7: community worked example (r/UpdateINDIA, 2025-05-28), statutory charges
// only (no brokerage), NSE, May-2025 rates, IPFT shown separately, GST on exchange + SEBI + IPFT,
// every line to the paisa and the total from the unrounded sum.
const statutoryOnly = customPlan({
  name: 'statutory only',
  brokerage: { 'equity-options': { flat: 0 }, 'equity-futures': { flat: 0 } },
  gstOnIpft: true,
});
const TRADE_DATE = '2025-05-28';

describe('P6–P7 (community example, May-2025 NSE rates, no brokerage)', () => {
  it('P6 RELIANCE 1400CE buy 500 @ 25, sell @ 35: total 30.49', () => {
    const fills = roundTrip(
      {
        exchange: 'NFO',
        instrumentType: 'CE',
        product: 'NRML',
        quantity: 500,
        tradeDate: TRADE_DATE,
        symbol: 'RELIANCE25MAY1400CE',
      },
      25,
      35,
    );
    const n = contractNote(fills, { plan: statutoryOnly, rounding: paisaRounding });
    expect(paise(n.charges)).toEqual({
      brokerage: '0.00',
      stt: '17.50',
      exchangeTxn: '10.51',
      ipft: '0.15',
      sebi: '0.03',
      stampDuty: '0.38',
      gst: '1.92',
      total: '30.49',
    });
  });

  it('P7 RELIANCE futures buy 500 @ 1420, sell @ 1450: total 191.88 (the unrounded sum; rounded lines give 191.90)', () => {
    const fills = roundTrip(
      {
        exchange: 'NFO',
        instrumentType: 'FUT',
        product: 'NRML',
        quantity: 500,
        tradeDate: TRADE_DATE,
        symbol: 'RELIANCE25MAYFUT',
      },
      1420,
      1450,
    );
    const n = contractNote(fills, { plan: statutoryOnly, rounding: paisaRounding });
    expect(paise(n.charges)).toEqual({
      brokerage: '0.00',
      stt: '145.00',
      exchangeTxn: '24.83',
      ipft: '1.44',
      sebi: '1.44',
      stampDuty: '14.20',
      gst: '4.99',
      total: '191.88',
    });
    const lines = [
      n.charges.stt,
      n.charges.exchangeTxn,
      n.charges.ipft,
      n.charges.sebi,
      n.charges.stampDuty,
      n.charges.gst,
    ];
    expect(lines.reduce((a, b) => a.plus(b)).toFixed(2)).toBe('191.90');
  });
});
