/**
 * Opens the packaged app.asar with @electron/asar (the library Electron and
 * electron-builder use for the format) and lists what is inside.
 */
import { stat } from 'node:fs/promises';
import asar from '@electron/asar';
import type { PackedFile } from './asar-contents';

export interface OpenedArchive {
  archive: string;
  /** Bytes of app.asar on disk (header and contents). */
  size: number;
  files: PackedFile[];
  read(file: string): Buffer;
}

/** Every file (not folder) in the archive, with archive-relative paths and sizes. */
export async function openArchive(archive: string): Promise<OpenedArchive> {
  asar.uncache(archive);
  const files: PackedFile[] = [];
  for (const entry of asar.listPackage(archive, { isPack: false })) {
    const relative = entry.replace(/^[/\\]/, '').replace(/\\/g, '/');
    const info = asar.statFile(archive, relative) as { files?: unknown; size?: number; link?: string };
    if (info.files !== undefined || info.link !== undefined) continue;
    files.push({ path: relative, size: info.size ?? 0 });
  }
  return {
    archive,
    size: (await stat(archive)).size,
    files,
    read: (file) => asar.extractFile(archive, file),
  };
}

/** Extracts the whole archive to `dest` (the start-up check runs the packed code from there). */
export function extractArchive(archive: string, dest: string): void {
  asar.extractAll(archive, dest);
}
