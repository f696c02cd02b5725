import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@pravah/sdk';
import { exampleStrategies } from '../src/index.js';
import { thrown } from './_data.js';

describe('exampleStrategies', () => {
  it('lists the six reference strategies under their CLI names', () => {
    expect(Object.keys(exampleStrategies)).toEqual([
      'sma-crossover',
      'vwap-mean-reversion',
      'momentum-breakout',
      'pairs-trading',
      'multi-indicator-vote',
      'rsi-mean-reversion',
    ]);
    expect(Object.isFrozen(exampleStrategies)).toBe(true);
  });

  it('holds strategies named as their keys, with parameter defaults and strict parameter names', () => {
    for (const [name, strategy] of Object.entries(exampleStrategies)) {
      expect(strategy.kind).toBe('strategy');
      expect(strategy.toJSON().name).toBe(name);
      expect(strategy.description?.length).toBeGreaterThan(20);
      expect(() => strategy.parseParams({})).not.toThrow();
      // A misspelt parameter is an error naming it, not silently ignored.
      const error = thrown(() => strategy.parseParams({ fsat: 5 }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain('fsat');
    }
  });
});

describe('README', () => {
  it('shows sma-crossover exactly as it ships, in under 40 lines', () => {
    const source = readFileSync(
      new URL('../src/strategies/sma-crossover.ts', import.meta.url),
      'utf8',
    );
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(source.trimEnd().split('\n').length).toBeLessThan(40);
    expect(readme).toContain('```ts\n' + source + '```');
  });

  it('has a line for every strategy with the command that runs it', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(exampleStrategies)) {
      expect(readme).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'));
      expect(readme).toContain(`npx pravah backtest ${name}`);
    }
  });
});
