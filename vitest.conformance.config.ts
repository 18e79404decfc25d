import { defineConfig } from 'vitest/config';

// The official W3C and Hypothesis suites (npm run test:conformance), run through
// test/conformance/run.ts, which finds the suites' folder and passes it on.
// Neither the unit nor the reliability config includes test/conformance/.
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
