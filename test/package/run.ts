/**
 * `npm run test:package` (after `npm run build`): builds the real package
 * without the Electron runtime and proves what it contains and how it starts.
 * 1. electron-builder packs the Linux `dir` target of electron-builder.yml
 *    around a stub runtime, with the network refused;
 * 2. the fuses read back from the packaged executable are the ones
 *    electron-builder.fuses.mjs sets (so its afterPack hook ran);
 * 3. app.asar holds what the app needs and nothing it must not ship, within a size budget;
 * 4. the report beside it is byte-identical to the repository's;
 * 5. the .desktop entry and the icons are what the AppImage, deb, NSIS and dmg targets use;
 * 6. the packaged main starts under Node with a fake `electron`, serves app://,
 *    answers IPC and keeps its data where it was told, twice: with --data-dir,
 *    and portable, with a fieldmark-data/ folder beside the executable.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Checks } from './checks';
import { buildLinuxDir, type BuiltPackage } from './build-package';
import { checkArchive } from './check-archive';
import { checkDesktopAndIcons } from './check-desktop';
import { checkFuses } from './check-fuses';
import { checkReport } from './check-report';
import { checkStartup } from './check-startup';
import { refuseNetwork } from './no-network';
import { makeStubRuntime } from './stub-runtime';

const REPO = path.resolve(import.meta.dirname, '../..');

async function build(checks: Checks, work: string): Promise<BuiltPackage | null> {
  process.stdout.write('\nBuilding the package (Linux dir, stub runtime, network refused)\n');
  const stubDir = path.join(work, 'stub-runtime');
  await makeStubRuntime(stubDir);
  const network = refuseNetwork();
  let built: BuiltPackage | null = null;
  let error = '';
  const started = Date.now();
  try {
    built = await buildLinuxDir(REPO, stubDir, path.join(work, 'dist'));
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  } finally {
    network.restore();
  }
  checks.check('build', `electron-builder packed the Linux dir target (${((Date.now() - started) / 1000).toFixed(1)} s)`, built !== null, error);
  checks.check('build', 'electron-builder made no network connection', network.attempts.length === 0, network.attempts.join('; '));
  return built;
}

async function main(): Promise<number> {
  const checks = new Checks();
  const work = await mkdtemp(path.join(os.tmpdir(), 'fieldmark-package-'));
  const started = Date.now();
  try {
    const built = await build(checks, work);
    if (built) {
      await checkFuses(checks, built.executable);
      const archive = await checkArchive(checks, REPO, path.join(built.resourcesDir, 'app.asar'));
      await checkReport(checks, REPO, built.resourcesDir);
      await checkDesktopAndIcons(checks, built);
      if (archive) {
        await mkdir(path.join(work, 'run'), { recursive: true });
        await checkStartup(checks, { built, archive, work: path.join(work, 'run') });
      }
    }
  } finally {
    if (checks.failed.length === 0) await rm(work, { recursive: true, force: true });
    else process.stdout.write(`\nThe package and the start-up folders are kept in ${work} for a look.\n`);
  }
  process.stdout.write(`\nPackage checks took ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  for (const failure of checks.failed) process.stdout.write(`FAILED [${failure.section}] ${failure.name}${failure.detail ? `: ${failure.detail}` : ''}\n`);
  process.stdout.write(`package: ${checks.passed} passed, ${checks.failed.length} failed\n`);
  return checks.failed.length === 0 ? 0 : 1;
}

// An explicit exit: electron-builder's temp-file cleanup (async-exit-hook) calls
// process.exit(0) on 'beforeExit', which would drop a failing process.exitCode.
process.exit(await main());
