import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  ZERO_CHARGES,
  parseCharges,
  parseFill,
  parsePosition,
  parseTrade,
  signedQuantity,
} from '../../src/model/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { chargesInput, fillInput, positionInput, tradeInput } from './fixtures.js';

describe('parseCharges', () => {
  it('reads strings, numbers and Decimals into Decimals, frozen', () => {
    const charges = parseCharges({ ...chargesInput, brokerage: 20, sebi: new Decimal('0.06') });
    expect(charges.brokerage).toBeInstanceOf(Decimal);
    expect(charges.total.toString()).toBe('25.97');
    expect(charges.sebi.toString()).toBe('0.06');
    expect(Object.isFrozen(charges)).toBe(true);
  });

  it('round-trips through JSON, tiny amounts in exponent notation included', () => {
    const tiny = {
      ...ZERO_CHARGES,
      sebi: new Decimal('0.00000001'),
      total: new Decimal('0.00000001'),
    };
    const json = JSON.parse(JSON.stringify(tiny)) as Record<string, string>;
    expect(json.sebi).toBe('1e-8');
    const back = parseCharges(json);
    expect(back.sebi.equals(tiny.sebi)).toBe(true);
  });

  it('rejects non-numeric, negative and non-finite amounts', () => {
    expectValidationError(() => parseCharges({ ...chargesInput, gst: '3,93' }), 'gst', '3,93');
    expectValidationError(() => parseCharges({ ...chargesInput, stt: '-1' }), 'stt', '-1');
    expectValidationError(
      () => parseCharges({ ...chargesInput, total: new Decimal(Infinity) }),
      'total',
      new Decimal(Infinity),
    );
    expectValidationError(
      () => parseCharges({ ...chargesInput, ipft: Number.NaN }),
      'ipft',
      Number.NaN,
    );
  });
});

describe('parseFill', () => {
  it('parses a fill with charges as Decimals', () => {
    const fill = parseFill(fillInput);
    expect(fill.charges?.total.toString()).toBe('25.97');
    expect({ ...fill, charges: undefined }).toEqual({ ...fillInput, charges: undefined });
    expect(Object.isFrozen(fill)).toBe(true);
  });

  it('signs the quantity by side', () => {
    expect(signedQuantity({ side: 'BUY', quantity: 75 })).toBe(75);
    expect(signedQuantity({ side: 'SELL', quantity: 75 })).toBe(-75);
  });

  it('rejects a zero quantity, a non-positive price and a bad charge', () => {
    expectValidationError(() => parseFill({ ...fillInput, quantity: 0 }), 'quantity', 0);
    expectValidationError(() => parseFill({ ...fillInput, price: -1 }), 'price', -1);
    expectValidationError(() => parseFill({ ...fillInput, rawPrice: 'x' }), 'rawPrice', 'x');
    expectValidationError(
      () => parseFill({ ...fillInput, charges: { ...chargesInput, brokerage: 'twenty' } }),
      'charges.brokerage',
      'twenty',
    );
  });
});

describe('parsePosition', () => {
  it('parses long, short and flat positions', () => {
    expect(parsePosition(positionInput).realisedPnl.toString()).toBe('0');
    expect(parsePosition({ ...positionInput, quantity: -40 }).quantity).toBe(-40);
    const flat = parsePosition({
      ...positionInput,
      quantity: 0,
      averagePrice: 0,
      realisedPnl: '-125.5',
    });
    expect(flat.realisedPnl.toString()).toBe('-125.5');
    expect(Object.isFrozen(flat)).toBe(true);
  });

  it('rejects an average price that contradicts the quantity', () => {
    expectValidationError(
      () => parsePosition({ ...positionInput, quantity: 0 }),
      'averagePrice',
      1502.9,
    );
    expectValidationError(
      () => parsePosition({ ...positionInput, averagePrice: 0 }),
      'averagePrice',
      0,
    );
  });

  it('rejects a fractional quantity and a bad instrument', () => {
    expectValidationError(
      () => parsePosition({ ...positionInput, quantity: 0.5 }),
      'quantity',
      0.5,
    );
    expectValidationError(
      () => parsePosition({ ...positionInput, instrument: 'NSE:' }),
      'instrument',
      'NSE:',
    );
  });
});

describe('parseTrade', () => {
  it('parses a round trip with Decimal money', () => {
    const trade = parseTrade(tradeInput);
    expect(trade.pnl.toString()).toBe('448.8');
    expect(trade.grossPnl.minus(trade.charges).equals(trade.pnl)).toBe(true);
  });

  it('rejects an exit before the entry, negative charges and a net P&L that does not add up', () => {
    expectValidationError(
      () => parseTrade({ ...tradeInput, exitTime: tradeInput.entryTime - 1 }),
      'exitTime',
      tradeInput.entryTime - 1,
    );
    expectValidationError(
      () => parseTrade({ ...tradeInput, charges: '-1', pnl: '501' }),
      'charges',
      '-1',
    );
    const error = expectValidationError(
      () => parseTrade({ ...tradeInput, pnl: '500' }),
      'pnl',
      '500',
    );
    expect(error.message).toContain('must equal grossPnl − charges = 448.8');
  });

  it('rejects an unknown side', () => {
    expectValidationError(() => parseTrade({ ...tradeInput, side: 'BUY' }), 'side', 'BUY');
  });
});
