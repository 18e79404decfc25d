/**
 * The protected store (issue 16) on a real folder: what is on disk after
 * protecting, locked and unlocked behaviour, turning protection off, a new
 * passphrase, and damage to encrypted files (quarantined, recovered, never accepted).
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseContainer } from '../../../../main/core/store/crypto/container';
import { isSealed } from '../../../../main/core/store/crypto/envelope';
import { parseKeyfile, rewrapPassphrase, unwrapWithPassphrase } from '../../../../main/core/store/crypto/keyfile';
import { openStore, type OpenedStore } from '../../../../main/core/store/store';
import { openStoreAs, testKeys } from '../../../support/protected-store';
import { makeAnnotation, put, tempDir } from '../../../support/store-fixtures';

const cleanups: Array<() => Promise<void>> = [];
const open: OpenedStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function folder(): Promise<string> {
  const { dir, cleanup } = await tempDir('fieldmark-protect-');
  cleanups.push(cleanup);
  return dir;
}

async function track(store: Promise<OpenedStore>): Promise<OpenedStore> {
  const opened = await store;
  open.push(opened);
  return opened;
}

const MARK = 'SECRET-SHELTER-MARKER';

async function allBytes(dir: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push(await readFile(path.join(entry.parentPath, entry.name)));
  }
  return Buffer.concat(parts);
}

describe('protecting a store', () => {
  it('encrypts the snapshot, journal and backups; reopens locked; unlocks with the data key', async () => {
    const dir = await folder();
    const plain = await track(openStore({ dataDir: dir }));
    await plain.apply([put(makeAnnotation(1, { note: `${MARK} one` }))]);
    await plain.backupNow('before');
    const { keys, dataKey } = await testKeys();
    await plain.protect(keys, dataKey);
    expect(plain.protection).toBe('unlocked');
    await plain.apply([put(makeAnnotation(2, { note: `${MARK} two` }))]);
    await plain.backupNow('after');
    await plain.close();

    expect((await allBytes(dir)).includes(MARK)).toBe(false);
    expect(isSealed(await readFile(path.join(dir, 'fieldmark.json')))).toBe(true);
    const journal = (await readFile(path.join(dir, 'fieldmark.journal'), 'latin1')).split('\n').filter(Boolean);
    expect(journal.every((line) => line.startsWith('E1 '))).toBe(true);
    const keyfile = parseKeyfile(await readFile(path.join(dir, 'fieldmark.keys'), 'utf8'))!;
    expect(Object.keys(keyfile).sort()).toEqual(['cipher', 'format', 'kdf', 'passphraseKey', 'recovery', 'version']);
    const backups = await readdir(path.join(dir, 'backups'));
    expect(backups.length).toBeGreaterThanOrEqual(2);
    for (const name of backups) expect(parseContainer(await readFile(path.join(dir, 'backups', name)))).not.toBeNull();

    const locked = await track(openStore({ dataDir: dir }));
    expect(locked.protection).toBe('locked');
    expect(locked.doc.annotations).toEqual([]);
    await expect(locked.apply([put(makeAnnotation(3))])).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(locked.backupNow('x')).rejects.toMatchObject({ code: 'LOCKED' });
    await locked.unlock(dataKey);
    expect(locked.doc.annotations.map((a) => a.note).sort()).toEqual([`${MARK} one`, `${MARK} two`]);
    expect(locked.status.notices).toEqual([]);
  });

  it('lock saves what is pending, forgets the records, refuses writes; unlock brings them back', async () => {
    const dir = await folder();
    const store = await track(openStoreAs('encrypted', { dataDir: dir }));
    const writes = [1, 2, 3].map((n) => store.apply([put(makeAnnotation(n))]));
    await store.lock();
    await Promise.all(writes);
    expect(store.protection).toBe('locked');
    expect(store.doc.annotations).toEqual([]);
    await expect(store.apply([put(makeAnnotation(9))])).rejects.toMatchObject({ code: 'LOCKED' });
    await store.unlock((await testKeys()).dataKey);
    expect(store.doc.annotations).toHaveLength(3);
  });

  it('turning protection off leaves plain files and no keyfile; the store reopens plain', async () => {
    const dir = await folder();
    const store = await track(openStoreAs('encrypted', { dataDir: dir }));
    await store.apply([put(makeAnnotation(1, { note: MARK }))]);
    await store.backupNow('protected');
    await store.unprotect();
    expect(store.protection).toBe('plain');
    await store.apply([put(makeAnnotation(2))]);
    await store.close();
    expect((await readdir(dir)).includes('fieldmark.keys')).toBe(false);
    for (const name of await readdir(path.join(dir, 'backups'))) expect(parseContainer(await readFile(path.join(dir, 'backups', name)))).toBeNull();
    const reopened = await track(openStore({ dataDir: dir }));
    expect(reopened.protection).toBe('plain');
    expect(reopened.doc.annotations).toHaveLength(2);
    expect(reopened.status.notices).toEqual([]);
  });

  it('a new passphrase rewrites only the keyfile; backups keep the keys of their day', async () => {
    const dir = await folder();
    const store = await track(openStoreAs('encrypted', { dataDir: dir }));
    await store.apply([put(makeAnnotation(1))]);
    await store.backupNow('old');
    const snapshotBefore = await readFile(path.join(dir, 'fieldmark.json'));
    const { keys, dataKey } = await testKeys();
    const next = await rewrapPassphrase(keys, dataKey, 'the new passphrase of today');
    await store.rewrap(next);
    expect(await readFile(path.join(dir, 'fieldmark.json'))).toEqual(snapshotBefore);
    const onDisk = parseKeyfile(await readFile(path.join(dir, 'fieldmark.keys'), 'utf8'))!;
    expect((await unwrapWithPassphrase(onDisk, 'the new passphrase of today'))!.equals(dataKey)).toBe(true);
    const old = parseContainer(await readFile(path.join(dir, 'backups', (await readdir(path.join(dir, 'backups'))).find((n) => n.includes('-old-'))!)))!;
    expect(old.keys.kdf.salt).toBe(keys.kdf.salt);
  });
});

describe('damage to encrypted files', () => {
  async function damagedStore(file: (dir: string) => Promise<string>): Promise<{ dir: string; store: OpenedStore }> {
    const dir = await folder();
    const store = await track(openStoreAs('encrypted', { dataDir: dir }));
    await store.apply([put(makeAnnotation(1, { note: 'kept' }))]);
    await store.backupNow('good');
    await store.apply([put(makeAnnotation(2, { note: 'later' }))]);
    await store.close();
    open.splice(open.indexOf(store), 1);
    const target = await file(dir);
    const bytes = await readFile(target);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x10;
    await writeFile(target, bytes);
    return { dir, store: await track(openStoreAs('encrypted', { dataDir: dir })) };
  }

  it('a flipped bit in the snapshot: moved aside, recovered from the newest good backup, with a notice', async () => {
    const { dir, store } = await damagedStore(async (d) => path.join(d, 'fieldmark.json'));
    expect(store.status.notices.join(' ')).toMatch(/authenticity check.*kept as fieldmark\.json\.corrupt-/);
    expect(store.doc.annotations.map((a) => a.note)).toContain('kept');
    expect((await readdir(dir)).some((n) => n.startsWith('fieldmark.json.corrupt-'))).toBe(true);
  });

  it('a flipped bit in a backup: that backup is never used', async () => {
    const { store } = await damagedStore(async (d) => {
      const names = await readdir(path.join(d, 'backups'));
      return path.join(d, 'backups', names.find((n) => n.includes('-good-'))!);
    });
    // The snapshot is intact, so nothing needed the backup.
    expect(store.doc.annotations).toHaveLength(2);
  });

  it('a plain snapshot planted in a protected folder is not accepted', async () => {
    const dir = await folder();
    const store = await track(openStoreAs('encrypted', { dataDir: dir }));
    await store.apply([put(makeAnnotation(1, { note: 'real' }))]);
    await store.close();
    open.splice(open.indexOf(store), 1);
    const plainStore = await readFile(path.join(dir, 'fieldmark.json'));
    expect(isSealed(plainStore)).toBe(true);
    await writeFile(path.join(dir, 'fieldmark.json'), '{"version":3,"settings":{}}');
    const reopened = await track(openStoreAs('encrypted', { dataDir: dir }));
    expect(reopened.status.notices.join(' ')).toMatch(/not encrypted/);
  });
});

describe('a missing or damaged keyfile', () => {
  it('keeps the folder protected with the keys of the newest backup; nothing is moved aside', async () => {
    const dir = await folder();
    const store = await track(openStoreAs('encrypted', { dataDir: dir }));
    await store.apply([put(makeAnnotation(1, { note: 'still here' }))]);
    await store.backupNow('with-keys');
    await store.close();
    open.splice(open.indexOf(store), 1);
    for (const damage of ['missing', 'damaged'] as const) {
      if (damage === 'missing') await rm(path.join(dir, 'fieldmark.keys'));
      else await writeFile(path.join(dir, 'fieldmark.keys'), '{"format":"fieldmark-keys",');
      const reopened = await track(openStore({ dataDir: dir }));
      expect(reopened.protection).toBe('locked');
      expect(reopened.status.notices.join(' ')).toMatch(new RegExp(`fieldmark\\.keys\\) is ${damage}, so Fieldmark uses the keys kept with the backup`));
      await reopened.unlock((await testKeys()).dataKey);
      expect(reopened.doc.annotations.map((a) => a.note)).toEqual(['still here']);
      expect((await readdir(dir)).some((n) => n.includes('.corrupt-'))).toBe(false);
      await reopened.close();
      open.splice(open.indexOf(reopened), 1);
    }
  });
});
