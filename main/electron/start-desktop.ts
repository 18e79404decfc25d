/**
 * `npm start` (built to out/main/start-desktop.js): finds the Electron runtime,
 * fetches it once if missing (the repository's .npmrc skips install scripts,
 * so `npm ci` never downloads it), and launches the app with the given
 * arguments. Where the runtime cannot be had, it says so in one plain sentence
 * and points to the browser host.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUNTIME_MISSING =
  'The Electron runtime is not available on this machine (it could not be downloaded), so the desktop app cannot start here; run `npm run web` to use Fieldmark in your browser instead.';

export interface LaunchDeps {
  /** Folder of the installed `electron` package, or null when it is not installed. */
  electronPackageDir(): string | null;
  env: Readonly<Record<string, string | undefined>>;
  exists(file: string): boolean;
  readText(file: string): string | null;
  /** Runs the package's install.js once; true when it exited cleanly. */
  runInstall(script: string, cwd: string): boolean;
  /** Runs Electron to completion; resolves with its exit code. */
  runElectron(binary: string, args: string[], env: Record<string, string | undefined>): Promise<number>;
  printError(line: string): void;
}

/** The runtime's executable, as the electron package itself locates it; null when absent. */
export function electronBinary(packageDir: string, deps: Pick<LaunchDeps, 'env' | 'exists' | 'readText'>): string | null {
  const relative = deps.readText(path.join(packageDir, 'path.txt'))?.trim();
  const override = deps.env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary: string | null = null;
  if (override) binary = path.join(override, relative || 'electron');
  else if (relative) binary = path.join(packageDir, 'dist', relative);
  return binary && deps.exists(binary) ? binary : null;
}

/** Launches the desktop app at `appDir` with `args`; resolves with the exit code to use. */
export async function launchDesktop(appDir: string, args: readonly string[], deps: LaunchDeps): Promise<number> {
  const packageDir = deps.electronPackageDir();
  if (!packageDir) {
    deps.printError(RUNTIME_MISSING);
    return 1;
  }
  let binary = electronBinary(packageDir, deps);
  if (!binary) {
    const script = path.join(packageDir, 'install.js');
    if (deps.exists(script) && deps.runInstall(script, packageDir)) binary = electronBinary(packageDir, deps);
  }
  if (!binary) {
    deps.printError(RUNTIME_MISSING);
    return 1;
  }
  // The app directory (not the script) so Electron reads package.json: its name
  // and productName decide the default data folder.
  const env: Record<string, string | undefined> = { ...deps.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return deps.runElectron(binary, [appDir, ...args], env);
}

/** The real dependencies: this machine's file system and processes. */
export function nodeLaunchDeps(fromFile: string): LaunchDeps {
  const require = createRequire(fromFile);
  return {
    electronPackageDir() {
      try {
        return path.dirname(require.resolve('electron/package.json'));
      } catch {
        return null;
      }
    },
    env: process.env,
    exists: existsSync,
    readText(file) {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
    runInstall(script, cwd) {
      const result = spawnSync(process.execPath, [script], { cwd, stdio: 'ignore', timeout: 10 * 60 * 1000 });
      return result.status === 0;
    },
    runElectron(binary, args, env) {
      return new Promise((resolve) => {
        const child = spawn(binary, args, { stdio: 'inherit', env });
        const forward = (signal: NodeJS.Signals) => child.kill(signal);
        process.on('SIGINT', forward);
        process.on('SIGTERM', forward);
        child.once('error', () => resolve(1));
        child.once('exit', (code) => {
          process.off('SIGINT', forward);
          process.off('SIGTERM', forward);
          resolve(code ?? 1);
        });
      });
    },
    printError: (line) => process.stderr.write(`${line}\n`),
  };
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const code = await launchDesktop(path.resolve(here, '..', '..'), process.argv.slice(2), nodeLaunchDeps(import.meta.url));
  process.exitCode = code;
}
