/**
 * store/ (main/core, above anchoring/): the one persistent store — its schema
 * and migrations, the checked document (store-validate.ts), the snapshot codec
 * and journal adapter, durable writes through one file-system layer, backups
 * (backup-file.ts for the format, backup-rotation.ts for keeping them) and the
 * folder lock. This file opens the store and applies changes to it.
 */
/**
 * Fieldmark's persistent store: one lowdb document in the data folder, kept as
 * a sealed JSON snapshot plus an append-only journal (see journal-adapter.ts).
 *
 * Guarantees (each one has tests in test/unit/core and test/reliability):
 * - `apply` resolves only once the change is durable (journal append + fsync);
 *   concurrent calls are grouped into one write (group commit) and none is lost;
 *   on failure it rejects with NOT_SAVED, DISK_FULL or READ_ONLY and `doc` is
 *   unchanged (changes reach `doc` only after they are on disk).
 * - A snapshot that is empty, damaged, not JSON or not a valid document is moved
 *   aside (`fieldmark.json.corrupt-<stamp>`), never overwritten or deleted; the
 *   store opens from the newest good backup, replays the journal over it, and
 *   says so in `status.notices`. A newer format opens read-only, untouched.
 * - One backup per launch when the document changed, ten kept, each verified.
 * - Temp files left by a crash are removed on open; a lock file keeps a second
 *   host out of the folder.
 * - Protected (issue 16; a keyfile `fieldmark.keys` in the folder): it opens
 *   locked, reading nothing but the keyfile until `unlock` gives the data key;
 *   then every file it writes is encrypted (crypto/). Turning protection on or
 *   off runs in the single writer, between saves, and is crash-safe: the
 *   keyfile, written first when turning on and removed last when turning off,
 *   decides which protection the folder has, and marks the conversion pending
 *   until every file has its new form, so both forms read meanwhile.
 */
import os from 'node:os';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { createHmac } from 'node:crypto';
import { describeZodError, FieldmarkError } from '../../../preload/rpc';
import { KEYFILE, parseKeyfile, renderKeyfile, type Keyfile } from './crypto/keyfile';
import { isSealed, SealBroken } from './crypto/envelope';
import { openWithDataKey, parseContainer, renderContainer, type Container } from './crypto/container';
import { StoreCipher } from './crypto/store-cipher';
import { sealLooseFiles, unsealLooseFiles } from './protected-files';
import { removeStaleTempFiles, writeFileDurably } from './durable-write';
import { errnoCode, nodeFs, type FsLayer } from './fs-layer';
import { JOURNAL_FILE, JournalAdapter, JournalUnreadable, replayJournal, SNAPSHOT_FILE, type JournalScan } from './journal-adapter';
import { encodeSnapshot, plainSnapshotBytes, SnapshotProblem } from './snapshot-codec';
import {
  BACKUP_DIR,
  BackupNotVerified,
  DEFAULT_BACKUPS_TO_KEEP,
  fileStamp,
  listBackups,
  loadNewestGoodBackup,
  plainDate,
  writeBackup,
} from './backup-rotation';
import { acquireLock, LockUnavailable, type StoreLock } from './store-lock';
import { MIGRATIONS, NewerVersionError, type Migration } from './store-migrations';
import { applyOps, emptyDoc, STORE_VERSION, StoreDoc, StoreOp, type Store, type StoreStatusInfo } from './store-schema';

export interface OpenStoreOptions {
  dataDir: string;
  /** The file system; tests pass fault-injecting or crash-simulating layers. */
  fs?: FsLayer;
  now?: () => Date;
  backupsToKeep?: number;
  /** Journal size (bytes) after which it is folded into the snapshot; default 1 MiB (or 1/8 of the snapshot). */
  compactAfterBytes?: number;
  /** Who takes the lock; tests that simulate a crash inside one process give each "process" its own pid. */
  lockOwner?: { pid?: number; host?: string; isAlive?: (pid: number) => boolean };
  migrations?: readonly Migration[];
}

/** `plain`: no keyfile; `locked`: protected, nothing decrypted; `unlocked`: protected and open. */
export type ProtectionState = 'plain' | 'locked' | 'unlocked';

