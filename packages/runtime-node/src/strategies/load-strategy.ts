import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exampleStrategies } from '@pravah/examples';
import type { Strategy } from '@pravah/sdk';
import { UsageError } from '../cli/usage-error.js';

function isStrategy(value: unknown): value is Strategy {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'strategy'
  );
}

/**
 * Resolves `<strategy>` as the CLI receives it: an example name (`sma-crossover`), or a path to
 * a `.ts` / `.js` / `.mjs` file exporting a `defineStrategy` value (default export, an export
 * named `strategy`, or the only strategy export). TypeScript is loaded with tsx, no build step.
 *
 * @example
 * ```ts
 * const strategy = await loadStrategy('./my-strategy.ts');
 * ```
 */
export async function loadStrategy(ref: string, cwd = process.cwd()): Promise<Strategy> {
  const example = exampleStrategies[ref];
  if (example) return example;
  const looksLikePath = /[./\\]/.test(ref) || /\.(m?[jt]s)$/.test(ref);
  if (!looksLikePath) {
    throw new UsageError(
      `unknown strategy "${ref}"`,
      `use one of: ${Object.keys(exampleStrategies).join(', ')}; or a path to a .ts/.js file exporting defineStrategy(...)`,
    );
  }
  const file = path.resolve(cwd, ref);
  if (!existsSync(file)) throw new UsageError(`strategy file not found: ${file}`);
  let mod: Record<string, unknown>;
  try {
    if (/\.(c|m)?ts$/.test(file)) {
      const { tsImport } = await import('tsx/esm/api');
      mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
    } else {
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    }
  } catch (error) {
    throw new UsageError(
      `could not load ${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      'check the file compiles and imports @pravah/sdk',
    );
  }
  const candidates = [mod['default'], mod['strategy'], ...Object.values(mod)].filter(isStrategy);
  const found = candidates[0];
  if (!found) {
    throw new UsageError(
      `${file} exports no strategy`,
      'export default defineStrategy({ ... }) from the file',
    );
  }
  return found;
}
