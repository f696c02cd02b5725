import { expect } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';

/**
 * Runs `action`, asserts that it throws a ValidationError whose first issue is on `field` with
 * `value`, and returns the error for further assertions.
 */
export function expectValidationError(
  action: () => unknown,
  field: string,
  value: unknown,
): ValidationError {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a ValidationError to be thrown').toBeInstanceOf(ValidationError);
  const error = thrown as ValidationError;
  expect({ field: error.field, value: error.value }).toEqual({ field, value });
  return error;
}