/** The store plus what tests and hosts need beyond the service's interface. */
export interface OpenedStore extends Store {
  /** Resolves once every queued write and background task (such as the launch backup) has finished. */
  idle(): Promise<void>;
  readonly protection: ProtectionState;
  /** The keys that unlock the store (a protected store), to check a passphrase against; null when plain. */
  readonly keys: Keyfile | null;
  /** Opens a locked store with its data key (checked by the caller against `keys`); finishes a pending conversion. */
  unlock(dataKey: Buffer): Promise<void>;
  /** Saves everything pending, then forgets the key and every decrypted record. */
  lock(): Promise<void>;
  /** Encrypts a plain store under `keys` (the data key wrapped) and `dataKey`. */
  protect(keys: Keyfile, dataKey: Buffer): Promise<void>;
  /** Decrypts an unlocked protected store back to plain files and removes the keyfile. */
  unprotect(): Promise<void>;
  /** Replaces the keyfile (the same data key, wrapped anew: a passphrase change). */
  rewrap(keys: Keyfile): Promise<void>;
  /** Unlocked: `plain` sealed as a container with the keys of the day (an exported backup); null when plain or locked. */
  sealForExport(plain: Buffer, name: string): string | null;
  /** Unlocked: a container's content if this store's data key opens it; null otherwise. */
  openWithOwnKey(container: Container): Buffer | null;
}

/** Opens (or creates) the store in `dataDir`; throws FieldmarkError('CONFLICT') if another host holds it. */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const store = new FileStore(options);
  await store.open();
  return store;
}

const OpBatch = z.array(StoreOp);
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);
const COMPACTION_RETRY_MS = 30_000;

function lockedError(subject: string): FieldmarkError {
  return new FieldmarkError('LOCKED', `${subject} because your notes are locked. Unlock them with your passphrase or recovery key.`);
}

interface PendingBatch {
  ops: StoreOp[];
  resolve(): void;
  reject(error: FieldmarkError): void;
}

async function retry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || errnoCode(error) === 'ENOENT') throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
    }
  }
}

class FileStore implements OpenedStore {
  private readonly fs: FsLayer;
  private readonly dataDir: string;
  private readonly backupDir: string;
  private readonly now: () => Date;
  private readonly keep: number;
  private readonly migrations: readonly Migration[];
  private readonly adapter: JournalAdapter;
  private readonly db: Low<StoreDoc>;
  private readonly options: OpenStoreOptions;
  private index = new Map<string, number>();
  private readonly notices: string[] = [];
  /** Why writes are refused, when the store is read-only. */
  private readOnlyMessage: string | null = null;
  private folderLock: StoreLock | null = null;
  private pending: PendingBatch[] = [];
  private tasks: Array<() => Promise<void>> = [];
  private running = false;
  private idleWaiters: Array<() => void> = [];
  /** A failed append may have left part of a line behind: compact before the next append. */
  private journalDirty = false;
  private journalAside: string | undefined;
  private compactionRetryAt = 0;
  /** Fingerprint of `doc` as last written in full (snapshot or backup); null once it changed. */
  private contentCrc: string | null = null;
  private closing: Promise<void> | null = null;
  /** The keyfile's content (protected store); null when plain. */
  private keysOnDisk: Keyfile | null = null;
  /** The data key while unlocked; null when plain or locked. */
  private cipher: StoreCipher | null = null;
  private isLocked = false;
  private launchBackupDone = false;

  constructor(options: OpenStoreOptions) {
    this.options = options;
    this.fs = options.fs ?? nodeFs;
    this.dataDir = path.resolve(options.dataDir);
    this.backupDir = path.join(this.dataDir, BACKUP_DIR);
    this.now = options.now ?? (() => new Date());
    this.keep = Math.max(1, options.backupsToKeep ?? DEFAULT_BACKUPS_TO_KEEP);
    this.migrations = options.migrations ?? MIGRATIONS;
    this.adapter = new JournalAdapter({
      fs: this.fs,
      dir: this.dataDir,
      migrations: this.migrations,
      compactAfterBytes: options.compactAfterBytes,
    });
    this.db = new Low<StoreDoc>(this.adapter, emptyDoc());
  }

  get doc(): StoreDoc {
    return this.db.data;
  }

  get status(): StoreStatusInfo {
    return { dataDir: this.dataDir, readOnly: this.readOnlyMessage !== null, notices: [...this.notices] };
  }

  get protection(): ProtectionState {
    return this.keysOnDisk === null ? 'plain' : this.isLocked ? 'locked' : 'unlocked';
  }

  get keys(): Keyfile | null {
    return this.keysOnDisk;
  }

  private get keyfilePath(): string {
    return path.join(this.dataDir, KEYFILE);
  }

  private get writable(): boolean {
    return this.readOnlyMessage === null;
  }

  // ---------------------------------------------------------------- opening

