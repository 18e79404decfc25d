/**
 * Replaces a file so that after a crash or power cut it holds either the old
 * content or the new content, never a mix and never nothing: write a unique
 * temp file in the same folder, fsync it, close it, rename it over the target,
 * then fsync the folder so the rename itself is durable.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FsHandle, FsLayer } from './fs-layer';

const TEMP_MARK = '.tmp-';
const TEMP_NAME = /\.tmp-\d+-[0-9a-f]{12}$/;

/** A unique temp path next to `target` (same folder, so the rename stays on one file system). */
export function tempPathFor(target: string): string {
  return `${target}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Whether a file name is one of our temp files (left behind only by a crash mid-write). */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/**
 * Durably replaces `target` with `data`. Resolves only once the new content and
 * its name are on disk; on failure the old file is untouched and the temp file
 * is removed (or, if even that fails, left for the next launch to clean up).
 */
export async function writeFileDurably(fs: FsLayer, target: string, data: Uint8Array | string): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = tempPathFor(target);
  let handle: FsHandle | undefined;
  let renamed = false;
  try {
    handle = await fs.open(temp, 'wx');
    await fs.write(handle, bytes);
    await fs.fsync(handle);
    const opened = handle;
    handle = undefined;
    await fs.close(opened);
    await fs.rename(temp, target);
    renamed = true;
  } catch (error) {
    if (handle) await fs.close(handle).catch(() => undefined);
    if (!renamed) await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await fs.fsyncDir(path.dirname(target));
}

/** Removes our temp files from `dir`; returns the names removed. Missing folders and failures to remove are ignored. */
export async function removeStaleTempFiles(fs: FsLayer, dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter(isTempFileName)) {
    try {
      await fs.unlink(path.join(dir, name));
      removed.push(name);
    } catch {
      // Left for the next launch; a temp file never holds acknowledged data.
    }
  }
  return removed;
}
