import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempPathFor } from '../../../../main/core/store/durable-write';
import { nodeFs } from '../../../../main/core/store/fs-layer';
import { JOURNAL_FILE, SNAPSHOT_FILE } from '../../../../main/core/store/journal-adapter';
import { decodeSnapshot, encodeSnapshot } from '../../../../main/core/store/snapshot-codec';
import { openStore, type OpenedStore, type OpenStoreOptions } from '../../../../main/core/store/store';
import { BACKUP_DIR, listBackups } from '../../../../main/core/store/backup-rotation';
import { LOCK_FILE } from '../../../../main/core/store/store-lock';
import type { Migration } from '../../../../main/core/store/store-migrations';
import { emptyDoc, STORE_VERSION, type StoreDoc } from '../../../../main/core/store/store-schema';
import { FieldmarkError } from '../../../../preload/rpc';
import { startChildStore } from '../../../support/child-store';
import { FaultFs } from '../../../support/fault-fs';
import { MemoryFs } from '../../../support/memory-fs';
import { docWith, makeAnnotation, put, tempDir } from '../../../support/store-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function folder(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return dir;
}

async function open(options: OpenStoreOptions): Promise<OpenedStore> {
  const store = await openStore(options);
  cleanups.push(() => store.close());
  return store;
}

/** A clock that ticks one second per call, so backup names differ. */
function ticking(start = Date.UTC(2026, 0, 1)): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

const ids = (doc: StoreDoc) => doc.annotations.map((a) => a.id);

