/**
 * `npm run test:conformance [-- --fixtures <dir>] [--refi <dir>]`: runs the
 * official W3C Web Annotation and Hypothesis anchoring suites (vitest with
 * vitest.conformance.config.ts) against a folder laid out as described in
 * ../shared/fixtures/README.md. The default is `../shared/fixtures` beside the
 * clone, where CI keeps a copy. Other arguments are passed to vitest.
 *
 * With `--refi <dir>` (a folder holding the official REFI-QDA XSDs, see
 * refi/refi-schema-dir.ts) it first validates Fieldmark's .qdc and .qdpx
 * exports against them (refi/vitest.refi.config.ts). Then the suites run as
 * without it, except that a missing default suites folder is skipped with a note
 * rather than failing, so the XSDs can be checked on their own.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFI_ENV, findRefiSchemas } from './refi/refi-schema-dir';
import { FIXTURES_ENV, SUITE_FOLDERS, holdsSuites } from './suite-dir';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Splits `--fixtures <dir>` / `--fixtures=<dir>` and `--refi <dir>` / `--refi=<dir>` from the arguments meant for vitest. */
function parseArgs(args: string[]): { fixtures: string | null; refi: string | null; rest: string[] } {
  const rest: string[] = [];
  let fixtures: string | null = null;
  let refi: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--fixtures') fixtures = args[++i] ?? '';
    else if (arg.startsWith('--fixtures=')) fixtures = arg.slice('--fixtures='.length);
    else if (arg === '--refi') refi = args[++i] ?? '';
    else if (arg.startsWith('--refi=')) refi = arg.slice('--refi='.length);
    else rest.push(arg);
  }
  return { fixtures, refi, rest };
}

/** Runs vitest with `config`, passing `env` on; returns its exit status. */
function runVitest(config: string, env: Record<string, string>, args: string[]): number {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '-c', config, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return run.status ?? 1;
}

/** Validates the REFI-QDA exports against the XSDs in `refiDir`; returns the exit status. */
function runRefi(refiDir: string): number {
  const found = findRefiSchemas(refiDir);
  if (typeof found === 'string') {
    process.stderr.write(`${found} Put the official REFI-QDA schemas (Project.xsd or Project-mrt2019.xsd, and Codebook.xsd, from the REFI-QDA standard) in one folder and run npm run test:conformance -- --refi <that folder>.\n`);
    return 2;
  }
  return runVitest('test/conformance/refi/vitest.refi.config.ts', { [REFI_ENV]: refiDir }, []);
}

const { fixtures, refi, rest } = parseArgs(process.argv.slice(2));
const refiStatus = refi === null ? 0 : runRefi(path.resolve(refi));
const dir = path.resolve(fixtures ?? path.join(root, '../shared/fixtures'));
if (refi !== null && fixtures === null && !holdsSuites(dir)) {
  process.stdout.write(`REFI-QDA schemas checked; the W3C and Hypothesis suites were not run (none at ${dir}; pass --fixtures <dir> to run them too).\n`);
  process.exit(refiStatus);
}
if (!holdsSuites(dir)) {
  process.stderr.write(
    `No conformance suites at ${dir}: get the W3C web-annotation-tests repository (https://github.com/w3c/web-annotation-tests) and the Hypothesis client's anchoring test fixtures (https://github.com/hypothesis/client, src/annotator/anchoring/test), lay them out as ${SUITE_FOLDERS.map((f) => `${f}/`).join(' and ')} as the README's Tests section describes, and run npm run test:conformance -- --fixtures <that folder>.\n`,
  );
  process.exit(2);
}

const suitesStatus = runVitest('vitest.conformance.config.ts', { [FIXTURES_ENV]: dir }, rest);
process.exit(refiStatus !== 0 ? refiStatus : suitesStatus);
