import { PravahError, staticContext, ValidationError, type Charges, type Fill } from '@pravah/sdk';
import { CHARGE_COMPONENTS } from '@pravah/sdk';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  charges,
  chargesForFill,
  contractNote,
  feeModel,
  fillCharger,
  fillToChargeOrder,
  perContractNoteRounding,
  perOrderRounding,
  zerodha,
} from '../../src/index.js';
import { istDate } from '../../src/fee-model/ist-date.js';
import { paise } from '../support/money.js';
import { planArb, policyArb } from '../support/arbitraries.js';
import { expectThrown } from '../support/expect-error.js';
import { fillAt, NIFTY_CE, NIFTY_INDEX, RELIANCE } from '../support/fills.js';

const plan = zerodha();
const sum = (list: readonly Charges[], key: keyof Charges) =>
  list.reduce((acc, c) => acc.plus(c[key]), new Decimal(0)).toFixed(2);

describe('fillToChargeOrder', () => {
  it('takes the exchange from the id, the type from the instrument and the IST date of the fill time', () => {
    const order = fillToChargeOrder(
      fillAt('2026-06-16T00:10', NIFTY_CE, {
        side: 'SELL',
        quantity: 65,
        price: 120.5,
        product: 'NRML',
        orderId: 'o1',
      }),
      NIFTY_CE,
    );
    expect(order).toMatchObject({
      exchange: 'NFO',
      instrumentType: 'CE',
      product: 'NRML',
      side: 'SELL',
      quantity: 65,
      price: 120.5,
      tradeDate: '2026-06-16', // 2026-06-15T18:40Z
      symbol: 'NIFTY26JUN25000CE',
      orderId: 'o1',
    });
  });

  it('rejects an index instrument with a ValidationError naming instrumentType', () => {
    const fill = fillAt('2026-06-15T10:00', NIFTY_INDEX, {
      side: 'BUY',
      quantity: 1,
      price: 25000,
      product: 'MIS',
    });
    const e = expectThrown(() => fillToChargeOrder(fill, NIFTY_INDEX), ValidationError);
    expect([e.field, e.value]).toEqual(['instrumentType', 'IDX']);
    expect(e.message).toMatch(/^Invalid fill: /);
  });

  it('IST date: the STT step of 2026-04-01 starts at 2026-03-31T18:30:00Z', () => {
    const at = (time: number): Fill => ({
      ...fillAt('2026-03-31T12:00', NIFTY_CE, {
        side: 'SELL',
        quantity: 65,
        price: 100,
        product: 'NRML',
      }),
      time,
    });
    const before = chargesForFill(at(Date.parse('2026-03-31T18:29:59.999Z')), NIFTY_CE, { plan });
    const after = chargesForFill(at(Date.parse('2026-03-31T18:30:00.000Z')), NIFTY_CE, { plan });
    expect(before.stt.toFixed(2)).toBe('6.50'); // 0.1% of 6,500
    expect(after.stt.toFixed(2)).toBe('9.75'); // 0.15%
  });

  it('istDate agrees with Date arithmetic at a +05:30 offset for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (t) => {
        expect(istDate(t)).toBe(new Date(t + 19_800_000).toISOString().slice(0, 10));
      }),
      { numRuns: 300 },
    );
  });
});

describe('chargesForFill', () => {
  it('equals charges() of the same order, auto square-off fee included for reason "auto square-off"', () => {
    const fill = fillAt('2026-06-15T15:20', RELIANCE, {
      side: 'SELL',
      quantity: 100,
      price: 1420.5,
      product: 'MIS',
      reason: 'auto square-off',
    });
    const direct = charges(
      {
        exchange: 'NSE',
        instrumentType: 'EQ',
        product: 'MIS',
        side: 'SELL',
        quantity: 100,
        price: 1420.5,
        tradeDate: '2026-06-15',
        autoSquareOff: true,
      },
      { plan },
    );
    expect(paise(chargesForFill(fill, RELIANCE, { plan }))).toEqual(paise(direct));
    expect(direct.brokerage.toFixed(2)).toBe('70.00'); // ₹20 + ₹50 square-off fee
  });
});

