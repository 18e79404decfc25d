/**
 * Format 1 → 2 (issue 13) on real format-1 folders: test/fixtures/store-format-1/
 * was written by the format-1 Fieldmark itself (see the fixtures README), one
 * folder with everything in the snapshot and one with the changes still in the
 * journal. Tags become codes (one per tag by the tag rule, per segment under
 * the same parent, first spelling kept), the original is kept aside, and the
 * upgrade is on disk before any write.
 */
import { appendFile, cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReport } from '../../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../../main/core/service/service';
import { parseBackup } from '../../../../main/core/store/backup-file';
import { JOURNAL_FILE, SNAPSHOT_FILE } from '../../../../main/core/store/journal-adapter';
import { derivedCodeId, keptTag, tagsToCodesDoc, tagsToCodesOps } from '../../../../main/core/store/migrate-tags-to-codes';
import { decodeSnapshot } from '../../../../main/core/store/snapshot-codec';
import { openStore, type OpenedStore } from '../../../../main/core/store/store';
import { STORE_VERSION } from '../../../../main/core/store/store-schema';
import { REPO_ROOT, tempDir } from '../../../support/store-fixtures';
import { FaultFs } from '../../../support/fault-fs';
import { nodeFs } from '../../../../main/core/store/fs-layer';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/store-format-1');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function copyOf(name: 'snapshot' | 'journal'): Promise<string> {
  const { dir, cleanup } = await tempDir('fieldmark-migrate-');
  cleanups.push(cleanup);
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

async function opened(dir: string): Promise<OpenedStore> {
  const store = await openStore({ dataDir: dir });
  cleanups.unshift(() => store.close());
  return store;
}

/** Every annotation's note and code paths, as the service shows them, in document order. */
async function tagsShown(store: OpenedStore): Promise<Array<{ note: string; tags: string[]; deleted: boolean }>> {
  const report = await loadReport(path.join(REPO_ROOT, 'assets'));
  const views = await createServiceFromParts(report, store).impl.listAnnotations(undefined);
  return views.map((v) => ({ note: v.note, tags: v.tags, deleted: v.deletedAt !== null }));
}

const codeTree = (store: OpenedStore) => store.doc.codes.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId }));

