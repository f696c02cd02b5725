import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    treeshake: true,
  },
  {
    // The CLI is ESM only: it uses top-level await and loads vega (an ESM graph with top-level await).
    // sweep-worker is the entry of the sweep's worker threads (tinypool loads it by file name).
    entry: { cli: 'src/cli.ts', 'sweep-worker': 'src/sweep/sweep-worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
  },
]);
