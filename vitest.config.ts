import { configDefaults, defineConfig } from 'vitest/config';
import { FUZZ_FILES } from './vitest.reliability.config';

// The unit suite. The fuzzers in FUZZ_FILES run in the reliability suite instead.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    exclude: [...configDefaults.exclude, ...FUZZ_FILES],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
