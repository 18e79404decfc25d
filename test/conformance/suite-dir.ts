/**
 * Where the official suites live for `npm run test:conformance`: the runner
 * (test/conformance/run.ts) resolves `--fixtures <dir>` (default
 * `../shared/fixtures` beside the clone) and hands it to the tests in this
 * environment variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES_ENV = 'FIELDMARK_CONFORMANCE_FIXTURES';

/** The two folders a suites directory must hold (see ../shared/fixtures/README.md). */
export const SUITE_FOLDERS = ['w3c-web-annotation-tests', 'hypothesis-anchoring'] as const;

/** True when `dir` holds both suites. */
export function holdsSuites(dir: string): boolean {
  return SUITE_FOLDERS.every((name) => existsSync(path.join(dir, name)));
}

/** The suites folder the runner chose; the tests cannot run without it. */
export function suiteDir(): string {
  const dir = process.env[FIXTURES_ENV];
  if (!dir) throw new Error(`${FIXTURES_ENV} is not set: run these tests with npm run test:conformance -- --fixtures <dir>.`);
  return dir;
}

/** A file of the Hypothesis anchoring fixtures. */
export function hypothesisPath(name: string): string {
  return path.join(suiteDir(), 'hypothesis-anchoring', name);
}

export function readHypothesis(name: string): string {
  return readFileSync(hypothesisPath(name), 'utf8');
}

/** The W3C web-annotation-tests folder. */
export function w3cTestsDir(): string {
  return path.join(suiteDir(), 'w3c-web-annotation-tests');
}
