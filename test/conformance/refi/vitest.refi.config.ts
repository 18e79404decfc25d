import { defineConfig } from 'vitest/config';

// The REFI-QDA schema validation (npm run test:conformance -- --refi <dir>),
// started by test/conformance/run.ts only when --refi names the XSDs' folder.
// Its files end in .refi.ts, so neither this folder's other config nor the
// unit config picks them up.
export default defineConfig({
  test: {
    include: ['test/conformance/refi/**/*.refi.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