describe('opening and saving', () => {
  it('creates a new store with a snapshot, an empty journal and no notices', async () => {
    const dir = await folder();
    const store = await open({ dataDir: dir });
    expect(store.doc).toEqual(emptyDoc());
    expect(store.status).toEqual({ dataDir: dir, readOnly: false, notices: [] });
    const snapshot = decodeSnapshot(await readFile(path.join(dir, SNAPSHOT_FILE)));
    expect(snapshot.doc).toEqual(emptyDoc());
    expect((await stat(path.join(dir, JOURNAL_FILE))).size).toBe(0);
  });

  it('keeps applied changes across a reopen', async () => {
    const dir = await folder();
    const store = await openStore({ dataDir: dir });
    const a = makeAnnotation(1);
    await store.apply([put(a)]);
    await store.apply([put({ ...a, note: 'second thoughts' }), put(makeAnnotation(2))]);
    await store.apply([{ op: 'putSettings', value: { ...store.doc.settings, theme: 'sepia' } }]);
    await store.close();
    const again = await open({ dataDir: dir });
    expect(again.doc.annotations.map((x) => x.note)).toEqual(['second thoughts', 'note 2']);
    expect(again.doc.settings.theme).toBe('sepia');
  });

  it('replays the journal when the last session ended without closing', async () => {
    const memory = new MemoryFs();
    const first = await openStore({ dataDir: '/data', fs: memory, lockOwner: { pid: 101, isAlive: () => false } });
    await first.apply([put(makeAnnotation(1))]);
    await first.idle();
    const store = await open({ dataDir: '/data', fs: memory.afterCrash('drop'), lockOwner: { pid: 102, isAlive: () => false } });
    expect(store.doc.annotations).toHaveLength(1);
    expect(store.status.notices).toEqual([]);
  });

  it('resolves apply() only once the change would survive a power cut', async () => {
    const memory = new MemoryFs();
    const store = await openStore({ dataDir: '/data', fs: memory, lockOwner: { pid: 101, isAlive: () => false } });
    const a = makeAnnotation(1);
    await store.apply([put(a)]);
    const reopened = await open({ dataDir: '/data', fs: memory.afterCrash('drop'), lockOwner: { pid: 102, isAlive: () => false } });
    expect(ids(reopened.doc)).toEqual([a.id]);
  });

  it('keeps all of 200 concurrent changes, grouped into far fewer disk syncs', async () => {
    const memory = new MemoryFs();
    const store = await openStore({ dataDir: '/data', fs: memory, lockOwner: { pid: 101, isAlive: () => false } });
    await store.idle();
    const syncsBefore = memory.calls.filter((c) => c.op === 'fsync').length;
    const batch = Array.from({ length: 200 }, (_, i) => makeAnnotation(i));
    await Promise.all(batch.map((a) => store.apply([put(a)])));
    const syncs = memory.calls.filter((c) => c.op === 'fsync').length - syncsBefore;
    expect(syncs).toBeLessThan(10);
    expect(ids(store.doc)).toEqual(batch.map((a) => a.id));
    const reopened = await open({ dataDir: '/data', fs: memory.afterCrash('drop'), lockOwner: { pid: 102, isAlive: () => false } });
    expect(new Set(ids(reopened.doc))).toEqual(new Set(batch.map((a) => a.id)));
  });

  it('keeps 200 concurrent changes on the real disk after a reopen', async () => {
    const dir = await folder();
    const store = await openStore({ dataDir: dir });
    const batch = Array.from({ length: 200 }, (_, i) => makeAnnotation(i));
    await Promise.all(batch.map((a) => store.apply([put(a)])));
    await store.close();
    const again = await open({ dataDir: dir });
    expect(new Set(ids(again.doc))).toEqual(new Set(batch.map((a) => a.id)));
  });

  it('refuses an invalid op with INVALID_INPUT and changes nothing', async () => {
    const store = await open({ dataDir: await folder() });
    const bad = { op: 'putAnnotation', value: { ...makeAnnotation(1), color: 'purple' } };
    await expect(store.apply([bad as never])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(store.doc.annotations).toEqual([]);
  });

  it('stores its own copy of the values it is given', async () => {
    const store = await open({ dataDir: await folder() });
    const a = makeAnnotation(1);
    await store.apply([put(a)]);
    a.note = 'changed afterwards';
    expect(store.doc.annotations[0]!.note).toBe('note 1');
  });

  it('replaces the whole document with a replace op and indexes the new annotations', async () => {
    const dir = await folder();
    const store = await openStore({ dataDir: dir });
    await store.apply([put(makeAnnotation(1))]);
    const replacement = docWith(3);
    await store.apply([{ op: 'replace', value: replacement }]);
    const edited = { ...replacement.annotations[1]!, note: 'edited after replace' };
    await store.apply([put(edited)]);
    expect(store.doc.annotations.map((a) => a.note)).toEqual(['note 0', 'edited after replace', 'note 2']);
    await store.close();
    expect((await open({ dataDir: dir })).doc.annotations.map((a) => a.note)).toEqual(['note 0', 'edited after replace', 'note 2']);
  });

  it('folds the journal into the snapshot once it passes the threshold, and on close', async () => {
    const dir = await folder();
    const store = await openStore({ dataDir: dir, compactAfterBytes: 4096 });
    for (let i = 0; i < 12; i++) await store.apply([put(makeAnnotation(i))]);
    const journalSize = (await stat(path.join(dir, JOURNAL_FILE))).size;
    expect(journalSize).toBeLessThanOrEqual(4096 + 1024);
    const mid = decodeSnapshot(await readFile(path.join(dir, SNAPSHOT_FILE)));
    expect(mid.doc.annotations.length).toBeGreaterThan(0);
    await store.close();
    expect((await stat(path.join(dir, JOURNAL_FILE))).size).toBe(0);
    expect(decodeSnapshot(await readFile(path.join(dir, SNAPSHOT_FILE))).doc.annotations).toHaveLength(12);
  });

  it('refuses changes after close() has begun', async () => {
    const store = await openStore({ dataDir: await folder() });
    const closing = store.close();
    await expect(store.apply([put(makeAnnotation(1))])).rejects.toMatchObject({ code: 'NOT_SAVED' });
    await closing;
  });

  it('finishes changes queued before close() and keeps them', async () => {
    const dir = await folder();
    const store = await openStore({ dataDir: dir });
    const pending = [store.apply([put(makeAnnotation(1))]), store.apply([put(makeAnnotation(2))])];
    await store.close();
    await Promise.all(pending);
    expect((await open({ dataDir: dir })).doc.annotations).toHaveLength(2);
  });
});

describe('when a save fails', () => {
  const cases = [
    ['ENOSPC', 'DISK_FULL', /disk is full/],
    ['EROFS', 'READ_ONLY', /cannot write to its data folder/],
    ['EACCES', 'READ_ONLY', /cannot write to its data folder/],
    ['EPERM', 'READ_ONLY', /cannot write to its data folder/],
    ['EIO', 'NOT_SAVED', /disk reported an error \(EIO\)/],
    ['EBUSY', 'NOT_SAVED', /disk reported an error \(EBUSY\)/],
  ] as const;

  it.each(cases)('maps %s to %s with a plain message, leaves the document unchanged, and a retry saves', async (errno, code, message) => {
    const memory = new MemoryFs();
    const fs = new FaultFs(memory);
    const store = await openStore({ dataDir: '/data', fs, lockOwner: { pid: 101, isAlive: () => false } });
    await store.apply([put(makeAnnotation(0))]);
    await store.idle();
    const before = structuredClone(store.doc);
    fs.failAll(errno, (op) => op === 'write' || op === 'fsync');
    const a = makeAnnotation(1);
    const failure = await store.apply([put(a)]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FieldmarkError);
    expect(failure).toMatchObject({ code, message: expect.stringMatching(message) });
    expect((failure as Error).message).toMatch(/^Your change was not saved because/);
    expect(store.doc).toEqual(before);
    fs.clearRules();
    await store.apply([put(a)]);
    expect(ids(store.doc)).toEqual([before.annotations[0]!.id, a.id]);
    const reopened = await open({ dataDir: '/data', fs: memory.afterCrash('drop'), lockOwner: { pid: 102, isAlive: () => false } });
    expect(ids(reopened.doc)).toEqual([before.annotations[0]!.id, a.id]);
    expect(reopened.status.notices).toEqual([]);
  });

  it('rejects every change of a failed group and none of the next group', async () => {
    const memory = new MemoryFs();
    const fs = new FaultFs(memory);
    const store = await open({ dataDir: '/data', fs, lockOwner: { pid: 101, isAlive: () => false } });
    await store.idle();
    fs.arm(1, 'EIO');
    const group = await Promise.allSettled([store.apply([put(makeAnnotation(1))]), store.apply([put(makeAnnotation(2))])]);
    expect(group.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const next = await Promise.allSettled([store.apply([put(makeAnnotation(3))]), store.apply([put(makeAnnotation(4))])]);
    expect(next.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(store.doc.annotations.map((a) => a.note)).toEqual(['note 3', 'note 4']);
  });

  it('clears a half-written journal line before the next save, so no damage is reported later', async () => {
    const memory = new MemoryFs();
    const fs = new FaultFs(memory);
    const store = await openStore({ dataDir: '/data', fs, lockOwner: { pid: 101, isAlive: () => false } });
    await store.idle();
    fs.arm(1, 'ENOSPC', { partialWrites: true });
    await expect(store.apply([put(makeAnnotation(1))])).rejects.toMatchObject({ code: 'DISK_FULL' });
    await store.apply([put(makeAnnotation(2))]);
    const reopened = await open({ dataDir: '/data', fs: memory.afterCrash('drop'), lockOwner: { pid: 102, isAlive: () => false } });
    expect(reopened.doc.annotations.map((a) => a.note)).toEqual(['note 2']);
    expect(reopened.status.notices).toEqual([]);
  });
});

describe('stale temp files', () => {
  it('removes temp files left by a crash, in the data folder and the backups folder', async () => {
    const dir = await folder();
    await (await openStore({ dataDir: dir })).close();
    const staleMain = tempPathFor(path.join(dir, SNAPSHOT_FILE));
    const staleBackup = tempPathFor(path.join(dir, BACKUP_DIR, 'fieldmark-x.json'));
    await writeFile(staleMain, '{"half":');
    await writeFile(staleBackup, '');
    await writeFile(path.join(dir, 'my-notes.txt'), 'not ours');
    await open({ dataDir: dir });
    const names = await readdir(dir);
    expect(names).not.toContain(path.basename(staleMain));
    expect(names).toContain('my-notes.txt');
    expect(await readdir(path.join(dir, BACKUP_DIR))).not.toContain(path.basename(staleBackup));
  });
});

describe('backups', () => {
  it('writes one verified backup per launch when the document changed, and none when it did not', async () => {
    const dir = await folder();
    const now = ticking();
    const first = await openStore({ dataDir: dir, now });
    await first.idle();
    expect(await listBackups(nodeFs, path.join(dir, BACKUP_DIR))).toHaveLength(1);
    await first.apply([put(makeAnnotation(1))]);
    await first.close();

    const second = await openStore({ dataDir: dir, now });
    await second.idle();
    const afterChange = await listBackups(nodeFs, path.join(dir, BACKUP_DIR));
    expect(afterChange).toHaveLength(2);
    const newestBytes = await readFile(path.join(dir, BACKUP_DIR, afterChange[0]!.name));
    expect(decodeSnapshot(newestBytes).doc.annotations).toHaveLength(1);
    expect(newestBytes.equals(await readFile(path.join(dir, SNAPSHOT_FILE)))).toBe(true);
    await second.close();

    const third = await open({ dataDir: dir, now });
    await third.idle();
    expect(await listBackups(nodeFs, path.join(dir, BACKUP_DIR))).toHaveLength(2);
  });

  it('keeps the ten newest backups and never deletes other files in the folder', async () => {
    const dir = await folder();
    const now = ticking();
    const store = await open({ dataDir: dir, now });
    await store.idle();
    await writeFile(path.join(dir, BACKUP_DIR, 'keep-me.json'), '{}');
    const names: string[] = [];
    for (let i = 0; i < 14; i++) {
      await store.apply([put(makeAnnotation(i))]);
      names.push(await store.backupNow('manual test'));
    }
    const left = await readdir(path.join(dir, BACKUP_DIR));
    expect(left).toContain('keep-me.json');
    const backups = await listBackups(nodeFs, path.join(dir, BACKUP_DIR));
    expect(backups.map((b) => b.name)).toEqual(names.slice(-10).reverse());
  });

  it('honours backupsToKeep', async () => {
    const dir = await folder();
    const store = await open({ dataDir: dir, now: ticking(), backupsToKeep: 3 });
    for (let i = 0; i < 5; i++) await store.backupNow(`b${i}`);
    expect(await listBackups(nodeFs, path.join(dir, BACKUP_DIR))).toHaveLength(3);
  });

  it('returns the file name of an on-demand backup that holds the current state', async () => {
    const dir = await folder();
    const store = await open({ dataDir: dir, now: ticking() });
    await store.apply([put(makeAnnotation(7))]);
    const name = await store.backupNow('Before restore!');
    expect(name).toMatch(/^fieldmark-\d{8}T\d{9}Z-before-restore-[0-9a-f]{8}\.json$/);
    const saved = decodeSnapshot(await readFile(path.join(dir, BACKUP_DIR, name)));
    expect(saved.doc).toEqual(store.doc);
  });

  it('gives distinct, ordered names to backups made in the same millisecond', async () => {
    const dir = await folder();
    const fixed = new Date(Date.UTC(2026, 0, 1));
    const store = await open({ dataDir: dir, now: () => fixed });
    const a = await store.backupNow('one');
    const b = await store.backupNow('two');
    expect(a).not.toBe(b);
    expect((await listBackups(nodeFs, path.join(dir, BACKUP_DIR)))[0]!.name).toBe(b);
  });

  it('reports a backup that cannot be written with a typed error and keeps working', async () => {
    const memory = new MemoryFs();
    const fs = new FaultFs(memory);
    const store = await open({ dataDir: '/data', fs, lockOwner: { pid: 101, isAlive: () => false } });
    await store.idle();
    fs.failAll('ENOSPC', (op, file) => op === 'write' && file.includes('/backups/'));
    await expect(store.backupNow('full')).rejects.toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/^The backup was not written because the disk is full/) });
    await store.apply([put(makeAnnotation(1))]);
    expect(store.doc.annotations).toHaveLength(1);
  });

  it('notes a launch backup that could not be written', async () => {
    const memory = new MemoryFs();
    const fs = new FaultFs(memory);
    fs.failAll('ENOSPC', (op, file) => op === 'write' && file.includes('/backups/'));
    const store = await open({ dataDir: '/data', fs, lockOwner: { pid: 101, isAlive: () => false } });
    await store.idle();
    expect(store.status.notices).toEqual([expect.stringMatching(/launch’s backup was not written because the disk is full/)]);
  });
});