  async open(): Promise<void> {
    await this.ensureDataDir();
    try {
      this.folderLock = await acquireLock({
        fs: this.fs,
        dir: this.dataDir,
        owner: {
          pid: this.options.lockOwner?.pid ?? process.pid,
          host: this.options.lockOwner?.host ?? os.hostname(),
          // Real time, not the injectable clock: lock staleness is judged against this machine's boot time.
          startedAt: new Date().toISOString(),
        },
        isAlive: this.options.lockOwner?.isAlive,
      });
    } catch (error) {
      if (!(error instanceof LockUnavailable)) throw error;
      this.refuseWrites(error.code);
    }
    try {
      if (this.writable) {
        if (!(await this.isDirectory(this.backupDir))) {
          await this.fs.mkdir(this.backupDir).catch(() => undefined);
          await this.fs.fsyncDir(this.dataDir).catch(() => undefined);
        }
        await removeStaleTempFiles(this.fs, this.dataDir);
        await removeStaleTempFiles(this.fs, this.backupDir);
      }
      this.keysOnDisk = await this.readKeys();
      // Protected: nothing is read or decrypted until unlock.
      if (this.keysOnDisk) this.isLocked = true;
      else await this.loadAndIndex();
    } catch (error) {
      await this.folderLock?.release();
      throw error;
    }
  }

  private async loadAndIndex(): Promise<void> {
    this.index = new Map();
    await this.load();
    if (this.isLocked) return;
    // A plain loop: no [id, i] pair per annotation on the launch path (100,000 of them in a big store).
    const annotations = this.doc.annotations;
    for (let i = 0; i < annotations.length; i++) this.index.set(annotations[i]!.id, i);
    if (this.writable && !this.launchBackupDone) {
      this.launchBackupDone = true;
      this.schedule(() => this.launchBackup());
    }
  }

  /**
   * The keyfile, or null when the store is plain. A damaged keyfile is replaced
   * in memory by the keys the newest backup carries (the keys of its day), with
   * a notice; the file itself is left for inspection until they unlock it.
   */
  private async readKeys(): Promise<Keyfile | null> {
    let text: string;
    try {
      text = (await retry(() => this.fs.readFile(this.keyfilePath))).toString('utf8');
    } catch (error) {
      // No keyfile: plain, unless the snapshot turns out to be encrypted (load() checks, at no cost to plain stores).
      if (errnoCode(error) === 'ENOENT') return null;
      throw new FieldmarkError('NOT_SAVED', `Fieldmark could not read the key file of your protected notes (${errnoCode(error) ?? 'unknown'}). Check the data folder (${this.dataDir}), then restart Fieldmark.`);
    }
    return parseKeyfile(text) ?? this.keysFromBackups('damaged');
  }

  /**
   * The keys the newest backup carries, when the keyfile is damaged or missing
   * beside an encrypted snapshot: the folder stays protected (nothing is moved
   * aside or rewritten as plain), and unlocks with the passphrase of that backup's day.
   */
  private async keysFromBackups(problem: 'damaged' | 'missing'): Promise<Keyfile> {
    for (const backup of await listBackups(this.fs, this.backupDir).catch(() => [])) {
      const container = parseContainer(await this.fs.readFile(path.join(this.backupDir, backup.name)).catch(() => Buffer.alloc(0)));
      if (!container) continue;
      this.notices.push(
        `The key file of your protected notes (${KEYFILE}) is ${problem}, so Fieldmark uses the keys kept with the backup from ${plainDate(backup.date)}: unlock with the passphrase (or recovery key) you had then.`,
      );
      return container.keys;
    }
    throw new FieldmarkError(
      'NOT_SAVED',
      `The key file of your protected notes (${KEYFILE}) is ${problem} and no backup carries a copy of the keys, so Fieldmark did not open the folder and changed nothing. Restore a backup with its passphrase, or put the key file back.`,
    );
  }

  /**
   * Creates the data folder if needed and makes its creation durable (fsync of
   * each new folder's parent): otherwise a power cut soon after the first launch
   * could take the whole folder, acknowledged changes included, with it.
   */
  private async ensureDataDir(): Promise<void> {
    const created: string[] = [];
    for (let dir = this.dataDir; !(await this.isDirectory(dir)); dir = path.dirname(dir)) {
      created.unshift(dir);
      if (path.dirname(dir) === dir) break;
    }
    try {
      if (created.length === 0) return;
      await retry(() => this.fs.mkdir(this.dataDir));
      for (const dir of created) await retry(() => this.fs.fsyncDir(path.dirname(dir)));
    } catch (error) {
      const code = errnoCode(error) ?? 'unknown';
      throw new FieldmarkError(
        DISK_FULL_CODES.has(code) ? 'DISK_FULL' : READ_ONLY_CODES.has(code) ? 'READ_ONLY' : 'NOT_SAVED',
        `Fieldmark could not create its data folder ${this.dataDir} (${code}). Check the path, or start with a different --data-dir.`,
      );
    }
  }

