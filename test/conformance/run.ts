/**
 * `npm run test:conformance [-- --fixtures <dir>]`: runs the official W3C Web
 * Annotation and Hypothesis anchoring suites (vitest with
 * vitest.conformance.config.ts) against a folder laid out as described in
 * ../shared/fixtures/README.md. The default is `../shared/fixtures` beside the
 * clone, where CI keeps a copy. Other arguments are passed to vitest.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES_ENV, SUITE_FOLDERS, holdsSuites } from './suite-dir';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Splits `--fixtures <dir>` / `--fixtures=<dir>` from the arguments meant for vitest. */
function parseArgs(args: string[]): { fixtures: string | null; rest: string[] } {
  const rest: string[] = [];
  let fixtures: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--fixtures') fixtures = args[++i] ?? '';
    else if (arg.startsWith('--fixtures=')) fixtures = arg.slice('--fixtures='.length);
    else rest.push(arg);
  }
  return { fixtures, rest };
}

const { fixtures, rest } = parseArgs(process.argv.slice(2));
const dir = path.resolve(fixtures ?? path.join(root, '../shared/fixtures'));
if (!holdsSuites(dir)) {
  process.stderr.write(
    `No conformance suites at ${dir}: get the W3C web-annotation-tests repository (https://github.com/w3c/web-annotation-tests) and the Hypothesis client's anchoring test fixtures (https://github.com/hypothesis/client, src/annotator/anchoring/test), lay them out as ${SUITE_FOLDERS.map((f) => `${f}/`).join(' and ')} as the README's Tests section describes, and run npm run test:conformance -- --fixtures <that folder>.\n`,
  );
  process.exit(2);
}

const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '-c', 'vitest.conformance.config.ts', ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, [FIXTURES_ENV]: dir },
});
process.exit(run.status ?? 1);
