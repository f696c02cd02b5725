import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PravahError, ValidationError, formatValue, parseWith } from '../../src/errors/index.js';
import { expectValidationError } from './expect-validation-error.js';

describe('PravahError', () => {
  it('carries a stable code, the subclass name and the cause', () => {
    class FeedGapError extends PravahError {
      constructor(cause: unknown) {
        super('FEED_GAP', 'Feed has a gap: resubscribe', { cause });
      }
    }
    const cause = new Error('socket closed');
    const error = new FeedGapError(cause);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(PravahError);
    expect(error.name).toBe('FeedGapError');
    expect(error.code).toBe('FEED_GAP');
    expect(error.message).toBe('Feed has a gap: resubscribe');
    expect(error.cause).toBe(cause);
  });
});

describe('ValidationError', () => {
  it('names the first field and value in its message and exposes every issue', () => {
    const error = new ValidationError('bar', [
      { field: 'high', value: 9, message: 'high 9 is below low 10' },
      { field: 'open', value: 9.5, message: 'open lies outside [low 10, high 9]' },
    ]);
    expect(error).toBeInstanceOf(PravahError);
    expect(error.name).toBe('ValidationError');
    expect(error.code).toBe('VALIDATION');
    expect(error.what).toBe('bar');
    expect(error.field).toBe('high');
    expect(error.value).toBe(9);
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe(
      'Invalid bar: high: high 9 is below low 10 (got 9) and 1 more issue(s)',
    );
  });

  it('says (root) when the input itself is wrong', () => {
    const error = new ValidationError('tick', [
      { field: '', value: null, message: 'expected object' },
    ]);
    expect(error.message).toBe('Invalid tick: (root): expected object (got null)');
    expect(error.field).toBe('');
  });

  it('has empty field and undefined value when given no issues', () => {
    const error = new ValidationError('thing', []);
    expect(error.message).toBe('Invalid thing: invalid');
    expect(error.field).toBe('');
    expect(error.value).toBeUndefined();
  });
});

describe('formatValue', () => {
  it('renders primitives as they would be typed', () => {
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(12.5)).toBe('12.5');
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue(true)).toBe('true');
    expect(formatValue('abc')).toBe('"abc"');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });

  it('truncates long strings and objects to about 60 characters', () => {
    const long = 'x'.repeat(100);
    expect(formatValue(long)).toBe(JSON.stringify(`${'x'.repeat(57)}...`));
    expect(formatValue({ long })).toBe(`${JSON.stringify({ long }).slice(0, 57)}...`);
  });

  it('survives values JSON cannot render', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(formatValue(circular)).toBe('[object Object]');
    expect(formatValue(10n)).toBe('[object BigInt]');
  });
});

describe('parseWith', () => {
  const schema = z.object({
    name: z.string(),
    depth: z.object({ buy: z.array(z.object({ price: z.number().nonnegative() })) }),
  });

  it('returns the parsed value', () => {
    const input = { name: 'x', depth: { buy: [{ price: 1 }] } };
    expect(parseWith(schema, input, 'book')).toEqual(input);
  });

  it('names a nested field by its dotted path and reports the value found there', () => {
    const error = expectValidationError(
      () => parseWith(schema, { name: 'x', depth: { buy: [{ price: 1 }, { price: -2 }] } }, 'book'),
      'depth.buy.1.price',
      -2,
    );
    expect(error.what).toBe('book');
    expect(error.message).toMatch(/^Invalid book: depth\.buy\.1\.price: .* \(got -2\)$/);
  });

  it('reports every issue, in schema order', () => {
    const error = expectValidationError(() => parseWith(schema, { name: 7 }, 'book'), 'name', 7);
    expect(error.issues.map((issue) => issue.field)).toEqual(['name', 'depth']);
    expect(error.issues[1]?.value).toBeUndefined();
  });

  it('reports a wrong root with an empty field and the input as value', () => {
    expectValidationError(() => parseWith(schema, 'nope', 'book'), '', 'nope');
  });

  it('stops at the first level that has the wrong type', () => {
    const error = expectValidationError(
      () => parseWith(schema, { name: 'x', depth: 5 }, 'book'),
      'depth',
      5,
    );
    expect(error.issues).toHaveLength(1);
  });
});
