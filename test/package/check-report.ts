/** Step 4 of test:package: the report beside app.asar is the repository's, byte for byte, and nothing else ships there. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Checks } from './checks';

const REPORT = path.join('assets', 'report', 'tip-2021-japan.txt');

async function sha256(file: string): Promise<string | null> {
  try {
    return createHash('sha256').update(await readFile(file)).digest('hex');
  } catch {
    return null;
  }
}

export async function checkReport(checks: Checks, repo: string, resourcesDir: string): Promise<void> {
  process.stdout.write('\nresources/\n');
  const packed = await sha256(path.join(resourcesDir, REPORT));
  const source = await sha256(path.join(repo, REPORT));
  checks.check('resources', `resources/${REPORT} has the repository's SHA-256 (${source?.slice(0, 16)}…)`, packed !== null && packed === source, `packed ${packed ?? 'missing'}, repository ${source ?? 'missing'}`);
  const assets = await readdir(path.join(resourcesDir, 'assets')).catch(() => []);
  checks.check('resources', 'resources/assets holds only the report (icons are built into the packages, not shipped as files)', assets.length === 1 && assets[0] === 'report', assets.join(', '));
}
