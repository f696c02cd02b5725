import { ValidationError } from '@pravah/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ChargeOrderSchema,
  charges,
  RateNotScheduledError,
  zerodha,
  type ChargeOrder,
} from '../../src/index.js';
import { isValidOrderForTest } from '../../src/orders/parse-order.js';
import { orderArb } from '../support/arbitraries.js';
import { expectThrown } from '../support/expect-error.js';

const plan = zerodha();
const good: ChargeOrder = {
  exchange: 'NSE',
  instrumentType: 'EQ',
  product: 'CNC',
  side: 'BUY',
  quantity: 10,
  price: 100,
  tradeDate: '2026-06-15',
};

function invalid(patch: Record<string, unknown>): ValidationError {
  return expectThrown(() => charges({ ...good, ...patch }, { plan }), ValidationError);
}

describe('order validation: typed errors naming the field and value', () => {
  it('unknown exchange', () => {
    const e = invalid({ exchange: 'NYSE' });
    expect([e.field, e.value]).toEqual(['exchange', 'NYSE']);
    expect(e.message).toMatch(/^Invalid order: exchange: /);
  });

  it('quantity that is not a whole number', () => {
    const e = invalid({ quantity: 10.5 });
    expect([e.field, e.value]).toEqual(['quantity', 10.5]);
    expect(e.message).toContain('whole number');
  });

  it('zero or negative quantity', () => {
    expect(invalid({ quantity: 0 }).field).toBe('quantity');
    expect([invalid({ quantity: -5 }).field, invalid({ quantity: -5 }).value]).toEqual([
      'quantity',
      -5,
    ]);
  });

  it('negative price, zero price and NaN price', () => {
    const e = invalid({ price: -1 });
    expect([e.field, e.value]).toEqual(['price', -1]);
    expect(invalid({ price: 0 }).field).toBe('price');
    expect(invalid({ price: Number.NaN }).field).toBe('price');
  });

  it('malformed or impossible trade date', () => {
    expect([
      invalid({ tradeDate: '15-06-2026' }).field,
      invalid({ tradeDate: '15-06-2026' }).value,
    ]).toEqual(['tradeDate', '15-06-2026']);
    expect(invalid({ tradeDate: '2025-02-29' }).value).toBe('2025-02-29');
  });

  it('an index (IDX) is not tradable; EQ on a derivatives exchange; FUT on a cash exchange', () => {
    expect([
      invalid({ instrumentType: 'IDX' }).field,
      invalid({ instrumentType: 'IDX' }).value,
    ]).toEqual(['instrumentType', 'IDX']);
    const eqOnNfo = invalid({ exchange: 'NFO' });
    expect([eqOnNfo.field, eqOnNfo.value]).toEqual(['instrumentType', 'EQ']);
    expect(eqOnNfo.message).toContain('NFO is a derivatives segment');
    expect(invalid({ instrumentType: 'FUT' }).field).toBe('instrumentType');
  });

  it('NRML on cash equity and CNC on derivatives', () => {
    expect([invalid({ product: 'NRML' }).field, invalid({ product: 'NRML' }).value]).toEqual([
      'product',
      'NRML',
    ]);
    const cncFut = invalid({ exchange: 'NFO', instrumentType: 'FUT', product: 'CNC' });
    expect([cncFut.field, cncFut.value]).toEqual(['product', 'CNC']);
  });

  it('a date outside every schedule is a RateNotScheduledError naming tradeDate, the component and the coverage', () => {
    const e = expectThrown(
      () =>
        charges(
          {
            ...good,
            exchange: 'NFO',
            instrumentType: 'CE',
            product: 'NRML',
            tradeDate: '2022-05-10',
          },
          { plan },
        ),
      RateNotScheduledError,
    );
    expect([e.field, e.value, e.code]).toEqual(['tradeDate', '2022-05-10', 'RATE_NOT_SCHEDULED']);
    expect(e.component).toBe('stt');
    expect(e.message).toBe(
      'No stt rate for NSE equity-options on 2022-05-10 (tradeDate): the schedule covers 2023-04-01 onwards. ' +
        'Use a tradeDate inside it, or add a dated row for it to the stt schedule (src/schedules) of @pravah/costs-in.',
    );
    const early = expectThrown(
      () => charges({ ...good, tradeDate: '2019-01-01' }, { plan }),
      RateNotScheduledError,
    );
    expect([early.field, early.value]).toEqual(['tradeDate', '2019-01-01']);
  });

  it("the hot path's plain checks accept exactly what the zod schema accepts", () => {
    const mutation = fc.oneof(
      fc.record({ exchange: fc.constantFrom('NSE', 'NFO', 'XYZ', 'nse', '', 7) }),
      fc.record({ instrumentType: fc.constantFrom('EQ', 'FUT', 'CE', 'PE', 'IDX', 'eq', null) }),
      fc.record({ product: fc.constantFrom('CNC', 'MIS', 'NRML', 'BO', undefined) }),
      fc.record({ side: fc.constantFrom('BUY', 'SELL', 'buy', 1) }),
      fc.record({
        quantity: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2 ** 53, '5', Number.NaN)),
      }),
      fc.record({ price: fc.oneof(fc.double(), fc.constantFrom(Infinity, -0, '100', 0)) }),
      fc.record({
        tradeDate: fc.oneof(
          fc.string(),
          fc.constantFrom('2024-02-29', '2023-02-29', '2026-13-01', '2026-06-15'),
        ),
      }),
      fc.record({ symbol: fc.oneof(fc.string(), fc.constant(undefined), fc.constant(3)) }),
      fc.record({ autoSquareOff: fc.constantFrom(true, false, undefined, 'yes') }),
    );
    fc.assert(
      fc.property(orderArb, fc.array(mutation, { maxLength: 3 }), (order, patches) => {
        const input: unknown = Object.assign({}, order, ...patches);
        expect(isValidOrderForTest(input)).toBe(ChargeOrderSchema.safeParse(input).success);
      }),
      { numRuns: 300 },
    );
  });
});
