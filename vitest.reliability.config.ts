import { defineConfig } from 'vitest/config';

// The reliability suite (npm run test:reliability): fault injection, crash, power loss,
// corrupt files, bad input. Run through test/reliability/run.ts, which prints the summary.
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
