/**
 * The few file-system calls the store makes, behind one small interface, so that
 * tests can put a fault-injecting or power-loss-simulating layer underneath the
 * real store code (in the style of SQLite's test VFS).
 */
import { open as openFile, mkdir, readdir, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';

/** An open file. Opaque: only the layer that opened it can use it. */
export interface FsHandle {
  readonly path: string;
}

/** `r` read, `w` create or truncate, `wx` create and fail if it exists, `a` append (create if missing). */
export type OpenFlags = 'r' | 'w' | 'wx' | 'a';

export interface FsStat {
  size: number;
  mtimeMs: number;
  isFile: boolean;
  isDirectory: boolean;
}

export interface FsLayer {
  open(path: string, flags: OpenFlags): Promise<FsHandle>;
  /** Writes all of `data` at the file's current position (the end, for `a`). */
  write(handle: FsHandle, data: Uint8Array): Promise<void>;
  fsync(handle: FsHandle): Promise<void>;
  close(handle: FsHandle): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  unlink(path: string): Promise<void>;
  /** Creates the folder and its parents; succeeds if it already exists. */
  mkdir(path: string): Promise<void>;
  stat(path: string): Promise<FsStat>;
  /** Makes the folder's entries (creations, renames, deletions) durable. */
  fsyncDir(path: string): Promise<void>;
}

/** The `code` of a Node system error (`ENOENT`, `ENOSPC`, …), or undefined. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** An Error shaped like Node's system errors, for layers that simulate them. */
export function systemError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${syscall}${path ? ` '${path}'` : ''}`);
  error.code = code;
  error.syscall = syscall;
  if (path !== undefined) error.path = path;
  return error;
}

class NodeHandle implements FsHandle {
  constructor(
    readonly path: string,
    readonly file: FileHandle,
  ) {}
}

function unwrap(handle: FsHandle): FileHandle {
  if (!(handle instanceof NodeHandle)) throw new TypeError('This handle was not opened by the Node file-system layer.');
  return handle.file;
}

/**
 * Platforms and file systems where a folder cannot be fsynced report one of
 * these; there is nothing more to do (Windows refuses to open a folder as a file).
 */
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'ENOTSUP', 'EBADF', ...(process.platform === 'win32' ? ['EPERM', 'EACCES'] : [])]);

/** The real file system (node:fs/promises). */
export const nodeFs: FsLayer = {
  async open(path, flags) {
    return new NodeHandle(path, await openFile(path, flags));
  },
  async write(handle, data) {
    const file = unwrap(handle);
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await file.write(data, offset, data.length - offset, null);
      offset += bytesWritten;
    }
  },
  async fsync(handle) {
    await unwrap(handle).sync();
  },
  async close(handle) {
    await unwrap(handle).close();
  },
  rename: (from, to) => rename(from, to),
  readFile: (path) => readFile(path),
  readdir: (path) => readdir(path),
  unlink: (path) => unlink(path),
  async mkdir(path) {
    await mkdir(path, { recursive: true });
  },
  async stat(path) {
    const s = await stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs, isFile: s.isFile(), isDirectory: s.isDirectory() };
  },
  async fsyncDir(path) {
    let dir: FileHandle | undefined;
    try {
      dir = await openFile(path, 'r');
      await dir.sync();
    } catch (error) {
      if (!DIR_SYNC_UNSUPPORTED.has(errnoCode(error) ?? '')) throw error;
    } finally {
      await dir?.close();
    }
  },
};
