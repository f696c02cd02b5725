import { ValidationError } from '@pravah/sdk';
import { describe, expect, it } from 'vitest';
import {
  contractNote,
  paisaRounding,
  perContractNoteRounding,
  zerodha,
  type ContractNoteFill,
} from '../../src/index.js';
import { expectThrown } from '../support/expect-error.js';

const DATE = '2026-06-15';
const cnc = (
  side: 'BUY' | 'SELL',
  symbol: string,
  extra: Partial<ContractNoteFill> = {},
): ContractNoteFill => ({
  exchange: 'NSE',
  instrumentType: 'EQ',
  product: 'CNC',
  side,
  quantity: 10,
  price: 1000,
  tradeDate: DATE,
  symbol,
  ...extra,
});

describe('contractNote', () => {
  it('charges DP once per security per day on delivery sells only (ISIN joins NSE and BSE)', () => {
    const note = contractNote(
      [
        cnc('SELL', 'INFY', { isin: 'INE009A01021' }),
        cnc('SELL', 'INFY', { isin: 'INE009A01021', exchange: 'BSE' }),
        cnc('SELL', 'INFY', { isin: 'INE009A01021', price: 1001 }),
        cnc('SELL', 'TCS'),
        cnc('BUY', 'HDFCBANK'),
        cnc('SELL', 'SBIN', { product: 'MIS' }),
      ],
      { plan: zerodha() },
    );
    expect(note.dp.debits.map((d) => d.security)).toEqual(['INE009A01021', 'TCS']);
    expect(note.dp.charge.toFixed(2)).toBe('26.00');
    expect(note.dp.gst.toFixed(2)).toBe('4.68');
    expect(note.dp.total.toFixed(2)).toBe('30.68');
  });

  it('merges fills that share an order id into one executed order (one brokerage cap)', () => {
    const leg = (orderId: string, quantity: number): ContractNoteFill => ({
      ...cnc('BUY', 'RELIANCE'),
      product: 'MIS',
      quantity,
      orderId,
    });
    const oneOrder = contractNote([leg('A', 60), leg('A', 40)], { plan: zerodha() });
    const twoOrders = contractNote([leg('A', 60), leg('B', 40)], { plan: zerodha() });
    expect(oneOrder.orders).toHaveLength(1);
    expect(oneOrder.orders[0]!.quantity).toBe(100);
    expect(oneOrder.orders[0]!.averagePrice.toFixed()).toBe('1000');
    expect(oneOrder.charges.brokerage.toFixed(2)).toBe('20.00'); // min(20, 0.03% × 1,00,000)
    expect(twoOrders.charges.brokerage.toFixed(2)).toBe('30.00'); // 18 + 12
  });

  it('rounds STT to the rupee per exchange segment, then adds the segments', () => {
    const fills: ContractNoteFill[] = [
      { ...cnc('SELL', 'ITC'), product: 'MIS', quantity: 10, price: 560 }, // 0.025% × 5,600 = 1.4
      {
        exchange: 'NFO',
        instrumentType: 'CE',
        product: 'NRML',
        side: 'SELL',
        quantity: 65,
        price: 14.4,
        tradeDate: DATE,
        symbol: 'NIFTY26JUN25000CE',
      }, // 0.15% × 936 = 1.404
    ];
    const note = contractNote(fills, { plan: zerodha(), rounding: perContractNoteRounding });
    expect(
      note.sttBySegment.map((s) => [s.exchange, s.unrounded.toFixed(), s.stt.toFixed()]),
    ).toEqual([
      ['NSE', '1.4', '1'],
      ['NFO', '1.404', '1'],
    ]);
    expect(note.charges.stt.toFixed(2)).toBe('2.00'); // 1 + 1, where rounding the day's 2.804 would give 3
    const paisa = contractNote(fills, { plan: zerodha(), rounding: paisaRounding });
    expect(paisa.charges.stt.toFixed(2)).toBe('2.80');
  });

  it("adds an exercised option's STT to its segment before rounding", () => {
    const sell: ContractNoteFill = {
      exchange: 'NFO',
      instrumentType: 'PE',
      product: 'NRML',
      side: 'SELL',
      quantity: 65,
      price: 3,
      tradeDate: '2026-06-30',
      symbol: 'NIFTY26JUN25000PE',
    }; // STT 0.15% × 195 = 0.2925
    const exercise = {
      exchange: 'NFO',
      instrumentType: 'CE',
      quantity: 65,
      strike: 25000,
      settlementPrice: 25200,
      tradeDate: '2026-06-30',
    } as const; // 19.50
    const note = contractNote([sell], {
      plan: zerodha(),
      rounding: perContractNoteRounding,
      exercises: [exercise],
    });
    expect(note.sttBySegment[0]!.unrounded.toFixed()).toBe('19.7925');
    expect(note.charges.stt.toFixed(2)).toBe('20.00');
  });

  it('gives the net obligation: sells − buys − charges − DP (negative: the client pays)', () => {
    const note = contractNote([cnc('BUY', 'INFY'), cnc('SELL', 'TCS', { price: 1500 })], {
      plan: zerodha(),
    });
    const expected = note.sellValue
      .minus(note.buyValue)
      .minus(note.charges.total)
      .minus(note.dp.total);
    expect(note.buyValue.toFixed()).toBe('10000');
    expect(note.sellValue.toFixed()).toBe('15000');
    expect(note.netObligation.toFixed(2)).toBe(expected.toFixed(2));
    expect(note.netObligation.lessThan(5000)).toBe(true);
  });

  it('rejects fills of several days, fills of one order that disagree, and an empty note', () => {
    const days = expectThrown(
      () =>
        contractNote([cnc('BUY', 'A'), cnc('BUY', 'B', { tradeDate: '2026-06-16' })], {
          plan: zerodha(),
        }),
      ValidationError,
    );
    expect([days.field, days.value]).toEqual(['fills.1.tradeDate', '2026-06-16']);
    const sides = expectThrown(
      () =>
        contractNote([cnc('BUY', 'A', { orderId: 'X' }), cnc('SELL', 'A', { orderId: 'X' })], {
          plan: zerodha(),
        }),
      ValidationError,
    );
    expect([sides.field, sides.value]).toEqual(['fills.1.side', 'SELL']);
    const empty = expectThrown(() => contractNote([], { plan: zerodha() }), ValidationError);
    expect(empty.field).toBe('fills');
    const bad = expectThrown(
      () => contractNote([cnc('BUY', 'A', { quantity: 1.5 })], { plan: zerodha() }),
      ValidationError,
    );
    expect([bad.field, bad.value]).toEqual(['fills.0.quantity', 1.5]);
  });
});
