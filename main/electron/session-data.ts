/**
 * Where Chromium keeps its own files (caches, local storage, spell-check
 * dictionaries, crash dumps): beside the data folder, never inside it, so a
 * protected data folder holds only Fieldmark's encrypted files (issue 16).
 * Beside rather than in the OS temp folder, so a portable copy on a USB stick
 * still leaves nothing on the computer it ran on.
 */
import path from 'node:path';

/** The sibling folder `<data folder>-session`, or one under `tempDir` when the data folder is a drive's root. */
export function sessionDataDir(dataDir: string, tempDir: string): string {
  const resolved = path.resolve(dataDir);
  const name = path.basename(resolved);
  if (name === '') return path.join(tempDir, 'fieldmark-session');
  return path.join(path.dirname(resolved), `${name}-session`);
}

/** The crash dumps' folder inside the session folder (Electron's default is inside userData). */
export function crashDumpsDir(sessionDir: string): string {
  return path.join(sessionDir, 'Crashpad');
}