describe('the data-folder lock', () => {
  it('refuses a second store on the same folder in the same process, naming the holder', async () => {
    const dir = await folder();
    await open({ dataDir: dir });
    const failure = await openStore({ dataDir: dir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FieldmarkError);
    expect(failure).toMatchObject({
      code: 'CONFLICT',
      message: `Fieldmark is already open with this data folder (process ${process.pid}). Close it first, or start with a different --data-dir.`,
    });
  });

  it('refuses while another process holds the folder, and opens once it has closed', async () => {
    const dir = await folder();
    const holder = await startChildStore(dir);
    expect(holder.firstLine).toBe('ready');
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`process ${holder.pid}`) });
    await holder.stop();
    expect((await open({ dataDir: dir })).status.readOnly).toBe(false);
  });

  it('refuses a lock held from another machine, even if that pid is not running here', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 999_999, host: 'field-laptop-2', startedAt: '2026-01-01T00:00:00.000Z' }));
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Fieldmark is already open with this data folder (process 999999 on field-laptop-2). Close it first, or start with a different --data-dir.',
    });
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toContain('field-laptop-2');
  });

  it('takes over a lock left by a process that is no longer running on this machine', async () => {
    const dir = await folder();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: dead.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
    const store = await open({ dataDir: dir });
    expect(store.status.readOnly).toBe(false);
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
  });

  it('releases the lock on close', async () => {
    const dir = await folder();
    const store = await openStore({ dataDir: dir });
    expect(await readdir(dir)).toContain(LOCK_FILE);
    await store.close();
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
    await open({ dataDir: dir });
  });
});

