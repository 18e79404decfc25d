/**
 * The data-folder lock: `fieldmark.lock`, created with O_EXCL and holding the
 * owner's pid, host name and start time, so that two Fieldmark hosts (two
 * desktop apps, the desktop app and the browser host, or two machines sharing a
 * USB stick or network folder) never write the same store. A lock from this
 * host is stale, and taken over, when its process is gone or when it was taken
 * before this machine last booted (after a power cut and a reboot, its pid may
 * belong to an unrelated process). A lock from another host is always
 * respected, since we cannot see that host's processes.
 */
import os from 'node:os';
import path from 'node:path';
import { FieldmarkError } from '../../../preload/rpc';
import { errnoCode, type FsLayer } from './fs-layer';

export const LOCK_FILE = 'fieldmark.lock';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface LockOptions {
  fs: FsLayer;
  dir: string;
  owner: LockOwner;
  /** Whether a process with this pid is running on this host. */
  isAlive?: (pid: number) => boolean;
  /** How old an unreadable lock must be before it counts as abandoned (ms). */
  unreadableGraceMs?: number;
  /** When this machine booted (ms since the epoch); defaults to now minus os.uptime(). */
  bootTimeMs?: number;
}

/** Slack for the boot-time comparison: uptime and the clock are read at slightly different moments. */
const BOOT_SLACK_MS = 60_000;

/** The lock could not be created for a reason other than another owner (e.g. a read-only folder). */
export class LockUnavailable extends Error {
  constructor(readonly code: string) {
    super(`The data folder could not be locked (${code}).`);
    this.name = 'LockUnavailable';
  }
}

/** Whether a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

/** Parses a lock file's content; null if it is not a complete lock record. */
export function parseLockOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof value.pid === 'number' &&
      Number.isInteger(value.pid) &&
      value.pid > 0 &&
      typeof value.host === 'string' &&
      typeof value.startedAt === 'string'
    ) {
      return { pid: value.pid, host: value.host, startedAt: value.startedAt };
    }
  } catch {
    // An empty or half-written lock: judged by its age below.
  }
  return null;
}

function conflict(holder: LockOwner, ownHost: string): FieldmarkError {
  const where = holder.host === ownHost ? '' : ` on ${holder.host}`;
  return new FieldmarkError(
    'CONFLICT',
    `Fieldmark is already open with this data folder (process ${holder.pid}${where}). Close it first, or start with a different --data-dir.`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StoreLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Removes the lock if it is still ours. Never throws. */
  release(): Promise<void>;
}

const TRANSIENT_ATTEMPTS = 3;

/**
 * Takes the lock, or throws FieldmarkError('CONFLICT') naming the holder, or
 * LockUnavailable when the folder cannot hold a lock file at all.
 */
export async function acquireLock(options: LockOptions): Promise<StoreLock> {
  const { fs, owner } = options;
  const isAlive = options.isAlive ?? isProcessAlive;
  const grace = options.unreadableGraceMs ?? 2000;
  const bootTime = options.bootTimeMs ?? Date.now() - os.uptime() * 1000;
  const takenBeforeBoot = (holder: LockOwner) => Date.parse(holder.startedAt) < bootTime - BOOT_SLACK_MS;
  const lockPath = path.join(options.dir, LOCK_FILE);
  const record = Buffer.from(JSON.stringify(owner), 'utf8');
  let failures = 0;
  for (let round = 0; ; round++) {
    try {
      await createExclusive(fs, lockPath, record);
      return {
        path: lockPath,
        owner,
        release: () => releaseIfOurs(fs, lockPath, owner),
      };
    } catch (error) {
      const code = errnoCode(error);
      if (code !== 'EEXIST') {
        if (++failures >= TRANSIENT_ATTEMPTS || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
          throw new LockUnavailable(code ?? 'unknown');
        }
        await sleep(10 * failures);
        continue;
      }
    }
    let text: string;
    try {
      text = (await fs.readFile(lockPath)).toString('utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') continue; // released meanwhile: try again
      if (++failures >= TRANSIENT_ATTEMPTS) throw new LockUnavailable(errnoCode(error) ?? 'unknown');
      continue;
    }
    const holder = parseLockOwner(text);
    if (holder) {
      if (holder.host !== owner.host || (isAlive(holder.pid) && !takenBeforeBoot(holder))) throw conflict(holder, owner.host);
    } else {
      // Created but not yet written, or left half-written by a crash: wait out the grace period.
      let age: number;
      try {
        age = Date.now() - (await fs.stat(lockPath)).mtimeMs;
      } catch {
        continue;
      }
      if (age < grace) {
        if (round > grace / 50 + 20) throw new LockUnavailable('EBUSY');
        await sleep(50);
        continue;
      }
    }
    await removeIfUnchanged(fs, lockPath, text);
  }
}

async function createExclusive(fs: FsLayer, lockPath: string, record: Buffer): Promise<void> {
  const handle = await fs.open(lockPath, 'wx');
  try {
    await fs.write(handle, record);
    await fs.fsync(handle);
  } catch (error) {
    await fs.close(handle).catch(() => undefined);
    await fs.unlink(lockPath).catch(() => undefined);
    throw error;
  }
  await fs.close(handle);
}

/** Removes a stale lock, unless someone replaced it since we read it. */
async function removeIfUnchanged(fs: FsLayer, lockPath: string, seen: string): Promise<void> {
  try {
    const now = (await fs.readFile(lockPath)).toString('utf8');
    if (now === seen) await fs.unlink(lockPath);
  } catch {
    // Gone already, or unreadable: the next round decides.
  }
}

async function releaseIfOurs(fs: FsLayer, lockPath: string, owner: LockOwner): Promise<void> {
  for (let attempt = 0; attempt < TRANSIENT_ATTEMPTS; attempt++) {
    try {
      const holder = parseLockOwner((await fs.readFile(lockPath)).toString('utf8'));
      if (!holder || holder.pid !== owner.pid || holder.host !== owner.host || holder.startedAt !== owner.startedAt) return;
      await fs.unlink(lockPath);
      return;
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return;
    }
  }
}
