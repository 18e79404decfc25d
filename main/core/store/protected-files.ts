/**
 * Converting the loose files of a data folder when protection is turned on or
 * off (issue 16): the automatic backups and the copies kept aside (damaged,
 * unreadable or pre-upgrade snapshots and journals). Turning protection on
 * wraps each plain one in a container (crypto/container.ts) carrying the keys
 * of the day; turning it off opens each one again. Every file is replaced
 * through a durable write (temp file, fsync, rename), so a crash leaves each
 * file whole in its old or its new form, and both forms read while the
 * conversion is unfinished. The snapshot and journal are the store's own
 * (compaction rewrites them); the keyfile and the lock are not touched here.
 */
import path from 'node:path';
import { containerOfSealed, looksLikeContainer, openWithDataKey, parseContainer } from './crypto/container';
import { isSealed, SealBroken } from './crypto/envelope';
import type { StoreCipher } from './crypto/store-cipher';
import { isTempFileName, writeFileDurably } from './durable-write';
import { errnoCode, type FsLayer } from './fs-layer';
import { JOURNAL_FILE, SNAPSHOT_FILE, unsealJournal } from './journal-adapter';
import { listBackups } from './backup-rotation';

/** A copy kept aside: `fieldmark.json.<label>-<stamp>` or `fieldmark.journal.<label>-<stamp>`. */
function isAsideName(name: string): boolean {
  return (name.startsWith(`${SNAPSHOT_FILE}.`) || name.startsWith(`${JOURNAL_FILE}.`)) && !isTempFileName(name);
}

/** The store file a loose file is a copy of (its unit name). */
function unitOf(name: string, inBackups: boolean): string {
  return !inBackups && name.startsWith(`${JOURNAL_FILE}.`) ? JOURNAL_FILE : SNAPSHOT_FILE;
}

function everyLineSealed(bytes: Buffer): boolean {
  for (let pos = 0; pos < bytes.length; ) {
    if (bytes.toString('latin1', pos, pos + 3) !== 'E1 ') return false;
    const end = bytes.indexOf(0x0a, pos);
    if (end === -1) return true;
    pos = end + 1;
  }
  return true;
}

/** Whether bytes are already protected (nothing plain in them). */
export function isProtectedBytes(bytes: Buffer): boolean {
  return bytes.length === 0 || isSealed(bytes) || looksLikeContainer(bytes) || everyLineSealed(bytes);
}

async function looseFiles(fs: FsLayer, dataDir: string, backupDir: string): Promise<Array<{ file: string; unit: string }>> {
  const files = (await listBackups(fs, backupDir)).map((b) => ({ file: path.join(backupDir, b.name), unit: SNAPSHOT_FILE }));
  let names: string[] = [];
  try {
    names = await fs.readdir(dataDir);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  for (const name of names.filter(isAsideName)) files.push({ file: path.join(dataDir, name), unit: unitOf(name, false) });
  return files;
}

/** Wraps every plain loose file in a container; returns how many were converted. Throws on a failed write. */
export async function sealLooseFiles(fs: FsLayer, dataDir: string, backupDir: string, cipher: StoreCipher): Promise<number> {
  let converted = 0;
  for (const { file, unit } of await looseFiles(fs, dataDir, backupDir)) {
    const bytes = await fs.readFile(file);
    if (isProtectedBytes(bytes)) continue;
    await writeFileDurably(fs, file, containerOfSealed(cipher.keys, cipher.seal(bytes, unit), unit));
    converted++;
  }
  return converted;
}

/** The plain bytes of a protected loose file, or null when it does not open (left as it is). */
function unsealed(bytes: Buffer, unit: string, cipher: StoreCipher): Buffer | null {
  try {
    const container = looksLikeContainer(bytes) ? parseContainer(bytes) : null;
    if (container) return openWithDataKey(container, cipher.key);
    if (isSealed(bytes)) return cipher.open(bytes, unit);
    if (bytes.length > 0 && everyLineSealed(bytes)) return unsealJournal(bytes, cipher);
    return null;
  } catch (error) {
    if (error instanceof SealBroken) return null;
    throw error;
  }
}

/** Opens every protected loose file back into its plain form; returns how many were converted. */
export async function unsealLooseFiles(fs: FsLayer, dataDir: string, backupDir: string, cipher: StoreCipher): Promise<number> {
  let converted = 0;
  for (const { file, unit } of await looseFiles(fs, dataDir, backupDir)) {
    const plain = unsealed(await fs.readFile(file), unit, cipher);
    if (!plain) continue;
    await writeFileDurably(fs, file, plain);
    converted++;
  }
  return converted;
}