describe('a read-only data folder', () => {
  it.each(['EROFS', 'EACCES', 'EPERM'])('opens read-only with a notice when the folder refuses writes (%s), and refuses changes', async (code) => {
    const memory = new MemoryFs();
    const seed = await openStore({ dataDir: '/data', fs: memory, lockOwner: { pid: 101, isAlive: () => false } });
    const a = makeAnnotation(1);
    await seed.apply([put(a)]);
    await seed.close();
    const fs = new FaultFs(memory);
    fs.readOnly(code);
    const store = await open({ dataDir: '/data', fs, lockOwner: { pid: 102, isAlive: () => false } });
    expect(ids(store.doc)).toEqual([a.id]);
    expect(store.status.readOnly).toBe(true);
    expect(store.status.notices).toEqual([expect.stringMatching(/cannot write to its data folder \(\/data: \w+\), so your annotations are shown read-only/)]);
    await expect(store.apply([put(makeAnnotation(2))])).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(store.backupNow('x')).rejects.toMatchObject({ code: 'READ_ONLY' });
    expect(fs.log.filter((c) => c.failed).length).toBeGreaterThan(0);
  });

  it('opens read-only with a disk-full notice when not even the lock fits', async () => {
    const memory = new MemoryFs();
    const fs = new FaultFs(memory);
    await memory.mkdir('/data');
    fs.diskFull();
    const store = await open({ dataDir: '/data', fs, lockOwner: { pid: 102, isAlive: () => false } });
    expect(store.status.readOnly).toBe(true);
    expect(store.status.notices).toEqual([expect.stringMatching(/is full, so your annotations are shown read-only/)]);
    await expect(store.apply([put(makeAnnotation(2))])).rejects.toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/disk is full/) });
  });

  it('explains a data folder that cannot be created', async () => {
    const fs = new FaultFs(new MemoryFs());
    fs.failAll('EACCES', (op) => op === 'mkdir');
    await expect(openStore({ dataDir: '/nope/data', fs })).rejects.toMatchObject({
      code: 'READ_ONLY',
      message: 'Fieldmark could not create its data folder /nope/data (EACCES). Check the path, or start with a different --data-dir.',
    });
  });
});

