// Rewrites the generated tables of README.md from the schedules and plans:
// `npm run readme-table -w @pravah/costs-in`.
import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedTables } from './generated-tables.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withGeneratedTables(before);
writeFileSync(path, after);
process.stdout.write(
  before === after ? 'README.md tables already up to date\n' : 'README.md tables regenerated\n',
);
