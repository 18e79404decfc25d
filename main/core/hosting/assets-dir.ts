/**
 * Finds the bundled assets folder (the report text) at run time. The build
 * puts the hosts in out/main/, two levels below the repository, and the
 * packaged app keeps assets in its resources folder (electron-builder's
 * extraResources), so each host passes the candidates for where it runs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FieldmarkError } from '../../../preload/rpc';
import { REPORT_FILE } from '../report/report-model';

/** Candidate assets folders for a built file at `builtFileDir` (e.g. out/main or main/web). */
export function assetsDirCandidates(builtFileDir: string, resourcesPath?: string): string[] {
  const candidates: string[] = [];
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'assets'));
  candidates.push(path.resolve(builtFileDir, '..', '..', 'assets'));
  return candidates;
}

/** The first candidate that holds the report; a plain error naming where it looked otherwise. */
export function findAssetsDir(candidates: readonly string[], exists: (file: string) => boolean = existsSync): string {
  for (const dir of candidates) {
    if (exists(path.join(dir, REPORT_FILE))) return dir;
  }
  throw new FieldmarkError(
    'INTERNAL',
    `Fieldmark could not find its bundled report (looked in ${candidates.join(', ')}). Rebuild with \`npm run build\` or reinstall the app.`,
  );
}
