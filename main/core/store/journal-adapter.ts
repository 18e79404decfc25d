/**
 * A lowdb adapter that saves durably without rewriting the whole store on every
 * change: a snapshot file (`fieldmark.json`, plain JSON) plus an append-only
 * journal (`fieldmark.journal`) of op batches. Appending a batch is one write and
 * one fsync, whatever the size of the store; the journal is folded into a new
 * snapshot (compaction) once it grows past a threshold and when the store closes.
 *
 * lowdb's own `JSONFile` adapter never fsyncs, so a power cut can leave an empty
 * file (typicode/lowdb#549, #352, #139); every write here goes through fsync.
 *
 * Journal line format, one batch per line:
 *   `J1 <byte length of json> <crc32 of json, 8 hex> <json>\n`, json = `{"v":1,"ops":[…]}`
 * A crash can only tear the last line; a torn or damaged last line fails its
 * length or checksum and is dropped on load. Lines are idempotent puts, so
 * replaying a journal over a snapshot that already contains it changes nothing.
 *
 * In a protected store (issue 16) each batch is sealed on its own under the name
 * `fieldmark.journal` (crypto/envelope.ts), one line per batch as before:
 *   `E1 <length of base64> <base64 of the sealed unit>\n`
 * A line that fails authentication is damage like a failed checksum. Plain
 * `J1` lines in a protected store are read only while a conversion is being
 * finished (the cipher's `acceptPlain`); otherwise they are damage too.
 *
 * The snapshot's own format (its seal, decoding and validation) is the snapshot
 * codec's (snapshot-codec.ts); this adapter decides where and when it is written.
 */
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { z } from 'zod';
import { crc32Hex } from './crc32-hex';
import { SealBroken } from './crypto/envelope';
import type { StoreCipher } from './crypto/store-cipher';
import { writeFileDurably } from './durable-write';
import { errnoCode, type FsHandle, type FsLayer } from './fs-layer';
import { decodeSnapshot, encodeSnapshot, SnapshotProblem, type DecodedSnapshot } from './snapshot-codec';
import { MIGRATIONS, migrateOps, type Migration } from './store-migrations';
import { applyOps, STORE_VERSION, StoreOp, type StoreDoc } from './store-schema';

export const SNAPSHOT_FILE = 'fieldmark.json';
export const JOURNAL_FILE = 'fieldmark.journal';

/** Compact once the journal is larger than this, or than 1/8 of the snapshot if that is larger. */
const DEFAULT_COMPACT_AFTER_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;
const LINE_HEAD = /^J1 (\d{1,12}) ([0-9a-f]{8}) /;
const SEALED_LINE_HEAD = /^E1 (\d{1,12}) /;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const OpBatch = z.array(StoreOp);

// ---------------------------------------------------------------- journal codec

/** One sealed journal line (a protected store) for one batch of (already validated) ops. */
export function encodeSealedJournalLine(ops: readonly StoreOp[], cipher: StoreCipher): Buffer {
  const json = Buffer.from(JSON.stringify({ v: STORE_VERSION, ops }), 'utf8');
  const sealed = cipher.seal(json, JOURNAL_FILE).toString('base64');
  return Buffer.from(`E1 ${sealed.length} ${sealed}\n`, 'latin1');
}

/** One journal line for one batch of (already validated) ops. */
export function encodeJournalLine(ops: readonly StoreOp[]): Buffer {
  const json = Buffer.from(JSON.stringify({ v: STORE_VERSION, ops }), 'utf8');
  return Buffer.concat([Buffer.from(`J1 ${json.length} ${crc32Hex(json)} `, 'latin1'), json, Buffer.from([NEWLINE])]);
}

export interface JournalScan {
  /** Batches that passed their checks, in order, with their format version. */
  batches: Array<{ v: number; ops: unknown }>;
  /** The end of the file held an incomplete or damaged line (a write cut short by a crash). */
  tornTail: boolean;
  /** Damaged lines followed by good ones: not a torn write but real damage. */
  corruptLines: number;
  bytes: number;
}

/** The JSON of a sealed line, or null when it is torn, damaged or altered. */
function openSealedLine(line: Buffer, cipher: StoreCipher | null): Buffer | null {
  const head = SEALED_LINE_HEAD.exec(line.toString('latin1', 0, Math.min(line.length, 16)));
  if (!head || !cipher) return null;
  const text = line.toString('latin1', head[0].length);
  if (text.length !== Number(head[1]) || !BASE64.test(text)) return null;
  try {
    return cipher.open(Buffer.from(text, 'base64'), JOURNAL_FILE);
  } catch (error) {
    if (error instanceof SealBroken) return null;
    throw error;
  }
}

/** The JSON of a plain line, or null when it is torn or damaged. */
function plainLine(line: Buffer): Buffer | null {
  const head = LINE_HEAD.exec(line.toString('latin1', 0, Math.min(line.length, 28)));
  if (!head) return null;
  const json = line.subarray(head[0].length);
  return json.length === Number(head[1]) && crc32Hex(json) === head[2] ? json : null;
}

