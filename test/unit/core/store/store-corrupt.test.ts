import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFs } from '../../../../main/core/store/fs-layer';
import { encodeJournalLine, JOURNAL_FILE, SNAPSHOT_FILE } from '../../../../main/core/store/journal-adapter';
import { decodeSnapshot } from '../../../../main/core/store/snapshot-codec';
import { openStore, type OpenedStore, type OpenStoreOptions } from '../../../../main/core/store/store';
import { BACKUP_DIR, listBackups, plainDate } from '../../../../main/core/store/backup-rotation';
import type { StoreDoc } from '../../../../main/core/store/store-schema';
import { CORRUPT_VARIANTS } from '../../../support/corrupt-variants';
import { FaultFs } from '../../../support/fault-fs';
import { makeAnnotation, put, tempDir } from '../../../support/store-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const REOPENED_AT = new Date(Date.UTC(2026, 5, 1, 12, 0, 0));
const ASIDE = 'fieldmark.json.corrupt-20260601T120000000Z';

function ticking(start = Date.UTC(2026, 0, 1)): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

async function open(options: OpenStoreOptions): Promise<OpenedStore> {
  const store = await openStore(options);
  cleanups.push(() => store.close());
  return store;
}

interface Prepared {
  dir: string;
  /** The store as the newest backup holds it. */
  backupDoc: StoreDoc;
  backupDate: Date;
  /** The store as last saved (one annotation newer than the backup). */
  savedDoc: StoreDoc;
  valid: Buffer;
}

/** A closed store with three annotations in its newest backup and a fourth saved after it. */
async function prepare(): Promise<Prepared> {
  const { dir, cleanup } = await tempDir('fieldmark-corrupt-');
  cleanups.push(cleanup);
  const store = await openStore({ dataDir: dir, now: ticking() });
  for (let i = 0; i < 3; i++) await store.apply([put(makeAnnotation(i))]);
  const name = await store.backupNow('before-test');
  const backupDoc = structuredClone(store.doc);
  await store.apply([put(makeAnnotation(3))]);
  const savedDoc = structuredClone(store.doc);
  await store.close();
  const backup = (await listBackups(nodeFs, path.join(dir, BACKUP_DIR))).find((b) => b.name === name)!;
  return { dir, backupDoc, backupDate: backup.date, savedDoc, valid: await readFile(path.join(dir, SNAPSHOT_FILE)) };
}

