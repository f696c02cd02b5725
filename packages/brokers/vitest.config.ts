import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources (the "source" export condition),
// so tests never run against a stale dist.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});
