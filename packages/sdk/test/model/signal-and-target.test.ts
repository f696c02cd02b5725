import { describe, expect, it } from 'vitest';
import { parseSignalEvent, parseTargetPosition } from '../../src/model/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { signalInput, targetInput } from './fixtures.js';

describe('parseSignalEvent', () => {
  it('parses long, short and flat signals', () => {
    expect(parseSignalEvent(signalInput)).toEqual(signalInput);
    const short = { ...signalInput, direction: 'short', stop: 1510, target: 1480 };
    expect(parseSignalEvent(short)).toEqual(short);
    const flat = { ...signalInput, direction: 'flat', stop: undefined, target: undefined };
    expect(parseSignalEvent(flat)).not.toHaveProperty('stop');
  });

  it('rejects confidence outside 0..1 and an unknown direction', () => {
    expectValidationError(
      () => parseSignalEvent({ ...signalInput, confidence: 1.2 }),
      'confidence',
      1.2,
    );
    expectValidationError(
      () => parseSignalEvent({ ...signalInput, confidence: -0.1 }),
      'confidence',
      -0.1,
    );
    expectValidationError(
      () => parseSignalEvent({ ...signalInput, direction: 'up' }),
      'direction',
      'up',
    );
  });

  it('rejects a stop or target on the wrong side of the price', () => {
    expectValidationError(() => parseSignalEvent({ ...signalInput, stop: 1503 }), 'stop', 1503);
    expectValidationError(() => parseSignalEvent({ ...signalInput, target: 1500 }), 'target', 1500);
    const short = { ...signalInput, direction: 'short', stop: 1510, target: 1480 };
    expectValidationError(() => parseSignalEvent({ ...short, stop: 1490 }), 'stop', 1490);
    expectValidationError(() => parseSignalEvent({ ...short, target: 1520 }), 'target', 1520);
  });
});

describe('parseTargetPosition', () => {
  it('parses a long target with its signal, deep-frozen', () => {
    const target = parseTargetPosition(targetInput);
    expect(target).toEqual(targetInput);
    expect(Object.isFrozen(target.signal)).toBe(true);
  });

  it('parses a flat target and a short one', () => {
    const flat = {
      ...targetInput,
      quantity: 0,
      stop: undefined,
      target: undefined,
      signal: undefined,
    };
    expect(parseTargetPosition(flat).quantity).toBe(0);
    const short = { ...flat, quantity: -75, stop: 1520, target: 1450 };
    expect(parseTargetPosition(short).quantity).toBe(-75);
  });

  it('rejects a fractional quantity and negative zero', () => {
    expectValidationError(
      () => parseTargetPosition({ ...targetInput, quantity: 12.5 }),
      'quantity',
      12.5,
    );
    expectValidationError(
      () => parseTargetPosition({ ...targetInput, quantity: -0 }),
      'quantity',
      -0,
    );
  });

  it("rejects a stop on the wrong side for the quantity's sign", () => {
    expectValidationError(() => parseTargetPosition({ ...targetInput, stop: 1510 }), 'stop', 1510);
    expectValidationError(
      () => parseTargetPosition({ ...targetInput, quantity: -100, signal: undefined }),
      'stop',
      1490,
    );
  });

  it('rejects a signal for another instrument and a bad product', () => {
    expectValidationError(
      () =>
        parseTargetPosition({
          ...targetInput,
          signal: { ...targetInput.signal, instrument: 'NSE:TCS' },
        }),
      'signal.instrument',
      'NSE:TCS',
    );
    expectValidationError(
      () => parseTargetPosition({ ...targetInput, product: 'BO' }),
      'product',
      'BO',
    );
  });
});