function decodeLine(line: Buffer, cipher: StoreCipher | null): { v: number; ops: unknown } | null {
  const json = line[0] === 0x45 /* E */ ? openSealedLine(line, cipher) : cipher && !cipher.acceptPlain ? null : plainLine(line);
  if (!json) return null;
  try {
    const value = JSON.parse(json.toString('utf8')) as { v?: unknown; ops?: unknown };
    if (typeof value !== 'object' || value === null || typeof value.v !== 'number' || !Number.isInteger(value.v)) return null;
    return { v: value.v, ops: value.ops };
  } catch {
    return null;
  }
}

/** Splits journal bytes into checked batches, separating a torn tail from damage in the middle. */
export function scanJournal(bytes: Buffer, cipher: StoreCipher | null = null): JournalScan {
  const batches: JournalScan['batches'] = [];
  let badSinceLastGood = 0;
  let corruptLines = 0;
  let tornTail = false;
  let pos = 0;
  while (pos < bytes.length) {
    const end = bytes.indexOf(NEWLINE, pos);
    if (end === -1) {
      tornTail = true;
      break;
    }
    const batch = decodeLine(bytes.subarray(pos, end), cipher);
    if (batch) {
      corruptLines += badSinceLastGood;
      badSinceLastGood = 0;
      batches.push(batch);
    } else badSinceLastGood++;
    pos = end + 1;
  }
  if (badSinceLastGood > 0) tornTail = true;
  return { batches, tornTail, corruptLines, bytes: bytes.length };
}

export interface ReplayResult {
  doc: StoreDoc;
  applied: number;
  /** Lines whose checksum held but whose ops are not valid for this version. */
  invalid: number;
  /** Set when a batch was written by a newer Fieldmark; replay stops before it. */
  newerVersion: number | null;
}

/** Applies the journal's batches to `doc` (in place) and reports what it skipped. */
export function replayJournal(doc: StoreDoc, scan: JournalScan, migrations: readonly Migration[] = MIGRATIONS): ReplayResult {
  let current = doc;
  let applied = 0;
  let invalid = 0;
  if (scan.batches.length === 0) return { doc, applied, invalid, newerVersion: null };
  const index = new Map<string, number>();
  current.annotations.forEach((a, i) => index.set(a.id, i));
  for (const batch of scan.batches) {
    if (batch.v > STORE_VERSION) return { doc: current, applied, invalid, newerVersion: batch.v };
    // A line of an older format (written before an upgrade) is brought up to date against the document so far.
    const raw = batch.v === STORE_VERSION ? batch.ops : migrateOps(current, batch.v, batch.ops, migrations);
    const ops = raw === null ? null : OpBatch.safeParse(raw);
    if (!ops?.success) {
      invalid++;
      continue;
    }
    current = applyOps(current, ops.data, index);
    applied++;
  }
  return { doc: current, applied, invalid, newerVersion: null };
}

// ---------------------------------------------------------------- the adapter

/** The journal exists but could not be read even after retrying. */
export class JournalUnreadable extends Error {
  constructor(readonly code: string) {
    super(`The journal of recent changes could not be read (${code}).`);
    this.name = 'JournalUnreadable';
  }
}

const READ_ATTEMPTS = 3;

/** Reads a file, retrying transient failures; null when it does not exist. */
async function readWithRetry(fs: FsLayer, file: string): Promise<Buffer | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fs.readFile(file);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      if (attempt >= READ_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
    }
  }
}

export interface JournalAdapterOptions {
  fs: FsLayer;
  dir: string;
  migrations?: readonly Migration[];
  compactAfterBytes?: number;
}

/**
 * A protected journal's lines as plain lines (removing protection from a kept
 * copy); lines that do not open are kept as they are.
 */
export function unsealJournal(bytes: Buffer, cipher: StoreCipher): Buffer {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const end = bytes.indexOf(NEWLINE, pos);
    const line = bytes.subarray(pos, end === -1 ? bytes.length : end);
    const json = line[0] === 0x45 ? openSealedLine(line, cipher) : null;
    out.push(json ? Buffer.concat([Buffer.from(`J1 ${json.length} ${crc32Hex(json)} `, 'latin1'), json]) : line);
    if (end !== -1) out.push(Buffer.from([NEWLINE]));
    pos = end === -1 ? bytes.length : end + 1;
  }
  return Buffer.concat(out);
}

export interface SnapshotLoad extends DecodedSnapshot {
  bytes: number;
}