describe('a newer format', () => {
  async function newerFolder(): Promise<{ dir: string; bytes: Buffer }> {
    const dir = await folder();
    const seed = await openStore({ dataDir: dir, now: ticking() });
    await seed.apply([put(makeAnnotation(1))]);
    await seed.backupNow('before-upgrade');
    await seed.close();
    const doc = { ...docWith(2), version: STORE_VERSION + 1, futureField: { x: 1 } };
    const bytes = Buffer.from(JSON.stringify(doc));
    await writeFile(path.join(dir, SNAPSHOT_FILE), bytes);
    return { dir, bytes };
  }

  it('opens read-only with a notice, shows what it can, and leaves the file untouched', async () => {
    const { dir, bytes } = await newerFolder();
    const journalBefore = await readFile(path.join(dir, JOURNAL_FILE));
    const store = await openStore({ dataDir: dir });
    expect(store.status.readOnly).toBe(true);
    expect(store.status.notices).toEqual([
      `Your annotations file was saved by a newer version of Fieldmark (format ${STORE_VERSION + 1}; this version reads format ${STORE_VERSION}). It was left untouched and is shown read-only. Update Fieldmark to make changes.`,
    ]);
    expect(store.doc.annotations.map((a) => a.note)).toEqual(['note 0', 'note 1']);
    await expect(store.apply([put(makeAnnotation(3))])).rejects.toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/newer version of Fieldmark/) });
    await store.close();
    expect(await readFile(path.join(dir, SNAPSHOT_FILE))).toEqual(bytes);
    expect(await readFile(path.join(dir, JOURNAL_FILE))).toEqual(journalBefore);
    expect((await readdir(dir)).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('falls back to the newest backup when the newer document cannot be shown as is', async () => {
    const { dir } = await newerFolder();
    await writeFile(path.join(dir, SNAPSHOT_FILE), JSON.stringify({ version: STORE_VERSION + 2, annotations: 'kept elsewhere' }));
    const store = await open({ dataDir: dir });
    expect(store.status.readOnly).toBe(true);
    expect(store.doc.annotations.map((a) => a.note)).toEqual(['note 1']);
  });

  it('opens read-only when the journal holds changes from a newer version', async () => {
    const dir = await folder();
    const seed = await openStore({ dataDir: dir });
    await seed.apply([put(makeAnnotation(1))]);
    await seed.close();
    const { crc32 } = await import('node:zlib');
    const json = Buffer.from(JSON.stringify({ v: STORE_VERSION + 1, ops: [{ op: 'somethingNew' }] }));
    const line = `J1 ${json.length} ${crc32(json).toString(16).padStart(8, '0')} ${json.toString()}\n`;
    await writeFile(path.join(dir, JOURNAL_FILE), line);
    const store = await open({ dataDir: dir });
    expect(store.status.readOnly).toBe(true);
    expect(store.doc.annotations).toHaveLength(1);
    expect(await readFile(path.join(dir, JOURNAL_FILE), 'utf8')).toBe(line);
  });
});

