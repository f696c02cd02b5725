import { expect } from 'vitest';

/** Runs `fn`, expects it to throw an instance of `type`, and returns the error. */
export function expectThrown<E>(fn: () => unknown, type: abstract new (...args: never[]) => E): E {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(type);
  return thrown as E;
}
