import { readFileSync } from 'node:fs';

/** Zerodha's fixtures (KMK), read in place from the shared folder, never copied. */
export const KITE_FIXTURES = new URL('../../../../../shared/fixtures/kite/', import.meta.url);

export function readFixture(name: string): string {
  return readFileSync(new URL(name, KITE_FIXTURES), 'utf8');
}

export function readJsonFixture(name: string): unknown {
  return JSON.parse(readFixture(name)) as unknown;
}
