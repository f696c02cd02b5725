import type { Indicator } from '../../src/indicators/index.js';

/** Feeds every input to a fresh indicator and collects what `update` returned. */
export function runIndicator<In, Out>(
  indicator: Indicator<In, Out>,
  inputs: readonly In[],
): (Out | undefined)[] {
  return inputs.map((x) => indicator.update(x));
}

function close(a: number, e: number, tolerance: number): boolean {
  return Math.abs(a - e) <= tolerance * Math.max(1, Math.abs(e));
}

/**
 * Throws (with the first differing index) unless both series are undefined at the same places
 * and agree elsewhere within `tolerance`, relative to max(1, |expected|). Values may be numbers,
 * strings, or objects of numbers (compared field by field over the expected object's keys).
 */
export function assertSeriesClose(
  actual: readonly unknown[],
  expected: readonly unknown[],
  tolerance = 1e-9,
): void {
  if (actual.length !== expected.length) {
    throw new Error(`length ${actual.length} != expected ${expected.length}`);
  }
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    const fail = () => {
      throw new Error(`index ${i}: got ${JSON.stringify(a)}, expected ${JSON.stringify(e)}`);
    };
    if (e === undefined || a === undefined || typeof e === 'string') {
      if (a !== e) fail();
    } else if (typeof e === 'number') {
      if (typeof a !== 'number' || !close(a, e, tolerance)) fail();
    } else {
      for (const [key, value] of Object.entries(e as Record<string, number>)) {
        const got = (a as Record<string, unknown>)[key];
        if (typeof got !== 'number' || !close(got, value, tolerance)) fail();
      }
    }
  }
}
