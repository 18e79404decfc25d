/**
 * B12's peer: the app as it was at a given commit, exported from git into a
 * temporary folder, installed from the npm cache and built there. The folder is
 * named by the commit hash and kept, so later runs reuse the build.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The commit just before issue 12 (the app every B12 figure is compared with). */
export const PEER_COMMIT = '7fa9648c3fbae36057664ad1c74dcfbd7abc6ec0';

/** Written last, so a half-finished build is never taken for a finished one. */
const DONE_MARK = '.b12-built';

async function sh(cmd: string, args: string[], cwd: string, log: (line: string) => void): Promise<void> {
  log(`${cmd} ${args.join(' ')}  (in ${cwd})`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

/** Installs dependencies: a link to the repository's own node_modules when the lockfiles match, else `npm ci` from the cache. */
async function install(repoRoot: string, dir: string, log: (line: string) => void): Promise<void> {
  const [ours, theirs] = await Promise.all([
    readFile(path.join(repoRoot, 'package-lock.json'), 'utf8'),
    readFile(path.join(dir, 'package-lock.json'), 'utf8'),
  ]);
  if (ours === theirs && existsSync(path.join(repoRoot, 'node_modules'))) {
    await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return;
  }
  await sh('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--prefer-offline'], dir, log);
}

/**
 * Returns the root of a built copy of `commit` (its out/ holds the browser host),
 * building it the first time: `git archive` into os.tmpdir(), install, `npm run build`.
 */
export async function buildAtCommit(repoRoot: string, commit: string, log: (line: string) => void): Promise<string> {
  const { stdout } = await run('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: repoRoot });
  const hash = stdout.trim();
  const dir = path.join(tmpdir(), `fieldmark-b12-build-${hash}`);
  if (existsSync(path.join(dir, DONE_MARK))) return dir;
  log(`building ${hash.slice(0, 10)} in ${dir} (kept for later runs)…`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await sh('sh', ['-c', `git -C "${repoRoot}" archive --format=tar ${hash} | tar -x -C "${dir}"`], repoRoot, log);
  await install(repoRoot, dir, log);
  await sh('npm', ['run', 'build', '--silent'], dir, log);
  await writeFile(path.join(dir, DONE_MARK), `${hash}\n`);
  return dir;
}
