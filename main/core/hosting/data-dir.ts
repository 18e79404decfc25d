/**
 * Where Fieldmark keeps its data folder. Both hosts resolve it the same way, so
 * the browser host opens the desktop app's folder unless told otherwise:
 * `--data-dir <dir>` / `--data-dir=<dir>`, then FIELDMARK_DATA_DIR, then the
 * folder Electron's `app.getPath('userData')` gives an app named "Fieldmark".
 *
 * Pure Node: no Electron import, everything it reads is passed in.
 */
import path from 'node:path';
import { FieldmarkError } from '../../../preload/rpc';

export const APP_NAME = 'Fieldmark';
export const DATA_DIR_ENV = 'FIELDMARK_DATA_DIR';
const FLAG = '--data-dir';

export interface DataDirInputs {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The folder to use when neither the flag nor the variable is given. */
  fallback: () => string;
}

/** The value of `--data-dir` in argv (last one wins), or null when absent. */
export function dataDirFlag(argv: readonly string[]): string | null {
  let found: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === FLAG) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new FieldmarkError('INVALID_INPUT', `${FLAG} needs a folder, e.g. ${FLAG} /path/to/folder.`);
      }
      found = value;
      i++;
    } else if (arg.startsWith(`${FLAG}=`)) {
      found = arg.slice(FLAG.length + 1);
    }
  }
  if (found !== null && found.trim() === '') {
    throw new FieldmarkError('INVALID_INPUT', `${FLAG} was given an empty folder name; pass the folder to keep Fieldmark's data in.`);
  }
  return found;
}

/**
 * Electron's userData folder for an app called `name` on `platform`
 * (https://www.electronjs.org/docs/latest/api/app#appgetpathname: appData + name).
 */
export function electronUserDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  homedir: string,
  name: string = APP_NAME,
): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (platform === 'win32') return p.join(env.APPDATA || p.join(homedir, 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return p.join(homedir, 'Library', 'Application Support', name);
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  return p.join(xdg && p.isAbsolute(xdg) ? xdg : p.join(homedir, '.config'), name);
}

/** The absolute data folder for this launch: flag, then environment variable, then the fallback. */
export function resolveDataDir(inputs: DataDirInputs): string {
  const flag = dataDirFlag(inputs.argv);
  if (flag !== null) return path.resolve(inputs.cwd, flag);
  const fromEnv = inputs.env[DATA_DIR_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return path.resolve(inputs.cwd, fromEnv);
  return path.resolve(inputs.cwd, inputs.fallback());
}
