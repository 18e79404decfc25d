/**
 * An in-memory file system that simulates power loss, in the style of SQLite's
 * test VFS (test6.c, "crash" mode). It records every call and keeps two states:
 *
 * - what the running program sees (volatile file contents and folder entries);
 * - what would survive a power cut: a file's contents only as of its last
 *   fsync, and a folder's entries (creations, renames, deletions) only as of the
 *   last fsync of that folder — the strict POSIX model, stricter than ext4.
 *
 * `crashAfter(n)` lets exactly n more calls succeed; every later call throws
 * SimulatedCrash, as if the machine lost power there. `afterCrash()` then builds
 * the disk a rebooted machine would find; `mode` chooses what happened to
 * unsynced data: lost (`drop`), written anyway (`keep`), half written (`torn`)
 * or allocated but zero-filled (`zeros`, as ext4 in writeback mode can leave).
 */
import path from 'node:path';
import { systemError, type FsHandle, type FsLayer, type FsStat, type OpenFlags } from '../../main/core/store/fs-layer';

export class SimulatedCrash extends Error {
  constructor() {
    super('Simulated power loss');
    this.name = 'SimulatedCrash';
  }
}

export type CrashMode = 'drop' | 'keep' | 'torn' | 'zeros';

interface Inode {
  data: Buffer;
  synced: Buffer;
  mtimeMs: number;
}

type Entry = { kind: 'dir' } | { kind: 'file'; inode: Inode };

class MemoryHandle implements FsHandle {
  closed = false;
  constructor(
    readonly path: string,
    readonly inode: Inode,
    readonly flags: OpenFlags,
  ) {}
}

export interface RecordedCall {
  op: string;
  path: string;
}

export class MemoryFs implements FsLayer {
  /** Every call made, in order (including the one that crashed). */
  readonly calls: RecordedCall[] = [];
  private entries = new Map<string, Entry>();
  private durable = new Map<string, Entry>();
  private remaining: number | null = null;
  private crashed = false;

  constructor() {
    this.entries.set('/', { kind: 'dir' });
    this.durable.set('/', { kind: 'dir' });
  }

  /** Lets `n` more calls succeed, then simulates power loss. */
  crashAfter(n: number): void {
    this.remaining = n;
  }

  get hasCrashed(): boolean {
    return this.crashed;
  }

  /**
   * The disk as a rebooted machine would find it. `names: 'synced'` keeps only
   * folder entries made durable by a folder fsync (POSIX); `'all'` keeps every
   * entry as the program last saw it (what many file systems do in practice).
   */
  afterCrash(mode: CrashMode = 'drop', names: 'synced' | 'all' = 'synced'): MemoryFs {
    const next = new MemoryFs();
    const copies = new Map<Inode, Inode>();
    const source = names === 'synced' ? this.durable : this.entries;
    for (const [name, entry] of source) {
      if (name === '/' || (names === 'synced' && !this.hasDurableParents(name))) continue;
      if (entry.kind === 'dir') {
        next.entries.set(name, { kind: 'dir' });
        continue;
      }
      let copy = copies.get(entry.inode);
      if (!copy) {
        const data = survivingData(entry.inode, mode);
        copy = { data, synced: Buffer.from(data), mtimeMs: entry.inode.mtimeMs };
        copies.set(entry.inode, copy);
      }
      next.entries.set(name, { kind: 'file', inode: copy });
    }
    next.durable = new Map(next.entries);
    return next;
  }

  /** Copies the volatile state into a fresh layer with everything durable (a clean shutdown). */
  clone(): MemoryFs {
    const next = new MemoryFs();
    for (const [name, entry] of this.entries) {
      next.entries.set(name, entry.kind === 'dir' ? entry : { kind: 'file', inode: { data: Buffer.from(entry.inode.data), synced: Buffer.from(entry.inode.data), mtimeMs: entry.inode.mtimeMs } });
    }
    next.durable = new Map(next.entries);
    return next;
  }

  /** Test helper: writes a file directly, durably, without recording a call. */
  seedFile(file: string, data: Buffer | string): void {
    this.ensureDirs(path.dirname(file), true);
    const bytes = Buffer.from(data);
    const entry: Entry = { kind: 'file', inode: { data: bytes, synced: Buffer.from(bytes), mtimeMs: Date.now() } };
    this.entries.set(file, entry);
    this.durable.set(file, entry);
  }

  /** Test helper: a file's current (volatile) content, or null. */
  peek(file: string): Buffer | null {
    const entry = this.entries.get(file);
    return entry?.kind === 'file' ? Buffer.from(entry.inode.data) : null;
  }

  /** Test helper: names in a folder, without recording a call. */
  list(dir: string): string[] {
    return this.childrenOf(dir, this.entries).sort();
  }

  private hasDurableParents(name: string): boolean {
    for (let dir = path.dirname(name); dir !== '/'; dir = path.dirname(dir)) {
      if (this.durable.get(dir)?.kind !== 'dir') return false;
    }
    return true;
  }

  private step(op: string, file: string): void {
    this.calls.push({ op, path: file });
    if (this.crashed) throw new SimulatedCrash();
    if (this.remaining !== null) {
      if (this.remaining <= 0) {
        this.crashed = true;
        throw new SimulatedCrash();
      }
      this.remaining--;
    }
  }

  private childrenOf(dir: string, map: Map<string, Entry>): string[] {
    const names: string[] = [];
    for (const name of map.keys()) if (name !== '/' && path.dirname(name) === dir) names.push(path.basename(name));
    return names;
  }

