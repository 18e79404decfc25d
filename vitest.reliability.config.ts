import { defineConfig } from 'vitest/config';

/**
 * The fast-check fuzzers of the export and import code: they run here (counted in the
 * reliability summary), not in the unit suite, so `npm test` runs them once.
 */
export const FUZZ_FILES = [
  'test/unit/core/exchange/import-parse.test.ts',
  'test/unit/core/exchange/markdown-escape.test.ts',
  'test/unit/core/exchange/markdown-export.test.ts',
];

// The reliability suite (npm run test:reliability): fault injection, crash, power loss,
// corrupt files, bad input, security checks. Run through test/reliability/run.ts, which
// prints the summary.
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts', ...FUZZ_FILES],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
