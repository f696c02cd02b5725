import { describe, expect, it } from 'vitest';
import {
  fixedQuantity,
  SizingError,
  UnknownInstrumentError,
  ValidationError,
  type FixedQuantityOptions,
} from '../../src/index.js';
import {
  bankniftyFut,
  context,
  holding,
  marbles,
  niftyFut,
  recordingLogger,
  reliance,
  runOperator,
  signal,
  T0,
} from './fixtures.js';

describe('fixedQuantity', () => {
  it('maps long, short and flat signals to +q, -q and 0 (marbles)', () => {
    const ctx = context();
    marbles().run(({ cold, expectObservable }) => {
      const long = signal(reliance.id, 'long', 2500);
      const short = signal(reliance.id, 'short', 2500, { time: T0 + 60_000 });
      const flat = signal(reliance.id, 'flat', 2500, { time: T0 + 120_000 });
      const source = cold('a-b--c|', { a: long, b: short, c: flat });
      const quantities = source.pipe(fixedQuantity({ quantity: 100 })(ctx));
      expectObservable(quantities).toBe('a-b--c|', {
        a: expect.objectContaining({
          kind: 'target',
          quantity: 100,
          product: 'MIS',
          price: 2500,
          signal: long,
        }),
        b: expect.objectContaining({ quantity: -100, time: T0 + 60_000 }),
        c: expect.objectContaining({ quantity: 0, time: T0 + 120_000 }),
      });
    });
  });

  it('copies the signal context into the target', async () => {
    const s = signal(reliance.id, 'long', 2500, {
      stop: 2450,
      target: 2600,
      confidence: 0.7,
      reason: 'x',
    });
    const [target] = await runOperator(fixedQuantity({ quantity: 10 })(context()), [s]);
    expect(target).toEqual({
      kind: 'target',
      instrument: reliance.id,
      time: T0,
      quantity: 10,
      product: 'MIS',
      price: 2500,
      stop: 2450,
      target: 2600,
      confidence: 0.7,
      reason: 'x; fixedQuantity: 10 units',
      signal: s,
    });
  });

  it('rounds units down to the lot size, and sizes lots in whole lots', async () => {
    const ctx = context({ portfolio: { cash: 100_000_000 } });
    const [units] = await runOperator(fixedQuantity({ quantity: 100 })(ctx), [
      signal(niftyFut.id, 'long', 24000),
    ]);
    expect(units?.quantity).toBe(75);
    const [lots] = await runOperator(fixedQuantity({ lots: 2 })(ctx), [
      signal(niftyFut.id, 'short', 24000),
    ]);
    expect(lots?.quantity).toBe(-150);
  });

  it('caps a cash account at quantity × price ≤ cash, and leverage multiplies it', async () => {
    const cash = context({ portfolio: { cash: 10_000 } });
    const [capped] = await runOperator(fixedQuantity({ quantity: 10 })(cash), [
      signal(reliance.id, 'long', 2500),
    ]);
    expect(capped?.quantity).toBe(4);
    expect(capped?.reason).toContain('capped by buying power');
    const [levered] = await runOperator(fixedQuantity({ quantity: 10, leverage: 5 })(cash), [
      signal(reliance.id, 'long', 2500),
    ]);
    expect(levered?.quantity).toBe(10);
  });

  it('lets the current position in the instrument count toward buying power', async () => {
    // All cash is in 4 RELIANCE; the target replaces them, so 4 stays affordable.
    const ctx = context({ portfolio: { cash: 0, positions: [holding(reliance.id, 4, 2500)] } });
    const [target] = await runOperator(fixedQuantity({ quantity: 10 })(ctx), [
      signal(reliance.id, 'long', 2500),
    ]);
    expect(target?.quantity).toBe(4);
  });

  it('subtracts what other instruments commit: positions and open entry orders', async () => {
    const ctx = context({
      portfolio: { cash: 50_000, positions: [holding(niftyFut.id, 75, 400)] }, // equity 80,000
    });
    const [target] = await runOperator(fixedQuantity({ quantity: 100 })(ctx), [
      signal(reliance.id, 'long', 1000),
    ]);
    // 80,000 − 30,000 of NIFTY exposure = 50,000 → 50 units at 1,000
    expect(target?.quantity).toBe(50);
  });

  it('caps at maxSlices orders of the lot-aligned freeze quantity', async () => {
    const ctx = context({ portfolio: { cash: 1e12 } });
    const [target] = await runOperator(fixedQuantity({ lots: 100, maxSlices: 2 })(ctx), [
      signal(bankniftyFut.id, 'long', 50000),
    ]);
    // freeze 900 holds 25 lots of 35 = 875; two slices = 1750
    expect(target?.quantity).toBe(1750);
    expect(target?.reason).toContain('capped at 2 freeze-quantity slices');
  });

  it('gives 0 for short signals on CNC, or when shorts are disallowed', async () => {
    const short = signal(reliance.id, 'short', 2500);
    const [cnc] = await runOperator(fixedQuantity({ quantity: 10, product: 'CNC' })(context()), [
      short,
    ]);
    expect(cnc).toMatchObject({ quantity: 0, product: 'CNC' });
    expect(cnc?.reason).toContain('shorts are not allowed for CNC');
    const [mis] = await runOperator(fixedQuantity({ quantity: 10, allowShort: false })(context()), [
      short,
    ]);
    expect(mis?.quantity).toBe(0);
    const [cncAllowed] = await runOperator(
      fixedQuantity({ quantity: 10, product: 'CNC', allowShort: true })(context()),
      [short],
    );
    expect(cncAllowed?.quantity).toBe(-10);
  });

  it('never returns -0 and warns when a signal that wanted a size gets none', async () => {
    const logger = recordingLogger();
    const ctx = context({ portfolio: { cash: 0 }, logger });
    const [target] = await runOperator(fixedQuantity({ quantity: 10 })(ctx), [
      signal(reliance.id, 'short', 2500),
    ]);
    expect(Object.is(target?.quantity, 0)).toBe(true);
    expect(logger.lines).toEqual([
      { level: 'warn', message: 'fixedQuantity: short signal sized to zero' },
    ]);
  });

  it('rejects bad options with a ValidationError naming the field', () => {
    expect(() => fixedQuantity({ quantity: 0 })).toThrow(ValidationError);
    expect(() => fixedQuantity({ quantity: 1.5 })).toThrow(/quantity/);
    expect(() =>
      fixedQuantity({ quantity: 1, lots: 1 } as unknown as FixedQuantityOptions),
    ).toThrow(/exactly one of quantity/);
    expect(() => fixedQuantity({ quantity: 1, leverage: -1 })).toThrow(/leverage/);
    expect(() =>
      fixedQuantity({ quantity: 1, colour: 'red' } as unknown as FixedQuantityOptions),
    ).toThrow(ValidationError);
  });

  it('errors the stream on a non-finite price or an unknown instrument', async () => {
    const sizer = fixedQuantity({ quantity: 1 })(context());
    const nan = runOperator(sizer, [signal(reliance.id, 'long', Number.NaN)]);
    await expect(nan).rejects.toThrow(SizingError);
    await expect(nan).rejects.toMatchObject({ field: 'signal.price' });
    await expect(runOperator(sizer, [signal('NSE:UNKNOWN', 'long', 10)])).rejects.toThrow(
      UnknownInstrumentError,
    );
  });

  it('errors the stream when the runtime reports non-finite equity', async () => {
    const ctx = context({ portfolio: { cash: 0, equity: Number.NaN } });
    await expect(
      runOperator(fixedQuantity({ quantity: 1 })(ctx), [signal(reliance.id, 'long', 10)]),
    ).rejects.toMatchObject({
      name: 'SizingError',
      field: 'portfolio.equity',
    });
  });
});
