import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from './validation-error.js';

/** Reads the value at a zod issue path from the original input, for the error message. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cursor: unknown = input;
  for (const key of path) {
    if (cursor === null || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<PropertyKey, unknown>)[key];
  }
  return cursor;
}

/**
 * Validates `input` with a zod schema and returns the parsed value, or throws a
 * {@link ValidationError} that names every offending field and the value found there.
 *
 * @example
 * ```ts
 * const bar = parseWith(BarSchema, json, 'bar');
 * ```
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    value: valueAt(input, issue.path),
    message: issue.message,
  }));
  throw new ValidationError(what, issues);
}
