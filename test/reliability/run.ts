/**
 * `npm run test:reliability`: runs the reliability suite (vitest with
 * vitest.reliability.config.ts) with a fresh counts folder, then prints the
 * summary (see test/reliability/summary.ts for how tests add their figures).
 * Exits non-zero if a test failed or an acknowledged annotation was lost (every
 * other figure is recorded only after the assertions that make it true). Extra
 * arguments are passed to vitest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUNTS_DIR_ENV } from '../support/reliability-counts';
import { aggregate, formatSummary, passed } from './summary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const countsDir = mkdtempSync(path.join(os.tmpdir(), 'fieldmark-reliability-'));
const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '-c', 'vitest.reliability.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, [COUNTS_DIR_ENV]: countsDir },
});
const summary = aggregate(countsDir);
rmSync(countsDir, { recursive: true, force: true });
const testsPassed = run.status === 0;
process.stdout.write(formatSummary(summary, testsPassed));
process.exit(passed(summary, testsPassed) ? 0 : 1);