describe('a damaged annotations file', () => {
  for (const variant of CORRUPT_VARIANTS.filter((v) => v.expect === 'aside')) {
    it(`moves ${variant.name} aside untouched and opens the newest good backup, saying so`, async () => {
      const { dir, backupDoc, backupDate, valid } = await prepare();
      const damaged = variant.build(valid);
      await writeFile(path.join(dir, SNAPSHOT_FILE), damaged);
      const store = await open({ dataDir: dir, now: () => REOPENED_AT });
      expect(store.status.readOnly).toBe(false);
      expect(store.status.notices).toHaveLength(1);
      const notice = store.status.notices[0]!;
      expect(notice).toMatch(/^Your annotations file could not be read \(/);
      expect(notice).toMatch(variant.reason!);
      expect(notice).toMatch(new RegExp(`\\. It was kept as ${ASIDE.replace(/\./g, '\\.')} in your data folder and Fieldmark opened the backup from ${plainDate(backupDate)}\\.$`));
      expect(store.doc).toEqual(backupDoc);
      expect((await readFile(path.join(dir, ASIDE))).equals(damaged)).toBe(true);
      expect(decodeSnapshot(await readFile(path.join(dir, SNAPSHOT_FILE))).doc).toEqual(backupDoc);
      await store.apply([put(makeAnnotation(9))]);
      expect(store.doc.annotations).toHaveLength(backupDoc.annotations.length + 1);
    });
  }

  for (const variant of CORRUPT_VARIANTS.filter((v) => v.expect === 'accept')) {
    it(`accepts ${variant.name} and opens it as is`, async () => {
      const { dir, savedDoc, valid } = await prepare();
      await writeFile(path.join(dir, SNAPSHOT_FILE), variant.build(valid));
      const store = await open({ dataDir: dir, now: () => REOPENED_AT });
      expect(store.status.notices).toEqual([]);
      expect(store.doc.annotations.map((a) => a.id)).toEqual(savedDoc.annotations.map((a) => a.id));
      expect((await readdir(dir)).filter((n) => n.includes('corrupt'))).toEqual([]);
    });
  }

  it('keeps a lone surrogate escape in a note exactly, through a save and a reopen', async () => {
    const { dir, valid } = await prepare();
    const at = valid.indexOf('"note":"') + '"note":"'.length;
    await writeFile(path.join(dir, SNAPSHOT_FILE), Buffer.concat([valid.subarray(0, at), Buffer.from('\\udc00'), valid.subarray(at)]));
    const store = await openStore({ dataDir: dir });
    expect(store.doc.annotations[0]!.note).toBe('\udc00note 0');
    await store.apply([put(makeAnnotation(8))]);
    await store.close();
    expect((await open({ dataDir: dir })).doc.annotations[0]!.note).toBe('\udc00note 0');
  });

  it('opens empty with a notice when there is no backup, and still keeps the original aside', async () => {
    const { dir } = await prepare();
    await rm(path.join(dir, BACKUP_DIR), { recursive: true });
    await writeFile(path.join(dir, SNAPSHOT_FILE), 'null');
    const store = await open({ dataDir: dir, now: () => REOPENED_AT });
    expect(store.doc.annotations).toEqual([]);
    expect(store.status.notices).toEqual([
      `Your annotations file could not be read (it holds null where an annotations document was expected). It was kept as ${ASIDE} in your data folder. No backup was found, so Fieldmark started with no annotations.`,
    ]);
    expect(await readFile(path.join(dir, ASIDE), 'utf8')).toBe('null');
  });

  it('skips a damaged newest backup and opens the next good one', async () => {
    const { dir, backupDoc } = await prepare();
    const [newest] = await listBackups(nodeFs, path.join(dir, BACKUP_DIR));
    const store1 = await openStore({ dataDir: dir, now: () => new Date(Date.UTC(2026, 3, 1)) });
    await store1.apply([put(makeAnnotation(20))]);
    const later = await store1.backupNow('later');
    await store1.close();
    await writeFile(path.join(dir, BACKUP_DIR, later), '{"version":1,"settings":');
    expect(later > newest!.name).toBe(true);
    await writeFile(path.join(dir, SNAPSHOT_FILE), '');
    const store = await open({ dataDir: dir, now: () => REOPENED_AT });
    expect(store.doc.annotations.length).toBeGreaterThanOrEqual(backupDoc.annotations.length);
    expect(store.doc.annotations.map((a) => a.note)).not.toContain('note 20');
  });

  it('replays the journal of recent changes over the backup', async () => {
    const { dir, cleanup } = await tempDir('fieldmark-corrupt-');
    cleanups.push(cleanup);
    const crashed = await openStore({ dataDir: dir, now: ticking(), lockOwner: { pid: 424_242, isAlive: () => false } });
    for (let i = 0; i < 3; i++) await crashed.apply([put(makeAnnotation(i))]);
    await crashed.backupNow('before-crash');
    await crashed.apply([put(makeAnnotation(3)), put(makeAnnotation(4))]);
    const expected = crashed.doc.annotations.map((a) => a.id);
    await crashed.idle();
    await writeFile(path.join(dir, SNAPSHOT_FILE), Buffer.alloc(4096));
    const store = await open({ dataDir: dir, now: () => REOPENED_AT, lockOwner: { pid: 424_243, isAlive: () => false } });
    expect(store.doc.annotations.map((a) => a.id)).toEqual(expected);
    expect(store.status.notices[0]).toMatch(/opened the backup from .*\. Fieldmark also reapplied 4 recent changes from its journal\.$/);
  });

  it('moves aside a file that cannot be read at all (EIO every time) and opens the backup', async () => {
    const { dir, backupDoc } = await prepare();
    const fs = new FaultFs(nodeFs);
    fs.failAll('EIO', (op, file) => op === 'readFile' && file.endsWith(SNAPSHOT_FILE));
    const store = await open({ dataDir: dir, fs, now: () => REOPENED_AT });
    expect(store.status.notices[0]).toMatch(/^Your annotations file could not be read \(the disk reported an error: EIO\)\. It was kept as/);
    expect(store.doc).toEqual(backupDoc);
    expect(await readdir(dir)).toContain(ASIDE);
  });

  it('never overwrites a damaged file it cannot move aside: opens read-only from the backup instead', async () => {
    const { dir, backupDoc } = await prepare();
    await writeFile(path.join(dir, SNAPSHOT_FILE), '{"version":1,');
    const fs = new FaultFs(nodeFs);
    fs.failAll('EACCES', (op, file) => op === 'rename' && file.endsWith(SNAPSHOT_FILE));
    const store = await open({ dataDir: dir, fs, now: () => REOPENED_AT });
    expect(store.status.readOnly).toBe(true);
    expect(store.status.notices[0]).toMatch(/could not be moved aside, so it was left untouched and Fieldmark opened read-only/);
    expect(store.doc).toEqual(backupDoc);
    await expect(store.apply([put(makeAnnotation(5))])).rejects.toMatchObject({ code: 'READ_ONLY' });
    await store.close();
    expect(await readFile(path.join(dir, SNAPSHOT_FILE), 'utf8')).toBe('{"version":1,');
  });

  it('opens the newest backup when the annotations file is missing, and says so', async () => {
    const { dir, backupDoc, backupDate } = await prepare();
    await rm(path.join(dir, SNAPSHOT_FILE));
    await writeFile(path.join(dir, JOURNAL_FILE), '');
    const store = await open({ dataDir: dir, now: () => REOPENED_AT });
    expect(store.doc).toEqual(backupDoc);
    expect(store.status.notices).toEqual([`Your annotations file was missing, so Fieldmark opened the backup from ${plainDate(backupDate)}.`]);
  });

  it('keeps a journal with a damaged entry in the middle aside, applies every intact entry and says so', async () => {
    const { dir, savedDoc } = await prepare();
    const a = makeAnnotation(30);
    const b = makeAnnotation(31);
    const damaged = Buffer.from(encodeJournalLine([put(makeAnnotation(32))]));
    damaged[50] = damaged[50] === 0x61 ? 0x62 : 0x61;
    const journal = Buffer.concat([encodeJournalLine([put(a)]), damaged, encodeJournalLine([put(b)])]);
    await writeFile(path.join(dir, JOURNAL_FILE), journal);
    const store = await open({ dataDir: dir, now: () => REOPENED_AT });
    expect(store.doc.annotations.map((x) => x.id)).toEqual([...savedDoc.annotations.map((x) => x.id), a.id, b.id]);
    expect(store.status.notices).toEqual([
      '1 damaged entry in the journal of recent changes could not be read; every other change was kept. The journal was kept as fieldmark.journal.corrupt-20260601T120000000Z in your data folder.',
    ]);
    expect((await readFile(path.join(dir, 'fieldmark.journal.corrupt-20260601T120000000Z'))).equals(journal)).toBe(true);
  });

  it('keeps a journal that cannot be read aside, opens the last full save and says so', async () => {
    const { dir, savedDoc } = await prepare();
    const journal = encodeJournalLine([put(makeAnnotation(41))]);
    await writeFile(path.join(dir, JOURNAL_FILE), journal);
    const fs = new FaultFs(nodeFs);
    fs.failAll('EIO', (op, file) => op === 'readFile' && file.endsWith(JOURNAL_FILE));
    const store = await open({ dataDir: dir, fs, now: () => REOPENED_AT });
    expect(store.doc).toEqual(savedDoc);
    expect(store.status.notices).toEqual([
      'The journal of your most recent changes could not be read (EIO). It was kept as fieldmark.journal.unreadable-20260601T120000000Z in your data folder; Fieldmark opened your annotations as they were last saved in full.',
    ]);
    expect((await readFile(path.join(dir, 'fieldmark.journal.unreadable-20260601T120000000Z'))).equals(journal)).toBe(true);
    expect(store.status.readOnly).toBe(false);
  });

  it('opens read-only when an unreadable journal cannot be moved aside either', async () => {
    const { dir } = await prepare();
    const journal = encodeJournalLine([put(makeAnnotation(42))]);
    await writeFile(path.join(dir, JOURNAL_FILE), journal);
    const fs = new FaultFs(nodeFs);
    fs.failAll('EIO', (op, file) => (op === 'readFile' || op === 'rename') && file.endsWith(JOURNAL_FILE));
    const store = await open({ dataDir: dir, fs });
    expect(store.status.readOnly).toBe(true);
    expect(store.status.notices[0]).toMatch(/could not be read \(EIO\) and was left untouched, so Fieldmark opened read-only/);
    await store.close();
    expect((await readFile(path.join(dir, JOURNAL_FILE))).equals(journal)).toBe(true);
  });

  it('drops a torn last journal line silently: it was never acknowledged', async () => {
    const { dir, savedDoc } = await prepare();
    const line = encodeJournalLine([put(makeAnnotation(40))]);
    await writeFile(path.join(dir, JOURNAL_FILE), line.subarray(0, line.length - 7));
    const store = await open({ dataDir: dir });
    expect(store.doc).toEqual(savedDoc);
    expect(store.status.notices).toEqual([]);
  });
});