  private async isDirectory(dir: string): Promise<boolean> {
    try {
      return (await retry(() => this.fs.stat(dir))).isDirectory;
    } catch {
      return false;
    }
  }

  /** Makes the store read-only because the folder cannot be written (the lock could not be created). */
  private refuseWrites(code: string): void {
    if (DISK_FULL_CODES.has(code)) {
      this.setReadOnly(
        `The disk holding Fieldmark's data folder (${this.dataDir}) is full, so your annotations are shown read-only. Free some space, then restart Fieldmark.`,
        'Your change was not saved because the disk is full. Free some space, then restart Fieldmark.',
      );
    } else {
      this.setReadOnly(
        `Fieldmark cannot write to its data folder (${this.dataDir}: ${code}), so your annotations are shown read-only. Make the folder writable, or start with a different --data-dir, then restart Fieldmark.`,
        `Your change was not saved because Fieldmark cannot write to its data folder (${this.dataDir}). Make the folder writable, or start with a different --data-dir, then restart Fieldmark.`,
      );
    }
  }

  private setReadOnly(notice: string, refusal: string): void {
    this.notices.push(notice);
    if (this.readOnlyMessage === null) this.readOnlyMessage = refusal;
  }

  private async load(): Promise<void> {
    try {
      await this.db.read();
    } catch (error) {
      if (error instanceof NewerVersionError) return this.openNewer(error.version, null);
      if (error instanceof SnapshotProblem && error.kind === 'encrypted' && !this.cipher && !this.keysOnDisk) {
        // An encrypted snapshot with no keyfile beside it: the folder is protected, never opened as plain.
        this.keysOnDisk = await this.keysFromBackups('missing');
        this.isLocked = true;
        this.db.data = emptyDoc();
        return;
      }
      if (error instanceof SnapshotProblem) return this.recover(error);
      if (error instanceof JournalUnreadable) return this.continueWithoutJournal(this.adapter.lastSnapshot!.doc, error);
      throw error;
    }
    const snapshot = this.adapter.lastSnapshot;
    if (!snapshot) return this.recover(null);
    const replay = this.adapter.lastReplay!;
    if (replay.newerVersion !== null) return this.openNewer(replay.newerVersion, replay.doc);
    const journal = this.adapter.lastJournal;
    let mustCompact = journal?.tornTail === true;
    if (journal && (journal.corruptLines > 0 || replay.invalid > 0)) {
      mustCompact = true;
      this.keepDamagedJournal(journal, replay.invalid);
    }
    if (snapshot.migratedFrom !== null) {
      mustCompact = (await this.keepPreMigrationFile(snapshot.migratedFrom)) || mustCompact;
    }
    this.contentCrc = replay.applied === 0 && snapshot.sealed ? snapshot.crc : null;
    // Read-only (a failed copy aside, another process's lock): never rewrite the files.
    if (mustCompact && this.writable) await this.compactNow();
  }

  /** Snapshot missing (problem null) or unusable: move it aside, open the newest good backup, replay the journal. */
  private async recover(problem: SnapshotProblem | null): Promise<void> {
    let aside: string | null = null;
    if (problem && this.writable) {
      aside = await this.moveAside(SNAPSHOT_FILE, 'corrupt');
      if (!aside) {
        this.setReadOnly(
          `Your annotations file could not be read (${problem.reason}) and could not be moved aside, so it was left untouched and Fieldmark opened read-only. Check the data folder (${this.dataDir}), then restart Fieldmark.`,
          'Your change was not saved because Fieldmark opened read-only: its annotations file could not be read or moved aside.',
        );
      }
    }
    const backup = await loadNewestGoodBackup(this.fs, this.backupDir, this.migrations, this.cipher);
    let doc = backup ? backup.doc : emptyDoc();
    let journal: JournalScan | null = null;
    try {
      journal = await this.adapter.readJournal();
    } catch (error) {
      if (!(error instanceof JournalUnreadable)) throw error;
      await this.keepUnreadableJournal(error);
    }
    const replay = journal ? replayJournal(doc, journal, this.migrations) : null;
    if (replay) doc = replay.doc;
    this.db.data = doc;
    const recovered = replay && replay.applied > 0 ? ` Fieldmark also reapplied ${replay.applied} recent ${replay.applied === 1 ? 'change' : 'changes'} from its journal.` : '';
    const from = backup ? `the backup from ${plainDate(backup.info.date)}` : null;
    if (problem) {
      const kept = aside ? `It was kept as ${aside} in your data folder` : 'It was left in place';
      this.notices.push(
        `Your annotations file could not be read (${problem.reason}). ${kept}${from ? ` and Fieldmark opened ${from}.` : '. No backup was found, so Fieldmark started with no annotations.'}${recovered}`,
      );
    } else if (from) {
      this.notices.push(`Your annotations file was missing, so Fieldmark opened ${from}.${recovered}`);
    } else if (replay && replay.applied > 0) {
      this.notices.push(`Your annotations file was missing, so Fieldmark rebuilt it from the journal of recent changes.`);
    }
    if (replay?.newerVersion != null) return this.openNewer(replay.newerVersion, doc);
    if (journal && (journal.corruptLines > 0 || (replay?.invalid ?? 0) > 0)) this.keepDamagedJournal(journal, replay?.invalid ?? 0);
    if (this.writable) await this.compactNow();
  }