export class JournalAdapter implements Adapter<StoreDoc> {
  readonly snapshotPath: string;
  readonly journalPath: string;
  /** What the last read() found, for the store's notices and recovery. */
  lastSnapshot: SnapshotLoad | null = null;
  lastJournal: JournalScan | null = null;
  lastReplay: ReplayResult | null = null;
  /** The protected store's cipher while unlocked; null for a plain store. */
  cipher: StoreCipher | null = null;
  private readonly fs: FsLayer;
  private readonly migrations: readonly Migration[];
  private readonly compactAfterBytes: number;
  private handle: FsHandle | null = null;
  private journalBytes = 0;
  private snapshotBytes = 0;

  constructor(options: JournalAdapterOptions) {
    this.fs = options.fs;
    this.migrations = options.migrations ?? MIGRATIONS;
    this.compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
    this.snapshotPath = path.join(options.dir, SNAPSHOT_FILE);
    this.journalPath = path.join(options.dir, JOURNAL_FILE);
  }

  /** lowdb's read: the snapshot with the journal replayed over it; null when there is no snapshot. */
  async read(): Promise<StoreDoc | null> {
    this.lastReplay = null;
    const snapshot = await this.readSnapshot();
    if (!snapshot) return null;
    const journal = await this.readJournal();
    this.lastReplay = replayJournal(snapshot.doc, journal ?? scanJournal(Buffer.alloc(0)), this.migrations);
    return this.lastReplay.doc;
  }

  /** Reads and decodes the snapshot; null if missing; throws SnapshotProblem or NewerVersionError. */
  async readSnapshot(): Promise<SnapshotLoad | null> {
    this.lastSnapshot = null;
    let bytes: Buffer | null;
    try {
      bytes = await readWithRetry(this.fs, this.snapshotPath);
    } catch (error) {
      throw new SnapshotProblem('unreadable', `the disk reported an error: ${errnoCode(error) ?? 'unknown'}`);
    }
    if (!bytes) return null;
    const decoded = decodeSnapshot(bytes, { migrations: this.migrations, cipher: this.cipher });
    this.snapshotBytes = bytes.length;
    this.lastSnapshot = { ...decoded, bytes: bytes.length };
    return this.lastSnapshot;
  }

  /** Reads and scans the journal; null if missing; throws JournalUnreadable. */
  async readJournal(): Promise<JournalScan | null> {
    this.lastJournal = null;
    let bytes: Buffer | null;
    try {
      bytes = await readWithRetry(this.fs, this.journalPath);
    } catch (error) {
      throw new JournalUnreadable(errnoCode(error) ?? 'unknown');
    }
    if (!bytes) return null;
    this.journalBytes = bytes.length;
    this.lastJournal = scanJournal(bytes, this.cipher);
    return this.lastJournal;
  }

  /** lowdb's write = compaction: a durable snapshot of `doc`, then an empty journal. */
  async write(doc: StoreDoc): Promise<void> {
    await this.compact(doc);
  }

  /**
   * Durably writes `doc` as the snapshot, then replaces the journal with an empty
   * one. `journalAside` first renames the old journal to that name (to keep a
   * damaged journal for inspection). A crash between the steps is harmless: the
   * old journal replays idempotently over the new snapshot. Returns the snapshot's crc.
   */
  async compact(doc: StoreDoc, options: { journalAside?: string } = {}): Promise<string> {
    await this.closeJournal();
    const encoded = encodeSnapshot(doc, this.cipher);
    await writeFileDurably(this.fs, this.snapshotPath, encoded.bytes);
    this.snapshotBytes = encoded.bytes.length;
    if (options.journalAside) {
      try {
        await this.fs.rename(this.journalPath, path.join(path.dirname(this.journalPath), options.journalAside));
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error;
      }
    }
    await writeFileDurably(this.fs, this.journalPath, Buffer.alloc(0));
    this.journalBytes = 0;
    return encoded.crc;
  }

  /** Appends one line per batch with one write and one fsync; resolves once durable. */
  async append(batches: ReadonlyArray<readonly StoreOp[]>): Promise<void> {
    const cipher = this.cipher;
    const data = Buffer.concat(batches.map((ops) => (cipher ? encodeSealedJournalLine(ops, cipher) : encodeJournalLine(ops))));
    try {
      if (!this.handle) {
        this.handle = await this.fs.open(this.journalPath, 'a');
        // The journal may have just been created: make its name durable too.
        await this.fs.fsyncDir(path.dirname(this.journalPath));
      }
      await this.fs.write(this.handle, data);
      await this.fs.fsync(this.handle);
    } catch (error) {
      await this.closeJournal();
      throw error;
    }
    this.journalBytes += data.length;
  }

  /** Whether the journal has grown enough that folding it into the snapshot pays. */
  needsCompaction(): boolean {
    return this.journalBytes > Math.max(this.compactAfterBytes, this.snapshotBytes / 8);
  }

  get journalSize(): number {
    return this.journalBytes;
  }

  /** Closes the append handle (reopened on the next append). */
  async closeJournal(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle) await this.fs.close(handle).catch(() => undefined);
  }
}
