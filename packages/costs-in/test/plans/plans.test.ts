import { ValidationError } from '@pravah/sdk';
import { describe, expect, it } from 'vitest';
import {
  angelOne,
  charges,
  customPlan,
  exactRounding,
  RateNotScheduledError,
  upstox,
  zerodha,
  type ChargeOrder,
} from '../../src/index.js';
import { expectThrown } from '../support/expect-error.js';

const intraday = (price: number, quantity: number, date = '2026-06-15'): ChargeOrder => ({
  exchange: 'NSE',
  instrumentType: 'EQ',
  product: 'MIS',
  side: 'BUY',
  quantity,
  price,
  tradeDate: date,
});
const brokerage = (plan: ReturnType<typeof zerodha>, order: ChargeOrder) =>
  charges(order, { plan, rounding: exactRounding }).brokerage.toFixed();

describe('broker plans: brokerage', () => {
  it('Zerodha intraday is min(₹20, 0.03%): 0.03% below ₹66,666.67 of value, ₹20 above', () => {
    expect(brokerage(zerodha(), intraday(500, 100))).toBe('15'); // 0.03% of 50,000
    expect(brokerage(zerodha(), intraday(1000, 100))).toBe('20');
  });

  it('Zerodha delivery is free and options are ₹20 flat whatever the premium', () => {
    expect(brokerage(zerodha(), { ...intraday(1000, 100), product: 'CNC' })).toBe('0');
    const option = {
      ...intraday(0.05, 75),
      exchange: 'NFO',
      instrumentType: 'CE',
      product: 'NRML',
    } as const;
    expect(brokerage(zerodha(), option)).toBe('20');
  });

  it('Upstox intraday is min(₹20, 0.05%) and delivery min(₹20, 2.5%)', () => {
    expect(brokerage(upstox(), intraday(100, 100))).toBe('5'); // 0.05% of 10,000
    expect(brokerage(upstox(), { ...intraday(100, 5), product: 'CNC' })).toBe('12.5'); // 2.5% of 500
    expect(brokerage(upstox(), { ...intraday(100, 100), product: 'CNC' })).toBe('20');
  });

  it('Angel One delivery: ₹0 up to 2024-10-31, then min(₹20, 0.1%) with a ₹2 minimum from 2024-11-01', () => {
    const cnc = (price: number, q: number, date: string) => ({
      ...intraday(price, q, date),
      product: 'CNC' as const,
    });
    expect(brokerage(angelOne(), cnc(500, 10, '2024-10-31'))).toBe('0');
    expect(brokerage(angelOne(), cnc(500, 10, '2024-11-01'))).toBe('5');
    expect(brokerage(angelOne(), cnc(100, 10, '2024-11-01'))).toBe('2'); // 0.1% = 1 → minimum 2
    expect(brokerage(angelOne(), cnc(5000, 10, '2024-11-01'))).toBe('20');
  });

  it('an auto squared-off order pays the plan fee (before GST) on top of brokerage, and GST on it', () => {
    const order = { ...intraday(1000, 100), side: 'SELL' as const };
    const normal = charges(order, { plan: zerodha(), rounding: exactRounding });
    const squared = charges(
      { ...order, autoSquareOff: true },
      { plan: zerodha(), rounding: exactRounding },
    );
    expect(squared.brokerage.minus(normal.brokerage).toFixed()).toBe('50');
    expect(squared.gst.minus(normal.gst).toFixed()).toBe('9');
    const angel = charges(
      { ...order, autoSquareOff: true },
      { plan: angelOne(), rounding: exactRounding },
    );
    expect(angel.brokerage.toFixed()).toBe('40');
  });

  it('GST on IPFT: Zerodha taxes it, Upstox does not (2025 rates, where IPFT is ₹10/crore)', () => {
    const order = { ...intraday(1000, 10_000, '2025-06-16'), side: 'SELL' as const };
    const z = charges(order, { plan: zerodha(), rounding: exactRounding });
    const u = charges(order, { plan: upstox(), rounding: exactRounding });
    expect(z.ipft.toFixed()).toBe('10');
    expect(z.gst.minus(z.brokerage.plus(z.exchangeTxn).plus(z.sebi).times('0.18')).toFixed()).toBe(
      '1.8',
    );
    expect(u.gst.minus(u.brokerage.plus(u.exchangeTxn).plus(u.sebi).times('0.18')).toFixed()).toBe(
      '0',
    );
  });

  it('DP charges per plan: Zerodha ₹13 (₹12.75 for a woman primary holder), Upstox ₹18.50, Angel One ₹20 from 2024-10-01', () => {
    expect(zerodha().dpChargeOn('2026-06-15').toFixed()).toBe('13');
    expect(zerodha({ womanPrimaryHolder: true }).dpChargeOn('2026-06-15').toFixed()).toBe('12.75');
    expect(upstox().dpChargeOn('2026-06-15').toFixed()).toBe('18.5');
    expect(angelOne().dpChargeOn('2024-10-01').toFixed()).toBe('20');
    const e = expectThrown(() => angelOne().dpChargeOn('2024-09-30'), RateNotScheduledError);
    expect([e.field, e.value, e.component, e.coverage]).toEqual([
      'tradeDate',
      '2024-09-30',
      'dpCharge',
      '2024-10-01 onwards',
    ]);
  });
});