  /** A newer Fieldmark wrote the file (or recent journal entries): show what we can, change nothing. */
  private async openNewer(version: number, partial: StoreDoc | null): Promise<void> {
    this.setReadOnly(
      `Your annotations file was saved by a newer version of Fieldmark (format ${version}; this version reads format ${STORE_VERSION}). It was left untouched and is shown read-only. Update Fieldmark to make changes.`,
      'Your change was not saved because your annotations file was saved by a newer version of Fieldmark. Update Fieldmark to make changes.',
    );
    this.db.data =
      partial ?? (await this.readNewerAsCurrent()) ?? (await loadNewestGoodBackup(this.fs, this.backupDir, this.migrations, this.cipher))?.doc ?? emptyDoc();
  }

  /** Best effort: a newer document often still has the fields this version knows. */
  private async readNewerAsCurrent(): Promise<StoreDoc | null> {
    try {
      const bytes = plainSnapshotBytes(await this.fs.readFile(this.adapter.snapshotPath), this.cipher).bytes;
      const raw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
      const parsed = StoreDoc.safeParse({ ...raw, version: STORE_VERSION });
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private async continueWithoutJournal(doc: StoreDoc, error: JournalUnreadable): Promise<void> {
    this.db.data = doc;
    await this.keepUnreadableJournal(error);
    if (this.writable) await this.compactNow();
  }

  private async keepUnreadableJournal(error: JournalUnreadable): Promise<void> {
    const aside = this.writable ? await this.moveAside(JOURNAL_FILE, 'unreadable') : null;
    if (aside) {
      this.notices.push(
        `The journal of your most recent changes could not be read (${error.code}). It was kept as ${aside} in your data folder; Fieldmark opened your annotations as they were last saved in full.`,
      );
    } else {
      this.setReadOnly(
        `The journal of your most recent changes could not be read (${error.code}) and was left untouched, so Fieldmark opened read-only. Check the data folder (${this.dataDir}), then restart Fieldmark.`,
        'Your change was not saved because Fieldmark opened read-only: the journal of recent changes could not be read.',
      );
    }
  }

  private keepDamagedJournal(journal: JournalScan, invalid: number): void {
    const damaged = journal.corruptLines + invalid;
    this.journalAside = `${JOURNAL_FILE}.corrupt-${fileStamp(this.now())}`;
    this.notices.push(
      `${damaged} damaged ${damaged === 1 ? 'entry' : 'entries'} in the journal of recent changes could not be read; every other change was kept. The journal was kept as ${this.journalAside} in your data folder.`,
    );
  }

  /**
   * Keeps a durable copy of the pre-migration file before the upgraded snapshot
   * replaces it, so the original exists under one name or the other at every
   * moment. Returns whether the copy was made (else the store opens read-only).
   */
  private async keepPreMigrationFile(from: number): Promise<boolean> {
    if (!this.writable) return false;
    const aside = `${SNAPSHOT_FILE}.format-${from}-${fileStamp(this.now())}`;
    try {
      const original = await retry(() => this.fs.readFile(this.adapter.snapshotPath));
      await writeFileDurably(this.fs, path.join(this.dataDir, aside), original);
      // The journal's lines are in the old format too, and compaction folds them in: keep them as well.
      const journal = await retry(() => this.fs.readFile(this.adapter.journalPath)).catch((error: unknown) => {
        if (errnoCode(error) === 'ENOENT') return null;
        throw error;
      });
      if (journal && journal.length > 0) {
        await writeFileDurably(this.fs, path.join(this.dataDir, `${JOURNAL_FILE}.format-${from}-${fileStamp(this.now())}`), journal);
      }
    } catch {
      this.setReadOnly(
        `Your annotations file uses the older format ${from} and could not be copied aside before upgrading, so Fieldmark opened read-only. Check the data folder (${this.dataDir}), then restart Fieldmark.`,
        'Your change was not saved because Fieldmark opened read-only: its annotations file could not be upgraded safely.',
      );
      return false;
    }
    this.notices.push(`Your annotations file was upgraded from format ${from} to format ${STORE_VERSION}. The original was kept as ${aside} in your data folder.`);
    return true;
  }

  /** Renames a data-folder file to `<name>.<label>-<stamp>` durably; returns the new name, or null if it failed. */
  private async moveAside(name: string, label: string): Promise<string | null> {
    const stamp = fileStamp(this.now());
    let existing: Set<string>;
    try {
      existing = new Set(await retry(() => this.fs.readdir(this.dataDir)));
    } catch {
      existing = new Set();
    }
    let aside = `${name}.${label}-${stamp}`;
    for (let n = 2; existing.has(aside); n++) aside = `${name}.${label}-${stamp}-${n}`;
    try {
      await retry(() => this.fs.rename(path.join(this.dataDir, name), path.join(this.dataDir, aside)));
      await retry(() => this.fs.fsyncDir(this.dataDir));
      return aside;
    } catch {
      return null;
    }
  }

  /** Folds the journal into the snapshot at open; on failure the next write retries it first. */
  private async compactNow(): Promise<void> {
    try {
      this.contentCrc = await this.adapter.compact(this.doc, { journalAside: this.journalAside });
      this.journalAside = undefined;
      this.journalDirty = false;
    } catch {
      this.journalDirty = true;
    }
  }

  // ---------------------------------------------------------------- writing

  apply(ops: readonly StoreOp[]): Promise<void> {
    if (this.closing) return Promise.reject(new FieldmarkError('NOT_SAVED', 'Your change was not saved because Fieldmark is closing.'));
    if (this.isLocked) return Promise.reject(lockedError('Your change was not saved'));
    if (this.readOnlyMessage !== null) return Promise.reject(new FieldmarkError('READ_ONLY', this.readOnlyMessage));
    const parsed = OpBatch.safeParse(ops);
    if (!parsed.success) {
      return Promise.reject(new FieldmarkError('INVALID_INPUT', `The change is not valid and was not saved: ${describeZodError(parsed.error)}`));
    }
    if (parsed.data.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ ops: parsed.data, resolve, reject });
      this.kick();
    });
  }

  backupNow(reason: string): Promise<string> {
    if (this.closing) return Promise.reject(new FieldmarkError('NOT_SAVED', 'The backup was not written because Fieldmark is closing.'));
    if (this.isLocked) return Promise.reject(lockedError('The backup was not written'));
    if (this.readOnlyMessage !== null) return Promise.reject(new FieldmarkError('READ_ONLY', this.readOnlyMessage));
    return new Promise<string>((resolve, reject) => {
      this.schedule(async () => {
        try {
          resolve(await this.writeBackupOfDoc(reason));
        } catch (error) {
          reject(this.toFieldmarkError(error, 'The backup was not written'));
        }
      });
    });
  }

  idle(): Promise<void> {
    if (!this.running && this.pending.length === 0 && this.tasks.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await this.idle();
    if (this.writable && !this.isLocked && (this.adapter.journalSize > 0 || this.journalDirty)) {
      // If this fails, nothing is lost: the journal still holds every change.
      await this.compactNow();
    }
    await this.adapter.closeJournal();
    await this.folderLock?.release();
    this.folderLock = null;
  }

  private schedule(task: () => Promise<void>): void {
    this.tasks.push(task);
    this.kick();
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    void this.drain();
  }

  /** The single writer: commits pending batches as groups, then runs background tasks. */
  private async drain(): Promise<void> {
    // Let every apply() issued in the same tick join the first group.
    await Promise.resolve();
    try {
      for (;;) {
        if (this.pending.length > 0) {
          await this.commit(this.pending.splice(0));
          continue;
        }
        const task = this.tasks.shift();
        if (!task) break;
        await task();
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters.splice(0);
      for (const wake of waiters) wake();
    }
  }

  private async commit(group: PendingBatch[]): Promise<void> {
    if (this.isLocked) {
      for (const batch of group) batch.reject(lockedError('Your change was not saved'));
      return;
    }
    try {
      if (this.journalDirty) {
        await this.adapter.compact(this.doc, { journalAside: this.journalAside });
        this.journalAside = undefined;
        this.journalDirty = false;
      }
      await this.adapter.append(group.map((batch) => batch.ops));
    } catch (error) {
      this.journalDirty = true;
      const failure = this.toFieldmarkError(error, 'Your change was not saved');
      for (const batch of group) batch.reject(failure);
      return;
    }
    let doc = this.doc;
    for (const batch of group) doc = applyOps(doc, batch.ops, this.index);
    this.db.data = doc;
    this.contentCrc = null;
    for (const batch of group) batch.resolve();
    if (this.adapter.needsCompaction() && Date.now() >= this.compactionRetryAt) {
      try {
        this.contentCrc = await this.adapter.compact(doc);
      } catch {
        // The journal still holds every change; try again later.
        this.compactionRetryAt = Date.now() + COMPACTION_RETRY_MS;
      }
    }
  }

  private async writeBackupOfDoc(reason: string): Promise<string> {
    const encoded = encodeSnapshot(this.doc, this.cipher);
    return writeBackup({
      fs: this.fs,
      dir: this.backupDir,
      bytes: encoded.bytes,
      crc: this.nameTag(encoded.crc),
      cipher: this.cipher,
      date: this.now(),
      reason,
      keep: this.keep,
      migrations: this.migrations,
    });
  }

  /** One backup per launch, only if the document changed since the newest backup. */
  private async launchBackup(): Promise<void> {
    if (this.isLocked) return;
    try {
      const newest = (await listBackups(this.fs, this.backupDir))[0];
      if (newest && this.contentCrc !== null && newest.crc === this.nameTag(this.contentCrc)) return;
      // The sealed snapshot already holds exactly `doc`: copy its bytes rather than serializing again.
      let encoded = this.contentCrc !== null ? { bytes: await this.fs.readFile(this.adapter.snapshotPath), crc: this.contentCrc } : encodeSnapshot(this.doc, this.cipher);
      // A protected store's backup must be encrypted (a plain snapshot is possible only mid-conversion).
      if (this.cipher && !isSealed(encoded.bytes)) encoded = encodeSnapshot(this.doc, this.cipher);
      if (newest && newest.crc === this.nameTag(encoded.crc)) return;
      await writeBackup({
        fs: this.fs,
        dir: this.backupDir,
        bytes: encoded.bytes,
        crc: this.nameTag(encoded.crc),
        cipher: this.cipher,
        date: this.now(),
        reason: 'launch',
        keep: this.keep,
        migrations: this.migrations,
      });
    } catch (error) {
      this.notices.push(`${this.toFieldmarkError(error, 'This launch’s backup was not written').message}`);
    }
  }

  // ---------------------------------------------------------------- protection

  /** Runs a task in the single writer (after every save queued before it) and returns its result. */
  private runTask<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.schedule(async () => {
        try {
          resolve(await task());
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  private refuseProtectionChange(what: string): void {
    if (this.closing) throw new FieldmarkError('NOT_SAVED', `${what} was not done because Fieldmark is closing.`);
    if (this.readOnlyMessage !== null) throw new FieldmarkError('READ_ONLY', this.readOnlyMessage);
  }

  /** A backup name's fingerprint: the content crc, keyed when protected so a name reveals nothing of the content. */
  private nameTag(crc: string): string {
    if (!this.cipher) return crc;
    return createHmac('sha256', this.cipher.key).update(`fieldmark backup name\0${crc}`).digest('hex').slice(0, 8);
  }

  sealForExport(plain: Buffer, name: string): string | null {
    return this.cipher ? renderContainer(this.cipher.keys, this.cipher.key, plain, name) : null;
  }

  openWithOwnKey(container: Container): Buffer | null {
    if (!this.cipher) return null;
    try {
      return openWithDataKey(container, this.cipher.key);
    } catch (error) {
      if (error instanceof SealBroken) return null;
      throw error;
    }
  }

  private async writeKeys(keys: Keyfile): Promise<void> {
    await writeFileDurably(this.fs, this.keyfilePath, renderKeyfile(keys));
    this.keysOnDisk = keys;
  }

  async unlock(dataKey: Buffer): Promise<void> {
    if (!this.isLocked || !this.keysOnDisk) throw new FieldmarkError('INVALID_INPUT', 'Your notes are not locked.');
    await this.idle();
    const pending = this.keysOnDisk.pending;
    this.cipher = new StoreCipher(this.keysOnDisk, Buffer.from(dataKey), pending !== undefined);
    this.adapter.cipher = this.cipher;
    this.isLocked = false;
    try {
      await this.loadAndIndex();
    } catch (error) {
      this.forgetKey();
      throw error;
    }
    if (pending && this.writable) await this.runTask(() => this.finishConversion());
  }

  async lock(): Promise<void> {
    if (this.keysOnDisk === null) throw new FieldmarkError('INVALID_INPUT', 'Your notes are not protected with a passphrase, so there is nothing to lock.');
    if (this.isLocked) return;
    // In the writer: every save queued before it is on disk first; any asked for later is refused.
    await this.runTask(async () => {
      this.isLocked = true;
      await this.adapter.closeJournal();
    });
    this.forgetKey();
  }

  private forgetKey(): void {
    this.isLocked = true;
    this.db.data = emptyDoc();
    this.index = new Map();
    this.contentCrc = null;
    this.cipher?.forget();
    this.cipher = null;
    this.adapter.cipher = null;
  }

  protect(keys: Keyfile, dataKey: Buffer): Promise<void> {
    this.refuseProtectionChange('Protecting your notes');
    if (this.keysOnDisk) return Promise.reject(new FieldmarkError('INVALID_INPUT', 'Your notes are already protected with a passphrase.'));
    return this.runTask(async () => {
      const { pending: _pending, ...settled } = keys;
      // The commit point: from here on the folder is protected (and unlocks with this passphrase).
      await this.writeKeys({ ...settled, pending: 'protect' });
      this.cipher = new StoreCipher(this.keysOnDisk!, Buffer.from(dataKey), true);
      this.adapter.cipher = this.cipher;
      await this.finishConversion();
    });
  }

  unprotect(): Promise<void> {
    this.refuseProtectionChange('Removing the protection');
    if (!this.keysOnDisk || !this.cipher) return Promise.reject(lockedError('The protection was not removed'));
    return this.runTask(async () => {
      await this.writeKeys({ ...this.keysOnDisk!, pending: 'unprotect' });
      this.cipher!.acceptPlain = true;
      await this.finishConversion();
    });
  }

  rewrap(keys: Keyfile): Promise<void> {
    this.refuseProtectionChange('Changing the passphrase');
    if (!this.keysOnDisk || !this.cipher) return Promise.reject(lockedError('The passphrase was not changed'));
    return this.runTask(async () => {
      const { pending: _ignored, ...settled } = keys;
      await this.writeKeys({ ...settled, ...(this.keysOnDisk!.pending ? { pending: this.keysOnDisk!.pending } : {}) });
      this.cipher!.keys = this.keysOnDisk!;
    });
  }

  /**
   * Brings every file to the protection the keyfile says (run in the writer):
   * turning on, an encrypted snapshot and empty journal, then the backups and
   * kept copies wrapped, then the keyfile without its mark; turning off, the
   * reverse, the keyfile removed last. Safe to run again after a crash.
   */
  private async finishConversion(): Promise<void> {
    const cipher = this.cipher!;
    const pending = this.keysOnDisk?.pending;
    if (pending === 'protect') {
      this.contentCrc = await this.adapter.compact(this.doc, { journalAside: this.journalAside });
      this.journalAside = undefined;
      this.journalDirty = false;
      await sealLooseFiles(this.fs, this.dataDir, this.backupDir, cipher);
      const { pending: _done, ...settled } = this.keysOnDisk!;
      await this.writeKeys(settled);
      cipher.keys = settled;
      cipher.acceptPlain = false;
    } else if (pending === 'unprotect') {
      this.adapter.cipher = null;
      this.contentCrc = await this.adapter.compact(this.doc, { journalAside: this.journalAside });
      this.journalAside = undefined;
      this.journalDirty = false;
      await unsealLooseFiles(this.fs, this.dataDir, this.backupDir, cipher);
      await this.fs.unlink(this.keyfilePath);
      await this.fs.fsyncDir(this.dataDir);
      this.keysOnDisk = null;
      this.cipher = null;
      cipher.forget();
    }
  }

  /** Turns a file-system failure into a plain, typed error the view can show with "retry". */
  private toFieldmarkError(error: unknown, subject: string): FieldmarkError {
    if (error instanceof FieldmarkError) return error;
    if (error instanceof BackupNotVerified) {
      return new FieldmarkError('NOT_SAVED', `${subject} because it could not be verified after writing (${error.reason}). Try again.`);
    }
    const code = errnoCode(error) ?? 'unknown';
    if (DISK_FULL_CODES.has(code)) return new FieldmarkError('DISK_FULL', `${subject} because the disk is full. Free some space, then try again.`);
    if (READ_ONLY_CODES.has(code)) {
      return new FieldmarkError(
        'READ_ONLY',
        `${subject} because Fieldmark cannot write to its data folder (${this.dataDir}: ${code}). Make the folder writable, then try again.`,
      );
    }
    return new FieldmarkError('NOT_SAVED', `${subject} because the disk reported an error (${code}). Try again; if it keeps happening, check the disk.`);
  }
}
