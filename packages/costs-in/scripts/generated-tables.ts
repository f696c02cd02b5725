// The README's generated sections: each sits between `<!-- generated:NAME -->` and
// `<!-- /generated:NAME -->` and is rendered from the package's data, never written by hand.
import { angelOne, renderPlanTable, renderRateTable, upstox, zerodha } from '../src/index.js';

/** Renderers of the generated README sections, by name. */
export const GENERATED_SECTIONS: Readonly<Record<string, () => string>> = {
  'rate-table': renderRateTable,
  'plan-table': () => renderPlanTable([zerodha(), upstox(), angelOne()]),
};

/** The README with every generated section re-rendered. Throws if a section marker is missing. */
export function withGeneratedTables(readme: string): string {
  let out = readme;
  for (const [name, render] of Object.entries(GENERATED_SECTIONS)) {
    const open = `<!-- generated:${name} -->`;
    const close = `<!-- /generated:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start)
      throw new Error(`README.md lacks the ${open} ... ${close} markers`);
    out = `${out.slice(0, start + open.length)}\n${render()}\n${out.slice(end)}`;
  }
  return out;
}