describe('broker plans: MIS auto square-off cut-offs (COSTS.md §4.2)', () => {
  it('Zerodha: 15:20 equity, 15:25 F&O, 16:45 currency, 25 minutes before the MCX close', () => {
    const z = zerodha();
    expect(['NSE', 'BSE', 'NFO', 'BFO', 'CDS', 'BCD'].map((x) => z.misCutoff(x as never))).toEqual([
      '15:20',
      '15:20',
      '15:25',
      '15:25',
      '16:45',
      '16:45',
    ]);
    expect(z.misCutoff('MCX')).toBe('23:05');
    expect(z.misCutoff('MCX', '23:55')).toBe('23:30');
    expect(z.misCutoffTimes()).toEqual({
      equity: '15:20',
      derivatives: '15:25',
      currency: '16:45',
      commodity: '23:05',
    });
    expect(z.misCutoffs).toEqual({
      equity: { at: '15:20' },
      derivatives: { at: '15:25' },
      currency: { at: '16:45' },
      commodity: { beforeClose: 25 },
    });
  });

  it('Upstox: 15:15, 15:20, 16:30, and 40 minutes before a 23:30 MCX close or 30 before 23:55', () => {
    const u = upstox();
    expect(u.misCutoffTimes()).toEqual({
      equity: '15:15',
      derivatives: '15:20',
      currency: '16:30',
      commodity: '22:50',
    });
    expect(u.misCutoff('MCX', '23:55')).toBe('23:25');
    const e = expectThrown(() => u.misCutoff('MCX', '21:00'), ValidationError);
    expect([e.field, e.value]).toEqual(['sessionClose', '21:00']);
  });

  it('Angel One: 15:15 equity and 15:20 F&O; currency and commodity unknown', () => {
    expect(angelOne().misCutoffTimes()).toEqual({ equity: '15:15', derivatives: '15:20' });
    expect(angelOne().misCutoff('MCX')).toBeUndefined();
  });
});

describe('customPlan', () => {
  const spec = {
    name: 'shoonya-like',
    brokerage: {
      'equity-intraday': { percent: 0.03, cap: 20 },
      'equity-options': [
        { to: '2024-12-31', rule: { flat: 10 } },
        { from: '2025-01-01', rule: { flat: '15' } },
      ],
    },
    dpCharge: 15.5,
  };

  it('applies dated rules and takes amounts as numbers or decimal strings', () => {
    const plan = customPlan(spec);
    const option = {
      exchange: 'NFO',
      instrumentType: 'PE',
      product: 'NRML',
      side: 'BUY',
      quantity: 75,
      price: 10,
    } as const;
    expect(brokerage(plan, { ...option, tradeDate: '2024-12-31' })).toBe('10');
    expect(brokerage(plan, { ...option, tradeDate: '2025-01-01' })).toBe('15');
    expect(plan.dpChargeOn('2030-01-01').toFixed()).toBe('15.5');
    expect(plan.gstOnIpft).toBe(true);
    expect(plan.misCutoffTimes()).toEqual({});
  });

  it('a segment the plan does not price is a RateNotScheduledError when an order needs it', () => {
    const e = expectThrown(
      () => charges({ ...intraday(100, 1), product: 'CNC' }, { plan: customPlan(spec) }),
      RateNotScheduledError,
    );
    expect([e.field, e.value, e.component]).toEqual([
      'instrumentType',
      'equity-delivery',
      'brokerage',
    ]);
    expect(e.message).toContain('plan "shoonya-like" equity-delivery');
  });

  it('rejects bad input with ValidationErrors naming the path', () => {
    const negative = expectThrown(
      () => customPlan({ ...spec, brokerage: { 'equity-intraday': { percent: 0.03, cap: -20 } } }),
      ValidationError,
    );
    expect([negative.field, negative.value]).toEqual(['brokerage.equity-intraday.cap', -20]);
    const unknownSegment = expectThrown(
      () => customPlan({ ...spec, brokerage: { 'equity-swaps': { flat: 1 } } as never }),
      ValidationError,
    );
    expect(unknownSegment.field).toBe('brokerage');
    expect(unknownSegment.message).toContain('Unrecognized key: "equity-swaps"');
    const overlap = expectThrown(
      () =>
        customPlan({
          ...spec,
          brokerage: {
            'equity-options': [
              { from: '2024-01-01', rule: { flat: 10 } },
              { from: '2024-06-01', rule: { flat: 20 } },
            ],
          },
        }),
      ValidationError,
    );
    expect([overlap.field, overlap.value]).toEqual([
      'brokerage.equity-options.1.from',
      '2024-06-01',
    ]);
    const time = expectThrown(
      () => customPlan({ ...spec, misCutoffs: { equity: '3:20 pm' } }),
      ValidationError,
    );
    expect([time.field, time.value]).toEqual(['misCutoffs.equity', '3:20 pm']);
  });
});