describe('free tags become codes (format 1 → 2)', () => {
  it('turns the tags of a real format-1 store into one code tree, first spelling kept, per segment under the same parent', async () => {
    const store = await opened(await copyOf('snapshot'));
    const byName = (name: string, parentId: string | null) => store.doc.codes.find((c) => c.name === name && c.parentId === parentId)!;
    const labour = byName('Labour', null);
    expect(codeTree(store)).toEqual([
      { id: byName('TITP', null).id, name: 'TITP', parentId: null },
      { id: labour.id, name: 'Labour', parentId: null },
      { id: byName('Visa', labour.id).id, name: 'Visa', parentId: labour.id },
      { id: byName('TITP', labour.id).id, name: 'TITP', parentId: labour.id },
      { id: byName('a', null).id, name: 'a', parentId: null },
      { id: byName('b', byName('a', null).id).id, name: 'b', parentId: byName('a', null).id },
      { id: byName('Debt bondage', labour.id).id, name: 'Debt bondage', parentId: labour.id },
    ]);
    // "TITP", "titp" and "ＴＩＴＰ" are one code; "Labour/TITP" is another one, under Labour; "a//b" is a/b; "labour" is Labour.
    const shown = await tagsShown(store);
    expect(shown).toHaveLength(4);
    expect(shown).toEqual(expect.arrayContaining([
      { note: 'first spelling', tags: ['TITP', 'Labour/Visa'], deleted: false },
      { note: '', tags: ['TITP', 'Labour/TITP'], deleted: false },
      { note: '', tags: ['TITP', 'a/b', 'Labour'], deleted: false },
      { note: 'deleted later', tags: ['Labour/Debt bondage'], deleted: true },
    ]));
  });

  it('keeps the original file aside, says so, and has the upgraded store on disk before any write', async () => {
    const dir = await copyOf('snapshot');
    const original = await readFile(path.join(dir, SNAPSHOT_FILE));
    const store = await opened(dir);
    expect(store.status.notices).toEqual([expect.stringMatching(/^Your annotations file was upgraded from format 1 to format 3\. The original was kept as fieldmark\.json\.format-1-/)]);
    const aside = (await readdir(dir)).find((n) => n.startsWith('fieldmark.json.format-1-'))!;
    expect(await readFile(path.join(dir, aside))).toEqual(original);
    const onDisk = decodeSnapshot(await readFile(path.join(dir, SNAPSHOT_FILE)));
    expect(onDisk.migratedFrom).toBeNull();
    expect(onDisk.doc.version).toBe(STORE_VERSION);
    expect(onDisk.doc).toEqual(store.doc);
  });

  it('keeps the format-1 journal aside too, since opening folds its lines into the upgraded snapshot', async () => {
    const dir = await copyOf('journal');
    const journal = await readFile(path.join(dir, 'fieldmark.journal'));
    expect(journal.length).toBeGreaterThan(0);
    await opened(dir);
    const aside = (await readdir(dir)).find((n) => n.startsWith('fieldmark.journal.format-1-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(dir, aside!))).toEqual(journal);
  });

  it('opens read-only and rewrites nothing when the original cannot be copied aside, even with a torn journal to fold', async () => {
    const dir = await copyOf('journal');
    await appendFile(path.join(dir, 'fieldmark.journal'), '{"torn');
    const before = { snapshot: await readFile(path.join(dir, SNAPSHOT_FILE)), journal: await readFile(path.join(dir, 'fieldmark.journal')) };
    const fs = new FaultFs(nodeFs);
    fs.failAll('ENOSPC', (op, file) => op === 'open' && file.includes('.format-1-'));
    const store = await openStore({ dataDir: dir, fs });
    cleanups.unshift(() => store.close());
    expect(store.status.readOnly).toBe(true);
    expect(await readFile(path.join(dir, SNAPSHOT_FILE))).toEqual(before.snapshot);
    expect(await readFile(path.join(dir, 'fieldmark.journal'))).toEqual(before.journal);
  });

  it('gives the same codes, with the same ids, when the same file is opened again or migrated again', async () => {
    const dir = await copyOf('snapshot');
    const first = await openStore({ dataDir: dir });
    const tree = codeTree(first as OpenedStore);
    await first.close();
    const again = await opened(dir);
    expect(codeTree(again)).toEqual(tree);
    expect(again.status.notices).toEqual([]);
    const fresh = await opened(await copyOf('snapshot'));
    expect(codeTree(fresh)).toEqual(tree);
  });

  it('replays format-1 journal lines onto the migrated snapshot instead of dropping them', async () => {
    const dir = await copyOf('journal');
    const store = await opened(dir);
    expect(store.doc.annotations).toHaveLength(4);
    expect(store.status.notices.some((n) => /damaged/.test(n))).toBe(false);
    const reference = await opened(await copyOf('snapshot'));
    // The journal met the tags in another order (a later edit added "Labour / Visa"), so the codes come in another order; the ids are the same.
    const sorted = (s: OpenedStore) => codeTree(s).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sorted(store)).toEqual(sorted(reference));
    const tagSets = async (s: OpenedStore) => (await tagsShown(s)).map((v) => JSON.stringify(v.tags)).sort();
    expect(await tagSets(store)).toEqual(await tagSets(reference));
    // Folded into a format-2 snapshot: the journal is empty again.
    expect((await readFile(path.join(dir, JOURNAL_FILE))).length).toBe(0);
  });

  it('restores a backup file made by the format-1 Fieldmark, codebook and all', async () => {
    const raw = JSON.parse(await readFile(path.join(FIXTURES, 'snapshot', SNAPSHOT_FILE), 'utf8')) as Record<string, unknown>;
    delete raw.integrity;
    const file = JSON.stringify({ format: 'fieldmark-backup', version: 1, createdAt: '2026-11-02T00:00:00.000Z', report: { title: 't', sha256: 's' }, store: raw });
    const backup = parseBackup(file);
    expect(backup.store.version).toBe(STORE_VERSION);
    expect(backup.store.codes.map((c) => c.name)).toEqual(['TITP', 'Labour', 'Visa', 'TITP', 'a', 'b', 'Debt bondage']);
    expect(backup.store.annotations.every((a) => a.codeIds.length > 0)).toBe(true);
  });

  it('derives version-8 UUIDs that the store schema accepts, one per parent and name key', () => {
    const id = derivedCodeId(null, 'titp');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedCodeId(null, 'titp')).toBe(id);
    expect(derivedCodeId(id, 'titp')).not.toBe(id);
  });

  it('turns a format-1 batch into codes first, then the annotation with code ids', () => {
    const ops = tagsToCodesOps([], [{ op: 'putAnnotation', value: { id: 'x', createdAt: 'c', note: '', tags: ['A/B', 'a'], target: {} } }, { op: 'removeAnnotations', ids: [] }]) as Array<Record<string, unknown>>;
    expect(ops.map((o) => o.op)).toEqual(['putCodes', 'putAnnotation', 'removeAnnotations']);
    const codes = ops[0]!.values as Array<{ id: string; name: string; parentId: string | null }>;
    expect(codes.map((c) => [c.name, c.parentId])).toEqual([['A', null], ['B', codes[0]!.id]]);
    expect(ops[1]!.value).toEqual({ id: 'x', createdAt: 'c', note: '', codeIds: [codes[1]!.id, codes[0]!.id], target: {} });
  });

  it('keeps a tag made only of slashes as a code named with U+2215 instead of dropping it', () => {
    expect(keptTag('/')).toBe('\u2215');
    expect(keptTag(' // ')).toBe('\u2215\u2215');
    expect(keptTag('a//b')).toBe('a//b');
    const doc = tagsToCodesDoc({ version: 1, settings: {}, annotations: [{ id: 'x', createdAt: 'c', note: '', tags: ['/', '//', 'a//b'], target: {} }], imports: [] });
    const codes = doc.codes as Array<{ id: string; name: string; parentId: string | null }>;
    expect(codes.map((c) => c.name)).toEqual(['\u2215', '\u2215\u2215', 'a', 'b']);
    expect((doc.annotations as Array<{ codeIds: string[] }>)[0]!.codeIds).toEqual([codes[0]!.id, codes[1]!.id, codes[3]!.id]);
  });
});
