/**
 * I/O errors (issue 6, item 4): fail the Nth file-system call with EIO, ENOSPC,
 * EPERM, EACCES or EBUSY, for every N of a save, of a compaction, of a backup and
 * of a load. The caller gets a typed error (or the operation survives by
 * retrying), the in-memory document is unchanged by a failed save, a retry
 * succeeds, the previous file is intact, and after a power cut right after it all
 * (only synced data kept) every acknowledged change is still there.
 * All of it runs on a plain store and on a protected (encrypted) one (issue 16).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_FILE } from '../../main/core/store/journal-adapter';
import { decodeSnapshot, encodeSnapshot } from '../../main/core/store/snapshot-codec';
import { decodeBackup } from '../../main/core/store/backup-rotation';
import type { StoreCipher } from '../../main/core/store/crypto/store-cipher';
import type { OpenedStore } from '../../main/core/store/store';
import { openStoreAs, STORE_KINDS, testCipher, type StoreKind } from '../support/protected-store';
import type { StoreDoc } from '../../main/core/store/store-schema';
import { FieldmarkError } from '../../preload/rpc';
import { FaultFs, IO_ERROR_CODES } from '../support/fault-fs';
import { MemoryFs } from '../support/memory-fs';
import { recordCounts } from '../support/reliability-counts';
import { docWith, makeAnnotation, put } from '../support/store-fixtures';

const DATA = '/data';
const EXPECTED_CODE: Record<string, string> = { EIO: 'NOT_SAVED', EBUSY: 'NOT_SAVED', ENOSPC: 'DISK_FULL', EPERM: 'READ_ONLY', EACCES: 'READ_ONLY' };

let clock = Date.UTC(2026, 0, 1);
const now = () => new Date((clock += 1000));
let pid = 1000;
/** The kind of store the running describe block tests, and the cipher to read its files directly. */
let kind: StoreKind = 'plain';
let cipher: StoreCipher | null = null;

/** One fault case: what went wrong, and what it checked. */
interface Case {
  label: string;
  problems: string[];
  /** Acknowledged annotations found missing (each once, however often it was looked for). */
  lost: Set<string>;
  /** Annotations the case itself saved and had acknowledged (not the ones the base disk brought). */
  acked: Set<string>;
  typedErrors: number;
}

/** Figures of the cases that passed every check, and the losses of all of them. */
const freshTally = () => ({ syscallFaults: 0, typedErrors: 0, acked: 0, lost: 0, problems: [] as string[], testsPassed: 0 });
const tally = freshTally();

const newCase = (label: string): Case => ({ label, problems: [], lost: new Set(), acked: new Set(), typedErrors: 0 });

/** A disk with a closed store of 4 annotations plus 2 more in an unfinished journal. */
async function baseDisk(): Promise<{ disk: MemoryFs; ids: string[] }> {
  const disk = new MemoryFs();
  disk.seedFile(`${DATA}/${SNAPSHOT_FILE}`, encodeSnapshot(docWith(4)).bytes);
  const store = await openStoreAs(kind, { dataDir: DATA, fs: disk, now, lockOwner: { pid: pid++, isAlive: () => false } });
  await store.apply([put(makeAnnotation(50))]);
  await store.apply([put(makeAnnotation(51))]);
  await store.idle();
  const ids = store.doc.annotations.map((a) => a.id);
  return { disk: disk.afterCrash('drop'), ids };
}

async function openOn(fs: FaultFs | MemoryFs): Promise<OpenedStore> {
  const store = await openStoreAs(kind, { dataDir: DATA, fs, now, lockOwner: { pid: pid++, isAlive: () => false } });
  await store.idle();
  return store;
}

/** After the fault: the snapshot still validates, and a power cut now keeps everything on the disk before (`base`) and every acknowledged change. */
async function checkDisk(c: Case, memory: MemoryFs, base: Iterable<string>, when = ''): Promise<void> {
  const label = `${c.label}${when}`;
  const snapshot = memory.peek(`${DATA}/${SNAPSHOT_FILE}`);
  try {
    if (!snapshot) throw new Error('missing');
    decodeSnapshot(snapshot, { cipher });
  } catch (error) {
    c.problems.push(`${label}: previous file not intact (${String(error)})`);
  }
  const store = await openOn(memory.afterCrash('drop'));
  const present = new Set(store.doc.annotations.map((a) => a.id));
  for (const id of [...base, ...c.acked]) {
    if (present.has(id)) continue;
    c.lost.add(id);
    c.problems.push(`${label}: acknowledged ${id} lost`);
  }
  if (store.status.notices.length > 0) c.problems.push(`${label}: notices ${store.status.notices.join(' | ')}`);
  await store.close();
}

