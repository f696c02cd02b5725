import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../../src/errors/index.js';
import { defineStrategy, type StrategyDefinition } from '../../src/graph/index.js';
import { expectValidationError } from '../errors/expect-validation-error.js';
import { fixedSizer, maxQuantityGuard, momentumSignal, toMarketOrders } from './stages.js';

const params = z
  .object({
    quantity: z.number().int().positive().default(10),
    threshold: z.number().nonnegative().default(0),
  })
  .refine((p) => p.threshold < p.quantity, {
    path: ['threshold'],
    message: 'must be below quantity',
  });

const definition: StrategyDefinition<typeof params> = {
  name: 'momentum',
  description: 'long on an up-close, short on a down-close',
  params,
  universe: ['NSE:INFY', 'NSE:TCS'],
  timeframes: ['1m', '15m'],
  signal: momentumSignal,
  sizer: fixedSizer,
  execution: toMarketOrders,
  guards: [maxQuantityGuard(100)],
};

describe('defineStrategy', () => {
  it('returns the definition as a frozen value with its stages', () => {
    const strategy = defineStrategy(definition);
    expect(strategy.kind).toBe('strategy');
    expect(strategy.name).toBe('momentum');
    expect(strategy.description).toBe(definition.description);
    expect(strategy.signal).toBe(momentumSignal);
    expect(strategy.sizer).toBe(fixedSizer);
    expect(strategy.execution).toBe(toMarketOrders);
    expect(strategy.guards).toEqual(definition.guards);
    expect(Object.isFrozen(strategy)).toBe(true);
    expect(Object.isFrozen(strategy.universe)).toBe(true);
    expect(Object.isFrozen(strategy.timeframes)).toBe(true);
    expect(Object.isFrozen(strategy.guards)).toBe(true);
  });

  it('defaults guards to none', () => {
    const { guards: _guards, ...withoutGuards } = definition;
    expect(defineStrategy(withoutGuards).guards).toEqual([]);
  });

  it('copies its lists: changing the caller arrays later changes nothing', () => {
    const universe: ('NSE:INFY' | 'NSE:TCS')[] = ['NSE:INFY'];
    const strategy = defineStrategy({ ...definition, universe });
    universe.push('NSE:TCS');
    expect(strategy.universe).toEqual(['NSE:INFY']);
    expect(strategy.toJSON().universe).toEqual(['NSE:INFY']);
  });

  it('serialises by name: functions are not data', () => {
    const strategy = defineStrategy(definition);
    expect(JSON.stringify(strategy)).toBe(
      '{"kind":"strategy","name":"momentum","universe":["NSE:INFY","NSE:TCS"],"timeframes":["1m","15m"]}',
    );
  });

  describe('parseParams', () => {
    const strategy = defineStrategy(definition);

    it('applies defaults to missing parameters', () => {
      expect(strategy.parseParams()).toEqual({ quantity: 10, threshold: 0 });
      expect(strategy.parseParams({})).toEqual({ quantity: 10, threshold: 0 });
      expect(strategy.parseParams({ threshold: 2 })).toEqual({ quantity: 10, threshold: 2 });
    });

    it('rejects a bad parameter with a ValidationError naming it and its value', () => {
      const error = expectValidationError(
        () => strategy.parseParams({ quantity: 'ten' }),
        'quantity',
        'ten',
      );
      expect(error.what).toBe('parameters of strategy "momentum"');
      expect(error.message).toMatch(
        /^Invalid parameters of strategy "momentum": quantity: .* \(got "ten"\)$/,
      );
      expectValidationError(() => strategy.parseParams({ quantity: 2.5 }), 'quantity', 2.5);
      expectValidationError(() => strategy.parseParams({ threshold: -1 }), 'threshold', -1);
    });

    it('reports rules across parameters on the named parameter', () => {
      expectValidationError(
        () => strategy.parseParams({ quantity: 5, threshold: 5 }),
        'threshold',
        5,
      );
    });

    it('rejects parameters that are not an object', () => {
      expectValidationError(() => strategy.parseParams('quantity=5'), '', 'quantity=5');
    });
  });

  describe('checks the definition', () => {
    const define = (overrides: Record<string, unknown>) => () =>
      // Spreading a loose record keeps the definition's static type: exactly what an untyped
      // (JavaScript) caller could pass.
      defineStrategy({ ...definition, ...overrides });

    it('rejects a blank name', () => {
      const error = expectValidationError(define({ name: '  ' }), 'name', '  ');
      expect(error.what).toBe('strategy definition');
    });

    it('rejects an invalid instrument in the universe, naming its index', () => {
      const error = expectValidationError(
        define({ universe: ['NSE:INFY', 'NYSE:IBM'] }),
        'universe.1',
        'NYSE:IBM',
      );
      expect(error.message).toContain('unknown exchange "NYSE"');
      expectValidationError(define({ universe: ['NSE:INFY', 'NSE:INFY'] }), 'universe', [
        'NSE:INFY',
        'NSE:INFY',
      ]);
    });

    it('rejects missing, unknown or repeated timeframes', () => {
      expectValidationError(define({ timeframes: [] }), 'timeframes', []);
      expectValidationError(define({ timeframes: ['1m', '2m'] }), 'timeframes.1', '2m');
      expectValidationError(define({ timeframes: ['1m', '1m'] }), 'timeframes', ['1m', '1m']);
    });

    it('rejects stages that are not functions and params that are not a zod schema', () => {
      expectValidationError(define({ sizer: { quantity: 1 } }), 'sizer', { quantity: 1 });
      expectValidationError(define({ guards: [maxQuantityGuard(1), 'kill'] }), 'guards.1', 'kill');
      expectValidationError(define({ params: { quantity: 10 } }), 'params', { quantity: 10 });
      expect(define({ execution: undefined })).toThrow(ValidationError);
    });
  });
});