describe('migrations', () => {
  const OLD = STORE_VERSION - 1;
  const renameColour: Migration = {
    from: OLD,
    to: STORE_VERSION,
    describe: 'annotations.colour became annotations.color',
    up: (doc) => ({
      ...doc,
      annotations: (doc.annotations as Array<Record<string, unknown>>).map(({ colour, ...rest }) => ({ ...rest, color: colour })),
    }),
  };

  it('upgrades an older document in order, keeps the original aside and says so', async () => {
    const dir = await folder();
    const current = docWith(2);
    const old = { ...current, version: OLD, annotations: current.annotations.map(({ color, ...rest }) => ({ ...rest, colour: color })) };
    const oldBytes = Buffer.from(JSON.stringify(old));
    await writeFile(path.join(dir, SNAPSHOT_FILE), oldBytes);
    const store = await openStore({ dataDir: dir, migrations: [renameColour], now: ticking() });
    expect(store.doc).toEqual(current);
    expect(store.status.readOnly).toBe(false);
    expect(store.status.notices).toEqual([
      expect.stringMatching(new RegExp(`^Your annotations file was upgraded from format ${OLD} to format ${STORE_VERSION}\\. The original was kept as fieldmark\\.json\\.format-${OLD}-\\d{8}T\\d{9}Z in your data folder\\.$`)),
    ]);
    const aside = (await readdir(dir)).find((n) => n.startsWith(`fieldmark.json.format-${OLD}-`))!;
    expect(await readFile(path.join(dir, aside))).toEqual(oldBytes);
    await store.close();
    const reopened = await open({ dataDir: dir, migrations: [renameColour] });
    expect(reopened.doc).toEqual(current);
    expect(reopened.status.notices).toEqual([]);
  });

  it('moves aside a document older than any migration', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, SNAPSHOT_FILE), JSON.stringify({ ...docWith(1), version: 0 }));
    const store = await open({ dataDir: dir });
    expect(store.status.notices[0]).toMatch(/its format 0 is older than any this version of Fieldmark can read/);
  });
});

describe('a large store', () => {
  it('saves one more annotation into 10,000 by appending a single journal line', async () => {
    const memory = new MemoryFs();
    memory.seedFile('/data/fieldmark.json', encodeSnapshot(docWith(10_000)).bytes);
    const store = await open({ dataDir: '/data', fs: memory, lockOwner: { pid: 101, isAlive: () => false } });
    await store.idle();
    await store.apply([put(makeAnnotation(10_000))]);
    const before = memory.calls.length;
    await store.apply([put(makeAnnotation(10_001))]);
    const calls = memory.calls.slice(before);
    expect(calls.map((c) => c.op)).toEqual(['write', 'fsync']);
    expect(store.doc.annotations).toHaveLength(10_002);
  });

  it('updates an annotation in a 10,000 store in place, by id', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, SNAPSHOT_FILE), encodeSnapshot(docWith(10_000)).bytes);
    const store = await openStore({ dataDir: dir });
    const target = store.doc.annotations[9_000]!;
    await store.apply([put({ ...target, note: 'found it' })]);
    await store.close();
    const again = await open({ dataDir: dir });
    expect(again.doc.annotations).toHaveLength(10_000);
    expect(again.doc.annotations[9_000]!.note).toBe('found it');
  });
});
