/**
 * The automatic backups, kept in rotation in `<dataDir>/backups/` (the file a
 * user saves with "Back up" is backup-file.ts): sealed snapshot copies named
 * `fieldmark-<UTC stamp>-<reason>-<crc>.json`, so that names sort by age and the
 * content fingerprint tells whether the store changed since the last one. Each
 * backup is read back and fully validated after it is written.
 *
 * In a protected store each backup is a container (crypto/container.ts): the
 * sealed snapshot plus the wrapped keys of its day, so it opens with the
 * passphrase of the day it was made; its name's fingerprint is then keyed
 * (store.ts), so it says nothing about the content to someone without the key.
 */
import path from 'node:path';
import { writeFileDurably } from './durable-write';
import { containerOfSealed, openWithDataKey, parseContainer } from './crypto/container';
import { SealBroken } from './crypto/envelope';
import type { StoreCipher } from './crypto/store-cipher';
import { errnoCode, type FsLayer } from './fs-layer';
import { decodeSnapshot, SNAPSHOT_UNIT, SnapshotProblem, type DecodedSnapshot } from './snapshot-codec';
import { NewerVersionError, type Migration } from './store-migrations';

export const BACKUP_DIR = 'backups';
export const DEFAULT_BACKUPS_TO_KEEP = 10;

const BACKUP_NAME = /^fieldmark-(\d{8}T\d{9}Z)(?:-(\d+))?-([a-z0-9-]{1,32})-([0-9a-f]{8})\.json$/;

export interface BackupInfo {
  name: string;
  date: Date;
  reason: string;
  crc: string;
}

/** `20260129T120000123Z`: a UTC time that sorts as text and is safe in file names. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/** `2026-01-29 12:00 UTC`, for notices. */
export function plainDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function stampToDate(stamp: string): Date {
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  return new Date(iso);
}

/** Lower-case letters, digits and dashes, at most 32 characters ("launch", "before-restore"). */
function cleanReason(reason: string): string {
  const cleaned = reason
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return cleaned || 'manual';
}

/** Parses a backup file name; null for any other file. */
function parseBackupName(name: string): BackupInfo | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const date = stampToDate(match[1]!);
  if (Number.isNaN(date.getTime())) return null;
  return { name, date, reason: match[3]!, crc: match[4]! };
}

/** Sort key: stamp, then the collision counter. */
function order(name: string): string {
  const match = BACKUP_NAME.exec(name);
  return match ? `${match[1]}-${(match[2] ?? '0').padStart(6, '0')}` : name;
}

/** The backups in `dir`, newest first (empty if the folder is missing). */
export async function listBackups(fs: FsLayer, dir: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => parseBackupName(name) !== null)
    .sort((a, b) => (order(a) < order(b) ? 1 : order(a) > order(b) ? -1 : 0))
    .map((name) => parseBackupName(name)!);
}

/** A fresh backup name that sorts after every existing one. */
function nextBackupName(existing: readonly BackupInfo[], date: Date, reason: string, crc: string): string {
  const stamp = fileStamp(date);
  const clean = cleanReason(reason);
  const newest = existing[0];
  const newestStamp = newest ? (BACKUP_NAME.exec(newest.name)?.[1] ?? '') : '';
  if (!newest || stamp > newestStamp) return `fieldmark-${stamp}-${clean}-${crc}.json`;
  // Same millisecond (or a clock that went back): keep the newest stamp and count up.
  const counter = Number(BACKUP_NAME.exec(newest.name)?.[2] ?? '0') + 1;
  return `fieldmark-${newestStamp}-${counter}-${clean}-${crc}.json`;
}

export interface WriteBackupOptions {
  fs: FsLayer;
  dir: string;
  bytes: Uint8Array;
  crc: string;
  date: Date;
  reason: string;
  keep: number;
  migrations?: readonly Migration[];
  /** A protected store's cipher: `bytes` are then the sealed snapshot, written as a container with the keys. */
  cipher?: StoreCipher | null;
}

/**
 * Decodes a backup file's bytes: a plain snapshot copy, or (protected store) a
 * container whose sealed snapshot opens with the cipher's data key.
 */
export function decodeBackup(bytes: Buffer, migrations: readonly Migration[] | undefined, cipher: StoreCipher | null): DecodedSnapshot {
  const container = parseContainer(bytes);
  if (!container) return decodeSnapshot(bytes, { migrations, cipher });
  if (!cipher) throw new SnapshotProblem('encrypted', 'it is encrypted, but your notes are not protected with a passphrase here');
  if (container.name !== SNAPSHOT_UNIT) throw new SnapshotProblem('invalid', `it holds ${container.name}, not a snapshot`);
  let plain: Buffer;
  try {
    plain = openWithDataKey(container, cipher.key);
  } catch (error) {
    if (error instanceof SealBroken) throw new SnapshotProblem('tampered', 'its encrypted content failed its authenticity check: it is damaged or was altered');
    throw error;
  }
  return { ...decodeSnapshot(plain, { migrations }), encrypted: true };
}

/** The backup was written but did not read back as a valid store; it has been removed. */
export class BackupNotVerified extends Error {
  constructor(readonly reason: string) {
    super(`The backup could not be verified (${reason}).`);
    this.name = 'BackupNotVerified';
  }
}

/**
 * Durably writes a backup, reads it back and validates it fully, then removes the
 * oldest backups beyond `keep`. Returns the new file name.
 */
export async function writeBackup(options: WriteBackupOptions): Promise<string> {
  const { fs, dir } = options;
  await fs.mkdir(dir);
  const existing = await listBackups(fs, dir);
  const name = nextBackupName(existing, options.date, options.reason, options.crc);
  const file = path.join(dir, name);
  const cipher = options.cipher ?? null;
  await writeFileDurably(fs, file, cipher ? containerOfSealed(cipher.keys, options.bytes, SNAPSHOT_UNIT) : options.bytes);
  try {
    decodeBackup(await fs.readFile(file), options.migrations, cipher);
  } catch (error) {
    await fs.unlink(file).catch(() => undefined);
    if (error instanceof SnapshotProblem) throw new BackupNotVerified(error.reason);
    throw error;
  }
  await rotateBackups(fs, dir, options.keep);
  return name;
}

/** Deletes the oldest backups beyond `keep` (other files in the folder are never touched). */
async function rotateBackups(fs: FsLayer, dir: string, keep: number): Promise<string[]> {
  const removed: string[] = [];
  for (const old of (await listBackups(fs, dir)).slice(Math.max(1, keep))) {
    try {
      await fs.unlink(path.join(dir, old.name));
      removed.push(old.name);
    } catch {
      // Kept until the next rotation.
    }
  }
  return removed;
}

export interface GoodBackup extends DecodedSnapshot {
  info: BackupInfo;
}

/** The newest backup that reads back and validates fully; null if there is none. */
export async function loadNewestGoodBackup(
  fs: FsLayer,
  dir: string,
  migrations?: readonly Migration[],
  cipher: StoreCipher | null = null,
): Promise<GoodBackup | null> {
  let backups: BackupInfo[];
  try {
    backups = await listBackups(fs, dir);
  } catch {
    return null;
  }
  for (const info of backups) {
    try {
      const decoded = decodeBackup(await fs.readFile(path.join(dir, info.name)), migrations, cipher);
      return { ...decoded, info };
    } catch (error) {
      if (!(error instanceof SnapshotProblem) && !(error instanceof NewerVersionError) && errnoCode(error) === undefined) throw error;
    }
  }
  return null;
}
