import { describe, expect, it } from 'vitest';
import { parseRiskEvent } from '../../src/model/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { intentInput, riskInput } from './fixtures.js';

describe('parseRiskEvent', () => {
  it('parses shrunk, blocked and halted events', () => {
    const shrunk = parseRiskEvent(riskInput);
    expect(shrunk).toEqual(riskInput);
    expect(Object.isFrozen(shrunk.replacement)).toBe(true);
    const { replacement: _r, ...blocked } = { ...riskInput, action: 'blocked' };
    expect(parseRiskEvent(blocked).action).toBe('blocked');
    const halted = {
      kind: 'risk',
      time: 0,
      guard: 'maxDrawdownHalt',
      action: 'halted',
      reason: 'drawdown 10.2% from peak',
    };
    expect(parseRiskEvent(halted)).toEqual(halted);
  });

  it('rejects a blocked or shrunk event without the intent', () => {
    const { intent: _i, replacement: _r, ...bare } = riskInput;
    expectValidationError(
      () => parseRiskEvent({ ...bare, action: 'blocked' }),
      'intent',
      undefined,
    );
    expectValidationError(() => parseRiskEvent(bare), 'intent', undefined);
  });

  it('rejects a shrunk event whose replacement is missing, not smaller, or for something else', () => {
    const { replacement, ...noReplacement } = riskInput;
    expectValidationError(() => parseRiskEvent(noReplacement), 'replacement', undefined);
    expectValidationError(
      () => parseRiskEvent({ ...riskInput, replacement: { ...replacement, quantity: 500 } }),
      'replacement.quantity',
      500,
    );
    expectValidationError(
      () => parseRiskEvent({ ...riskInput, replacement: { ...replacement, side: 'SELL' } }),
      'replacement',
      { ...replacement, side: 'SELL' },
    );
    expectValidationError(
      () => parseRiskEvent({ ...riskInput, action: 'blocked' }),
      'replacement',
      riskInput.replacement,
    );
  });

  it('rejects an instrument that differs from the intent, an unknown action and an empty reason', () => {
    expectValidationError(
      () => parseRiskEvent({ ...riskInput, instrument: 'NSE:TCS' }),
      'instrument',
      'NSE:TCS',
    );
    expectValidationError(
      () => parseRiskEvent({ ...riskInput, action: 'dropped' }),
      'action',
      'dropped',
    );
    expectValidationError(() => parseRiskEvent({ ...riskInput, reason: '' }), 'reason', '');
    expectValidationError(
      () => parseRiskEvent({ ...riskInput, intent: { ...intentInput, orderType: 'SL' } }),
      'intent.triggerPrice',
      undefined,
    );
  });
});
