/**
 * `npm run test:reliability`: runs the reliability suite (vitest with
 * vitest.reliability.config.ts) with a fresh counts folder, then prints the
 * summary (see test/reliability/summary.ts for how tests add their figures).
 * Exits non-zero if a test failed, an acknowledged annotation was lost, or a
 * fault was not survived. Extra arguments are passed to vitest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUNTS_DIR_ENV } from '../support/reliability-counts';
import { aggregate, formatSummary } from './summary';

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
const ok = testsPassed && summary.totals.acknowledgedLost === 0 && summary.totals.faultsSurvived === summary.totals.faultsInjected;
process.exit(ok ? 0 : 1);
