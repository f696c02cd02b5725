import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRateTable } from '../../src/index.js';
import { withGeneratedTables } from '../../scripts/generated-tables.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('its generated tables equal what the schedules and plans render (run `npm run readme-table -w @pravah/costs-in`)', () => {
    expect(withGeneratedTables(readme)).toBe(readme);
  });

  it('embeds the rate table with the dated rows', () => {
    const table = renderRateTable();
    expect(readme).toContain(table);
    expect(table).toContain(
      '| Exchange transaction charge | NSE | equity-delivery, equity-intraday | both | 0.0030699% | 306.99 | 2026-03-01 → | 🟡 |',
    );
    expect(table).toContain(
      '| STT / CTT | ALL | equity-options | sell | 0.15% | 15000 | 2026-04-01 → | ✅ |',
    );
  });

  describe('example', () => {
    afterEach(() => vi.restoreAllMocks());

    it('is the README example verbatim, and prints what the README says', async () => {
      const source = readFileSync(new URL('./example.ts', import.meta.url), 'utf8');
      expect(readme).toContain(`\`\`\`ts\n${source}\`\`\``);
      const printed: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
      await import('./example.js');
      expect(printed).toEqual([
        'delivery buy: STT 100.00, total 118.74',
        'MCX note: CTT 5.00, charges 62.05, net -379.05',
        'NIFTY CE break-even: 1.01 points',
      ]);
      for (const line of printed) expect(readme).toContain(line);
    });
  });
});
