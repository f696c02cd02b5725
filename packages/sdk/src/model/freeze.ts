import type Decimal from 'decimal.js';

/**
 * `T` as a parse helper returns it: every level readonly, and optional properties without an
 * explicit `undefined` (absent fields are removed, so the value matches the model interfaces
 * under `exactOptionalPropertyTypes`).
 */
export type Frozen<T> = T extends Decimal
  ? T
  : T extends readonly (infer U)[]
    ? readonly Frozen<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Frozen<Exclude<T[K], undefined>> }
      : T;

/**
 * Deep-freezes a freshly parsed message in place: plain objects and arrays are frozen, keys
 * holding `undefined` are deleted, class instances (Decimal) are left as they are (they are
 * immutable by construction). Only call it on values the caller owns, e.g. zod's output.
 */
export function freezeMessage<T>(value: T): Frozen<T> {
  deepFreeze(value);
  return value as Frozen<T>;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    for (const item of value) deepFreeze(item);
    Object.freeze(value);
    return;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (field === undefined) delete record[key];
    else deepFreeze(field);
  }
  Object.freeze(value);
}
