import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real UI in Debian's Chromium against the browser
// host (`node out/main/web.js`), one fresh host and data folder per test.
// `npm run test:electron` runs the same specs against the desktop app where the
// Electron runtime exists (FIELDMARK_E2E_HOST=electron).
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
