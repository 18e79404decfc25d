/** Step 3 of test:package: what app.asar contains, what it must not, what its code loads, and its size. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { forbiddenFiles, missingFiles, packedPackages, summarise } from './asar-contents';
import { openArchive, type OpenedArchive } from './asar-read';
import type { Checks } from './checks';
import { unresolvedImports } from './runtime-imports';

/**
 * app.asar may grow to this before the check fails. It was about 1.1 MB with issue 18; the REFI-QDA exchange
 * of issue 13 bundles xmlbuilder2, fast-xml-parser and fflate into the main process (its chunk is 1.6 MB,
 * unminified), which brought it to 2.4 MB, so the budget went from 2 MiB to 3 MiB with that reason.
 */
export const ASAR_BUDGET_BYTES = 3 * 1024 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function mainEntryOf(archive: OpenedArchive): string | null {
  try {
    const pkg = JSON.parse(archive.read('package.json').toString('utf8')) as { main?: string };
    return pkg.main ? path.posix.normalize(pkg.main) : null;
  } catch {
    return null;
  }
}

function checkImports(checks: Checks, archive: OpenedArchive, packages: string[]): void {
  const code = new Map<string, string>();
  for (const f of archive.files) {
    if (/^out\/(main|preload)\/.+\.[cm]?js$/.test(f.path)) code.set(f.path, archive.read(f.path).toString('utf8'));
  }
  const unresolved = unresolvedImports(code, new Set(archive.files.map((f) => f.path)), new Set(packages));
  checks.check('app.asar', `every module the main and preload code loads is a Node built-in, electron, or packed (${code.size} files scanned)`, unresolved.length === 0, unresolved.map((u) => `${u.from} loads '${u.specifier}', which app.asar does not contain`).join('\n'));
}

/** Opens and checks the archive; returns it (for the start-up check) when it could be opened. */
export async function checkArchive(checks: Checks, repo: string, file: string): Promise<OpenedArchive | null> {
  process.stdout.write(`\napp.asar (${path.relative(path.dirname(path.dirname(path.dirname(file))), file)})\n`);
  let archive: OpenedArchive;
  try {
    archive = await openArchive(file);
  } catch (error) {
    checks.check('app.asar', 'opens with @electron/asar', false, String(error));
    return null;
  }
  process.stdout.write(`    ${archive.files.length} files, ${kb(archive.size)} on disk\n`);
  for (const g of summarise(archive.files)) process.stdout.write(`    ${g.folder.padEnd(16)} ${String(g.files).padStart(3)} files  ${kb(g.bytes).padStart(10)}\n`);
  const mainEntry = mainEntryOf(archive);
  const missing = missingFiles(archive.files, mainEntry);
  checks.check('app.asar', `holds package.json, its main (${mainEntry}), the preload and the renderer`, mainEntry !== null && missing.length === 0, `missing: ${missing.join(', ')}`);
  const pkg = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const forbidden = forbiddenFiles(archive.files, Object.keys(pkg.devDependencies ?? {}));
  checks.check('app.asar', 'ships no tests, sources, source maps, .env files, user data, tooling or dev dependencies', forbidden.length === 0, forbidden.map((f) => `${f.path}: ${f.reason}`).join('\n'));
  const packages = packedPackages(archive.files);
  const production = Object.keys(pkg.dependencies ?? {});
  const extra = packages.filter((p) => !production.includes(p));
  checks.check('app.asar', `node_modules/ ${packages.length ? `holds ${packages.join(', ')}` : 'is absent: Vite bundled every dependency'}`, extra.length === 0, `not production dependencies: ${extra.join(', ')}`);
  checkImports(checks, archive, packages);
  checks.check('app.asar', `${kb(archive.size)} is within the ${kb(ASAR_BUDGET_BYTES)} budget`, archive.size <= ASAR_BUDGET_BYTES, `${archive.size} bytes`);
  return archive;
}
