/**
 * Portable use: a copy of Fieldmark that finds a `fieldmark-data/` folder
 * beside itself keeps its data there, so a USB stick carries the app and the
 * notes together. It comes after `--data-dir` and FIELDMARK_DATA_DIR and before
 * the per-user folder. Nothing is created: making the folder is how the user
 * asks for it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export const PORTABLE_DIR_NAME = 'fieldmark-data';

export interface PortableInputs {
  /** The running executable (Electron's `app.getPath('exe')`). */
  executable: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
}

/** The folder the user sees the app in, which is not always the executable's own. */
export function portableBaseDir({ executable, env, platform }: PortableInputs): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  // electron-builder's portable .exe unpacks itself to a temp folder and names the
  // .exe's own folder here (app-builder-lib templates/nsis/portable.nsi).
  if (platform === 'win32' && env.PORTABLE_EXECUTABLE_DIR) return env.PORTABLE_EXECUTABLE_DIR;
  // An AppImage runs from a temporary mount; its runtime gives the AppImage file's path in APPIMAGE.
  if (platform === 'linux' && env.APPIMAGE && p.isAbsolute(env.APPIMAGE)) return p.dirname(env.APPIMAGE);
  // macOS runs Fieldmark.app/Contents/MacOS/Fieldmark: the folder is the one holding the bundle.
  const bundle = platform === 'darwin' ? executable.lastIndexOf('.app/Contents/MacOS/') : -1;
  if (bundle !== -1) return p.dirname(executable.slice(0, bundle + '.app'.length));
  return p.dirname(executable);
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** `fieldmark-data/` beside the app when that folder exists, or null. */
export function portableDataDir(inputs: PortableInputs, exists: (dir: string) => boolean = isDirectory): string | null {
  const p = inputs.platform === 'win32' ? path.win32 : path.posix;
  const candidate = p.join(portableBaseDir(inputs), PORTABLE_DIR_NAME);
  return exists(candidate) ? candidate : null;
}
