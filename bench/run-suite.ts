// Child process entry: imports one suite and prints its results as one JSON line on stdout.
import { pathToFileURL } from 'node:url';
import type { BenchSuite } from './types.js';

const file = process.argv[2];
if (!file) throw new Error('usage: run-suite <suite.ts>');
const mod = (await import(pathToFileURL(file).href)) as { default: BenchSuite };
const results = await mod.default();
process.stdout.write(`${JSON.stringify(results)}\n`);
