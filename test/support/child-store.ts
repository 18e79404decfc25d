/**
 * Starts test/support/lock-holder.ts as a separate process (a second host) and
 * reports its first line: `ready` when it holds the store, or `refused …`.
 */
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './store-fixtures';

export interface ChildStore {
  pid: number;
  firstLine: string;
  /** Closes its store (by closing its stdin) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Spawns a lock holder on `dataDir` and waits for its first line. */
export async function startChildStore(dataDir: string): Promise<ChildStore> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/lock-holder.ts', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (err += chunk));
  const firstLine = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.on('exit', (code) => reject(new Error(`lock-holder exited (${code}) before reporting: ${err}`)));
  });
  return {
    pid: child.pid!,
    firstLine,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