function typedFailure(c: Case, error: unknown, errno: string): void {
  if (!(error instanceof FieldmarkError)) return void c.problems.push(`${c.label}: untyped error ${String(error)}`);
  c.typedErrors++;
  if (error.code !== EXPECTED_CODE[errno]) c.problems.push(`${c.label}: ${errno} became ${error.code}`);
}

/** Losses count always; the case's other figures only if it passed every check. */
function settle(c: Case, injected: number): void {
  tally.lost += c.lost.size;
  tally.problems.push(...c.problems);
  if (c.problems.length > 0) return;
  tally.syscallFaults += injected;
  tally.typedErrors += c.typedErrors;
  tally.acked += c.acked.size;
}

/** Counts the calls an action makes on a fresh copy of the base disk. */
async function countCalls(action: (store: OpenedStore, fs: FaultFs) => Promise<unknown>): Promise<number> {
  const { disk } = await baseDisk();
  const fs = new FaultFs(disk);
  const store = await openOn(fs);
  fs.startCounting();
  await action(store, fs);
  return fs.count;
}

describe.each(STORE_KINDS)('I/O errors at every call (%s store)', (storeKind) => {
  beforeAll(async () => {
    kind = storeKind;
    cipher = await testCipher(storeKind);
    Object.assign(tally, freshTally());
  });

  it('a save: typed error, document unchanged, retry saves, nothing acknowledged lost', async () => {
    // Two saves in a row, so that both the first append (which opens the journal) and a later one are covered.
    const saveTwice = async (store: OpenedStore) => {
      await store.apply([put(makeAnnotation(60))]);
      await store.apply([put(makeAnnotation(61))]);
    };
    const calls = await countCalls(saveTwice);
    expect(calls).toBeGreaterThanOrEqual(6);
    for (const errno of IO_ERROR_CODES) {
      for (let n = 1; n <= calls; n++) {
        const c = newCase(`save, call ${n} fails with ${errno}`);
        const { disk, ids } = await baseDisk();
        const fs = new FaultFs(disk);
        const store = await openOn(fs);
        fs.arm(n, errno, { partialWrites: true });
        for (const a of [makeAnnotation(60), makeAnnotation(61)]) {
          const before: StoreDoc = structuredClone(store.doc);
          try {
            await store.apply([put(a)]);
          } catch (error) {
            typedFailure(c, error, errno);
            if (JSON.stringify(store.doc) !== JSON.stringify(before)) c.problems.push(`${c.label}: document changed by a failed save`);
            fs.clearRules();
            await store.apply([put(a)]);
          }
          c.acked.add(a.id);
        }
        await checkDisk(c, disk, ids);
        await store.close();
        await checkDisk(c, disk, ids, ', after close');
        settle(c, fs.injected);
      }
    }
    expect(tally.problems).toEqual([]);
    tally.testsPassed++;
  }, 600_000);

  it('a compaction at close: close still succeeds and nothing acknowledged is lost', async () => {
    const calls = await countCalls((store) => store.close());
    for (const errno of IO_ERROR_CODES) {
      for (let n = 1; n <= calls; n++) {
        const c = newCase(`compaction at close, call ${n} fails with ${errno}`);
        const { disk, ids } = await baseDisk();
        const fs = new FaultFs(disk);
        const store = await openOn(fs);
        fs.arm(n, errno, { partialWrites: true });
        await store.close().catch((error: unknown) => c.problems.push(`${c.label}: close threw ${String(error)}`));
        await checkDisk(c, disk, ids);
        settle(c, fs.injected);
      }
    }
    expect(tally.problems).toEqual([]);
    tally.testsPassed++;
  }, 600_000);

  it('a save that must compact first (after an earlier failure): typed error, retry saves', async () => {
    const failThenSave = async (store: OpenedStore, fs: FaultFs) => {
      fs.arm(1, 'EIO');
      await store.apply([put(makeAnnotation(70))]).catch(() => undefined);
      fs.startCounting();
      await store.apply([put(makeAnnotation(71))]);
    };
    const { disk: probeDisk } = await baseDisk();
    const probe = new FaultFs(probeDisk);
    await failThenSave(await openOn(probe), probe);
    const calls = probe.count;
    expect(calls).toBeGreaterThan(8);
    for (const errno of IO_ERROR_CODES) {
      for (let n = 1; n <= calls; n++) {
        const c = newCase(`compact-then-save, call ${n} fails with ${errno}`);
        const { disk, ids } = await baseDisk();
        const fs = new FaultFs(disk);
        const store = await openOn(fs);
        fs.arm(1, 'EIO');
        await store.apply([put(makeAnnotation(70))]).catch(() => undefined);
        const injectedBefore = fs.injected;
        fs.arm(n, errno, { partialWrites: true });
        const a = makeAnnotation(71);
        const before = JSON.stringify(store.doc);
        try {
          await store.apply([put(a)]);
        } catch (error) {
          typedFailure(c, error, errno);
          if (JSON.stringify(store.doc) !== before) c.problems.push(`${c.label}: document changed by a failed save`);
          fs.clearRules();
          await store.apply([put(a)]);
        }
        c.acked.add(a.id);
        await checkDisk(c, disk, ids);
        await store.close();
        // The EIO armed above to force the compaction is part of the set-up, not of this case.
        settle(c, fs.injected - injectedBefore);
      }
    }
    expect(tally.problems).toEqual([]);
    tally.testsPassed++;
  }, 600_000);

  it('a backup: typed error or success, previous backups and the store intact', async () => {
    const calls = await countCalls((store) => store.backupNow('io-test'));
    for (const errno of IO_ERROR_CODES) {
      for (let n = 1; n <= calls; n++) {
        const c = newCase(`backup, call ${n} fails with ${errno}`);
        const { disk, ids } = await baseDisk();
        const fs = new FaultFs(disk);
        const store = await openOn(fs);
        const backupsBefore = disk.list(`${DATA}/backups`).filter((name) => name.endsWith('.json'));
        fs.arm(n, errno, { partialWrites: true });
        await store.backupNow('io-test').catch((error: unknown) => typedFailure(c, error, errno));
        for (const name of backupsBefore) {
          const bytes = disk.peek(`${DATA}/backups/${name}`);
          if (!bytes) c.problems.push(`${c.label}: backup ${name} disappeared`);
          else decodeBackup(bytes, undefined, cipher);
        }
        fs.clearRules();
        await store.backupNow('retry');
        await store.close();
        await checkDisk(c, disk, ids);
        settle(c, fs.injected);
      }
    }
    expect(tally.problems).toEqual([]);
    tally.testsPassed++;
  }, 600_000);

  it('a load: opens with everything (retrying), or read-only with a notice, or refuses with a typed error — and never moves a good file aside', async () => {
    const { disk: probeDisk } = await baseDisk();
    const probe = new FaultFs(probeDisk);
    probe.startCounting();
    await (await openOn(probe)).close();
    const calls = probe.count;
    expect(calls).toBeGreaterThan(10);
    let opened = 0;
    let readOnly = 0;
    let refused = 0;
    for (const errno of IO_ERROR_CODES) {
      for (let n = 1; n <= calls; n++) {
        for (const persistent of [false, true]) {
          const c = newCase(`load, ${persistent ? `every call from ${n} on fails` : `call ${n} fails`} with ${errno}`);
          const { label, problems } = c;
          const { disk, ids } = await baseDisk();
          const fs = new FaultFs(disk);
          if (persistent) fs.failAll(errno, () => fs.count >= n);
          else fs.arm(n, errno);
          try {
            const store = await openStoreAs(kind, { dataDir: DATA, fs, now, lockOwner: { pid: pid++, isAlive: () => false } });
            await store.idle();
            const present = new Set(store.doc.annotations.map((a) => a.id));
            if (store.status.readOnly) {
              readOnly++;
              if (store.status.notices.length === 0) problems.push(`${label}: read-only without a notice`);
            } else {
              opened++;
              for (const id of ids) if (!present.has(id)) problems.push(`${label}: ${id} missing after open`);
            }
            await store.close();
          } catch (error) {
            refused++;
            if (!(error instanceof FieldmarkError)) problems.push(`${label}: untyped error ${String(error)}`);
          }
          if (disk.list(DATA).some((name) => name.includes('.corrupt-') || name.includes('.unreadable-'))) {
            problems.push(`${label}: a good file was moved aside`);
          }
          fs.clearRules();
          await checkDisk(c, disk, ids);
          settle(c, fs.injected);
        }
      }
    }
    expect(tally.problems).toEqual([]);
    expect(opened).toBeGreaterThan(0);
    expect(readOnly + refused).toBeGreaterThan(0);
    tally.testsPassed++;
  }, 600_000);

  it('records its figures', () => {
    const suite = `I/O errors (EIO, ENOSPC, EPERM, EACCES, EBUSY at every call)${storeKind === 'encrypted' ? ', encrypted store' : ''}`;
    recordCounts(suite, { acknowledgedLost: tally.lost });
    expect(tally.testsPassed).toBe(5);
    expect(tally.syscallFaults).toBeGreaterThan(300);
    expect(tally.acked).toBeGreaterThan(0);
    recordCounts(suite, { syscallFaults: tally.syscallFaults, acknowledgedWrites: tally.acked, typedErrors: tally.typedErrors });
  });
});