  private ensureDirs(dir: string, durable: boolean): void {
    const parts: string[] = [];
    for (let d = dir; d !== '/'; d = path.dirname(d)) parts.unshift(d);
    for (const d of parts) {
      const existing = this.entries.get(d);
      if (existing && existing.kind !== 'dir') throw systemError('ENOTDIR', 'mkdir', d);
      if (!existing) this.entries.set(d, { kind: 'dir' });
      if (durable) this.durable.set(d, { kind: 'dir' });
    }
  }

  private parentMustExist(file: string, syscall: string): void {
    if (this.entries.get(path.dirname(file))?.kind !== 'dir') throw systemError('ENOENT', syscall, file);
  }

  private file(handle: FsHandle): MemoryHandle {
    if (!(handle instanceof MemoryHandle) || handle.closed) throw systemError('EBADF', 'write', handle.path);
    return handle;
  }

  async open(file: string, flags: OpenFlags): Promise<FsHandle> {
    this.step('open', file);
    const existing = this.entries.get(file);
    if (existing?.kind === 'dir') throw systemError('EISDIR', 'open', file);
    if (flags === 'r') {
      if (!existing) throw systemError('ENOENT', 'open', file);
      return new MemoryHandle(file, existing.inode, flags);
    }
    if (existing && flags === 'wx') throw systemError('EEXIST', 'open', file);
    this.parentMustExist(file, 'open');
    if (existing) {
      if (flags === 'w') {
        existing.inode.data = Buffer.alloc(0);
        existing.inode.mtimeMs = Date.now();
      }
      return new MemoryHandle(file, existing.inode, flags);
    }
    const inode: Inode = { data: Buffer.alloc(0), synced: Buffer.alloc(0), mtimeMs: Date.now() };
    this.entries.set(file, { kind: 'file', inode });
    return new MemoryHandle(file, inode, flags);
  }

  async write(handle: FsHandle, data: Uint8Array): Promise<void> {
    this.step('write', handle.path);
    const h = this.file(handle);
    if (h.flags === 'r') throw systemError('EBADF', 'write', handle.path);
    h.inode.data = Buffer.concat([h.inode.data, data]);
    h.inode.mtimeMs = Date.now();
  }

  async fsync(handle: FsHandle): Promise<void> {
    this.step('fsync', handle.path);
    const h = this.file(handle);
    h.inode.synced = Buffer.from(h.inode.data);
  }

  async close(handle: FsHandle): Promise<void> {
    this.step('close', handle.path);
    this.file(handle).closed = true;
  }

  async rename(from: string, to: string): Promise<void> {
    this.step('rename', from);
    const entry = this.entries.get(from);
    if (!entry) throw systemError('ENOENT', 'rename', from);
    this.parentMustExist(to, 'rename');
    if (this.entries.get(to)?.kind === 'dir') throw systemError('EISDIR', 'rename', to);
    this.entries.delete(from);
    this.entries.set(to, entry);
  }

  async readFile(file: string): Promise<Buffer> {
    this.step('readFile', file);
    const entry = this.entries.get(file);
    if (!entry) throw systemError('ENOENT', 'open', file);
    if (entry.kind === 'dir') throw systemError('EISDIR', 'read', file);
    return Buffer.from(entry.inode.data);
  }

  async readdir(dir: string): Promise<string[]> {
    this.step('readdir', dir);
    const entry = this.entries.get(dir);
    if (!entry) throw systemError('ENOENT', 'scandir', dir);
    if (entry.kind !== 'dir') throw systemError('ENOTDIR', 'scandir', dir);
    return this.childrenOf(dir, this.entries);
  }

  async unlink(file: string): Promise<void> {
    this.step('unlink', file);
    const entry = this.entries.get(file);
    if (!entry) throw systemError('ENOENT', 'unlink', file);
    if (entry.kind === 'dir') throw systemError('EISDIR', 'unlink', file);
    this.entries.delete(file);
  }

  async mkdir(dir: string): Promise<void> {
    this.step('mkdir', dir);
    this.ensureDirs(dir, false);
  }

  async stat(file: string): Promise<FsStat> {
    this.step('stat', file);
    const entry = this.entries.get(file);
    if (!entry) throw systemError('ENOENT', 'stat', file);
    if (entry.kind === 'dir') return { size: 0, mtimeMs: 0, isFile: false, isDirectory: true };
    return { size: entry.inode.data.length, mtimeMs: entry.inode.mtimeMs, isFile: true, isDirectory: false };
  }

  async fsyncDir(dir: string): Promise<void> {
    this.step('fsyncDir', dir);
    if (this.entries.get(dir)?.kind !== 'dir') throw systemError('ENOENT', 'open', dir);
    for (const name of this.childrenOf(dir, this.durable)) {
      const full = path.join(dir, name);
      if (!this.entries.has(full)) this.durable.delete(full);
    }
    for (const name of this.childrenOf(dir, this.entries)) {
      const full = path.join(dir, name);
      this.durable.set(full, this.entries.get(full)!);
    }
  }
}

/** What of a file's content survives a power cut in the given mode. */
function survivingData(inode: Inode, mode: CrashMode): Buffer {
  const { data, synced } = inode;
  if (mode === 'drop' || data.equals(synced)) return Buffer.from(synced);
  if (mode === 'keep') return Buffer.from(data);
  const appended = data.length > synced.length && data.subarray(0, synced.length).equals(synced);
  if (!appended) return Buffer.from(synced);
  const extra = data.length - synced.length;
  if (mode === 'torn') return Buffer.from(data.subarray(0, synced.length + Math.ceil(extra / 2)));
  return Buffer.concat([synced, Buffer.alloc(extra)]);
}
