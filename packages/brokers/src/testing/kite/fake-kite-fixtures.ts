import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds Zerodha's fixture folder (`shared/fixtures/kite`) by walking up from this module, so
 * it resolves both from `src/` and from a built `dist/`. The fixtures are read in place.
 *
 * @example
 * ```ts
 * defaultKiteFixturesDir(); // '/work/shared/fixtures/kite'
 * ```
 */
export function defaultKiteFixturesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'fixtures', 'kite');
    if (existsSync(join(candidate, 'orders.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        'Kite fixtures not found above the package: pass fixturesDir to startFakeKite',
      );
    }
    dir = parent;
  }
}

/**
 * Reads fixture files lazily and caches them: JSON bodies as parsed objects, CSV as text.
 *
 * @example
 * ```ts
 * const fixtures = new KiteFixtures('/work/shared/fixtures/kite');
 * fixtures.json('margins.json');
 * ```
 */
export class KiteFixtures {
  private readonly cache = new Map<string, string>();

  constructor(readonly dir: string) {}

  text(name: string): string {
    let text = this.cache.get(name);
    if (text === undefined) {
      text = readFileSync(join(this.dir, name), 'utf8');
      this.cache.set(name, text);
    }
    return text;
  }

  /** A fresh copy of a JSON fixture (callers may change it). */
  json(name: string): Record<string, unknown> {
    return JSON.parse(this.text(name)) as Record<string, unknown>;
  }

  /** `data` of a success envelope. */
  data(name: string): unknown {
    return this.json(name).data;
  }
}
