/**
 * A file-system layer that wraps another one and injects errors: fail the Nth
 * call (counted from `arm`) with EIO, ENOSPC, EPERM, EACCES or EBUSY, or fail
 * every call of some kinds (a read-only folder, a full disk). A failed `write`
 * can first write part of its data, as a disk filling up mid-write does.
 */
import { systemError, type FsHandle, type FsLayer, type FsStat, type OpenFlags } from '../../main/core/store/fs-layer';

export type FsOp = 'open' | 'write' | 'fsync' | 'close' | 'rename' | 'readFile' | 'readdir' | 'unlink' | 'mkdir' | 'stat' | 'fsyncDir';

export const IO_ERROR_CODES = ['EIO', 'ENOSPC', 'EPERM', 'EACCES', 'EBUSY'] as const;

/** Calls that change the disk (what a read-only folder or a full disk refuses). */
export const MUTATING_OPS: ReadonlySet<FsOp> = new Set(['write', 'rename', 'unlink', 'mkdir', 'fsync', 'fsyncDir']);

interface Rule {
  code: string;
  matches(op: FsOp, path: string, flags?: OpenFlags): boolean;
}

export class FaultFs implements FsLayer {
  /** Calls since the last `arm` (or since creation). */
  count = 0;
  /** How many calls failed because of an injected fault. */
  injected = 0;
  readonly log: Array<{ op: FsOp; path: string; failed: string | null }> = [];
  private failAt: number | null = null;
  private failCode = 'EIO';
  private partialWrites = false;
  private rules: Rule[] = [];

  constructor(readonly inner: FsLayer) {}

  /** Restarts the count; the `n`th call from now fails with `code` (once). */
  arm(n: number, code: string, options: { partialWrites?: boolean } = {}): void {
    this.count = 0;
    this.failAt = n;
    this.failCode = code;
    this.partialWrites = options.partialWrites ?? false;
  }

  /** Restarts the count without arming a fault (to count the calls an action makes). */
  startCounting(): void {
    this.count = 0;
    this.failAt = null;
  }

  /** Every matching call fails with `code` until `clearRules`. */
  failAll(code: string, matches: Rule['matches']): void {
    this.rules.push({ code, matches });
  }

  /** A read-only folder: creating, writing, renaming and deleting fail with `code` (EROFS, EACCES or EPERM). */
  readOnly(code = 'EROFS'): void {
    this.failAll(code, (op, _path, flags) => MUTATING_OPS.has(op) || (op === 'open' && flags !== 'r'));
  }

  /** A full disk: writing data (and creating directories) fails with ENOSPC. */
  diskFull(): void {
    this.failAll('ENOSPC', (op) => op === 'write' || op === 'mkdir');
  }

  clearRules(): void {
    this.rules = [];
    this.failAt = null;
  }

  private check(op: FsOp, path: string, flags?: OpenFlags): string | null {
    this.count++;
    let code: string | null = null;
    if (this.failAt !== null && this.count === this.failAt) code = this.failCode;
    for (const rule of this.rules) if (!code && rule.matches(op, path, flags)) code = rule.code;
    this.log.push({ op, path, failed: code });
    if (code) this.injected++;
    return code;
  }

  private guard(op: FsOp, path: string, flags?: OpenFlags): void {
    const code = this.check(op, path, flags);
    if (code) throw systemError(code, op, path);
  }

  async open(path: string, flags: OpenFlags): Promise<FsHandle> {
    this.guard('open', path, flags);
    return this.inner.open(path, flags);
  }

  async write(handle: FsHandle, data: Uint8Array): Promise<void> {
    const code = this.check('write', handle.path);
    if (code) {
      if (this.partialWrites && data.length > 1) await this.inner.write(handle, data.subarray(0, Math.floor(data.length / 2)));
      throw systemError(code, 'write', handle.path);
    }
    return this.inner.write(handle, data);
  }

  async fsync(handle: FsHandle): Promise<void> {
    this.guard('fsync', handle.path);
    return this.inner.fsync(handle);
  }

  async close(handle: FsHandle): Promise<void> {
    const code = this.check('close', handle.path);
    // Like a real close that reports an error, the descriptor is released anyway.
    await this.inner.close(handle);
    if (code) throw systemError(code, 'close', handle.path);
  }

  async rename(from: string, to: string): Promise<void> {
    this.guard('rename', from);
    return this.inner.rename(from, to);
  }

  async readFile(path: string): Promise<Buffer> {
    this.guard('readFile', path);
    return this.inner.readFile(path);
  }

  async readdir(path: string): Promise<string[]> {
    this.guard('readdir', path);
    return this.inner.readdir(path);
  }

  async unlink(path: string): Promise<void> {
    this.guard('unlink', path);
    return this.inner.unlink(path);
  }

  async mkdir(path: string): Promise<void> {
    this.guard('mkdir', path);
    return this.inner.mkdir(path);
  }

  async stat(path: string): Promise<FsStat> {
    this.guard('stat', path);
    return this.inner.stat(path);
  }

  async fsyncDir(path: string): Promise<void> {
    this.guard('fsyncDir', path);
    return this.inner.fsyncDir(path);
  }
}