describe('fillCharger and feeModel', () => {
  it('partial fills of one order pay one brokerage cap; the shares add up to the whole order', () => {
    const fees = fillCharger({ plan });
    const parts = [30, 50, 20].map((q, i) =>
      fillAt(
        `2026-06-15T10:0${i}`,
        RELIANCE,
        { side: 'BUY', quantity: q, price: 1000, product: 'MIS', orderId: 'A' },
        `f${i}`,
      ),
    );
    const shares = parts.map((f) => fees(f, RELIANCE));
    expect(shares.map((c) => c.brokerage.toFixed(2))).toEqual(['9.00', '11.00', '0.00']);
    const whole = charges(
      {
        exchange: 'NSE',
        instrumentType: 'EQ',
        product: 'MIS',
        side: 'BUY',
        quantity: 100,
        price: 1000,
        tradeDate: '2026-06-15',
      },
      { plan },
    );
    for (const key of [...CHARGE_COMPONENTS, 'total'] as const)
      expect(sum(shares, key), key).toBe(whole[key].toFixed(2));
  });

  it("a day's fill charges add up exactly to that day's contract note, for any plan, policy and fills", () => {
    const fillArb = fc.record({
      instrument: fc.constantFrom(RELIANCE, NIFTY_CE),
      side: fc.constantFrom('BUY' as const, 'SELL' as const),
      quantity: fc.integer({ min: 1, max: 20 }),
      price: fc.integer({ min: 5, max: 300_000 }).map((p) => p / 100),
      order: fc.integer({ min: 0, max: 4 }),
      product: fc.constantFrom('MIS' as const, 'NRML' as const, 'CNC' as const),
    });
    fc.assert(
      fc.property(
        fc.array(fillArb, { minLength: 1, maxLength: 12 }),
        planArb,
        policyArb,
        (specs, p, rounding) => {
          const fills = specs.map((s, i) => {
            const product =
              s.instrument === RELIANCE
                ? s.product === 'NRML'
                  ? 'CNC'
                  : s.product
                : s.product === 'CNC'
                  ? 'NRML'
                  : s.product;
            // An order id is one instrument, side and product.
            const orderId = `${s.instrument.symbol}-${s.side}-${product}-${s.order}`;
            const quantity = s.instrument === NIFTY_CE ? s.quantity * 65 : s.quantity;
            return fillAt(
              `2026-06-15T10:${String(10 + i)}`,
              s.instrument,
              { side: s.side, quantity, price: s.price, product, orderId },
              `f${i}`,
            );
          });
          const fees = fillCharger({ plan: p, rounding });
          const shares = fills.map((f) =>
            fees(f, f.instrument === RELIANCE.id ? RELIANCE : NIFTY_CE),
          );
          const note = contractNote(
            fills.map((f) =>
              fillToChargeOrder(f, f.instrument === RELIANCE.id ? RELIANCE : NIFTY_CE),
            ),
            { plan: p, rounding },
          );
          for (const key of [...CHARGE_COMPONENTS, 'total'] as const) {
            const total = shares.reduce((acc, c) => acc.plus(c[key]), new Decimal(0));
            expect(total.toFixed(), key).toBe(note.charges[key].toFixed());
            for (const c of shares) expect(c[key].isNegative(), key).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('starts a new contract note each IST day and refuses fills from an earlier day', () => {
    const fees = fillCharger({ plan, rounding: perContractNoteRounding });
    const sell = (ist: string, id: string) =>
      fillAt(ist, RELIANCE, { side: 'SELL', quantity: 10, price: 560, product: 'MIS' }, id); // STT 1.4
    expect(fees(sell('2026-06-15T10:00', 'a'), RELIANCE).stt.toFixed()).toBe('1');
    expect(fees(sell('2026-06-15T11:00', 'b'), RELIANCE).stt.toFixed()).toBe('2'); // day: 2.8 → 3
    expect(fees(sell('2026-06-16T10:00', 'c'), RELIANCE).stt.toFixed()).toBe('1');
    const e = expectThrown(() => fees(sell('2026-06-15T12:00', 'd'), RELIANCE), PravahError);
    expect(e.code).toBe('FILL_OUT_OF_ORDER');
  });

  it('feeModel attaches charges to each fill through the context instrument registry', async () => {
    const ctx = staticContext({ params: {}, instruments: [RELIANCE, NIFTY_CE] });
    const fills = [
      fillAt('2026-06-15T09:30', RELIANCE, {
        side: 'BUY',
        quantity: 100,
        price: 1000,
        product: 'CNC',
      }),
      fillAt('2026-06-15T09:31', NIFTY_CE, {
        side: 'SELL',
        quantity: 65,
        price: 100,
        product: 'NRML',
      }),
    ];
    const out = await lastValueFrom(
      from(fills).pipe(feeModel({ plan, rounding: perOrderRounding })(ctx), toArray()),
    );
    expect(out.map((f) => f.id)).toEqual(fills.map((f) => f.id));
    expect(out[0]!.charges!.total.toFixed(2)).toBe('118.74'); // C3a
    expect(out[1]!.charges!.stt.toFixed(2)).toBe('9.75');
    expect(out[1]!.charges!.brokerage.toFixed(2)).toBe('20.00');
    expect(fills[0]!.charges).toBeUndefined(); // the input fill is not mutated
  });

  it('feeModel gives each subscription its own state', async () => {
    const ctx = staticContext({ params: {}, instruments: [RELIANCE] });
    const fills = [
      fillAt('2026-06-15T09:30', RELIANCE, {
        side: 'BUY',
        quantity: 100,
        price: 1000,
        product: 'MIS',
        orderId: 'A',
      }),
    ];
    const stage = feeModel({ plan })(ctx);
    const first = await lastValueFrom(from(fills).pipe(stage, toArray()));
    const second = await lastValueFrom(from(fills).pipe(stage, toArray()));
    expect(second[0]!.charges!.brokerage.toFixed()).toBe(first[0]!.charges!.brokerage.toFixed());
    expect(first[0]!.charges!.brokerage.toFixed()).toBe('20');
  });
});
