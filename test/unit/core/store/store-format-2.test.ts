/**
 * Format 2 → 3 (issue 14) on real format-2 folders: test/fixtures/store-format-2/
 * was written by the format-2 Fieldmark itself (see the fixtures README), one
 * folder with everything in the snapshot and one with the changes still in the
 * journal. The document gains empty assessments and links and the settings an
 * empty assessor; nothing else changes; the original is kept aside; format-2
 * journal lines, even ones written after the upgrade, are replayed.
 */
import { appendFile, cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReport } from '../../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../../main/core/service/service';
import { parseBackup } from '../../../../main/core/store/backup-file';
import { crc32Hex } from '../../../../main/core/store/crc32-hex';
import { JOURNAL_FILE, SNAPSHOT_FILE } from '../../../../main/core/store/journal-adapter';
import { nodeFs } from '../../../../main/core/store/fs-layer';
import { decodeSnapshot } from '../../../../main/core/store/snapshot-codec';
import { openStore, type OpenedStore } from '../../../../main/core/store/store';
import { STORE_VERSION } from '../../../../main/core/store/store-schema';
import { FaultFs } from '../../../support/fault-fs';
import { REPO_ROOT, tempDir } from '../../../support/store-fixtures';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/store-format-2');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function copyOf(name: 'snapshot' | 'journal'): Promise<string> {
  const { dir, cleanup } = await tempDir('fieldmark-format2-');
  cleanups.push(cleanup);
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

async function opened(dir: string): Promise<OpenedStore> {
  const store = await openStore({ dataDir: dir });
  cleanups.unshift(() => store.close());
  return store;
}

/** A journal line as the format-2 Fieldmark wrote it (`v: 2`). */
function formatTwoLine(ops: unknown[]): Buffer {
  const json = Buffer.from(JSON.stringify({ v: 2, ops }), 'utf8');
  return Buffer.concat([Buffer.from(`J1 ${json.length} ${crc32Hex(json)} `, 'latin1'), json, Buffer.from('\n')]);
}

/** What the user sees of the annotations: note, codes and whether deleted, in document order. */
async function shown(store: OpenedStore) {
  const report = await loadReport(path.join(REPO_ROOT, 'assets'));
  const views = await createServiceFromParts(report, store).impl.listAnnotations(undefined);
  return views.map((v) => ({ note: v.note, tags: v.tags, deleted: v.deletedAt !== null, links: v.links }));
}

const rawFixture = async (name: string) => JSON.parse(await readFile(path.join(FIXTURES, name, SNAPSHOT_FILE), 'utf8')) as Record<string, unknown>;

describe('assessments and links arrive (format 2 → 3)', () => {
  it('keeps everything of a real format-2 store and adds empty assessments, links and assessor', async () => {
    const raw = await rawFixture('snapshot');
    expect(raw.version).toBe(2);
    const store = await opened(await copyOf('snapshot'));
    expect(store.doc.version).toBe(STORE_VERSION);
    expect(store.doc.assessments).toEqual([]);
    expect(store.doc.links).toEqual([]);
    // Issue 16's defaultSensitivity is no format change: a settings object without it reads as 'normal'.
    expect(store.doc.settings).toEqual({ ...(raw.settings as object), assessor: '', defaultSensitivity: 'normal' });
    expect(store.doc.codes).toEqual(raw.codes);
    expect(store.doc.annotations).toEqual(raw.annotations);
    expect(store.doc.imports).toEqual(raw.imports);
    expect(await shown(store)).toEqual([
      { note: 'TITP named, edited', tags: ['Labour/TITP'], deleted: false, links: [] },
      { note: '', tags: ['Labour/TITP', 'Prosecution'], deleted: false, links: [] },
      { note: 'a recommendation quoted', tags: [], deleted: false, links: [] },
      { note: 'deleted later', tags: ['Labour/Debt bondage'], deleted: true, links: [] },
    ]);
  });

  it('keeps the original file aside, says so, and has the upgraded store on disk before any write', async () => {
    const dir = await copyOf('snapshot');
    const original = await readFile(path.join(dir, SNAPSHOT_FILE));
    const store = await opened(dir);
    expect(store.status.notices).toEqual([expect.stringMatching(/^Your annotations file was upgraded from format 2 to format 3\. The original was kept as fieldmark\.json\.format-2-/)]);
    const aside = (await readdir(dir)).find((n) => n.startsWith('fieldmark.json.format-2-'))!;
    expect(await readFile(path.join(dir, aside))).toEqual(original);
    const onDisk = decodeSnapshot(await readFile(path.join(dir, SNAPSHOT_FILE)));
    expect(onDisk.migratedFrom).toBeNull();
    expect(onDisk.doc).toEqual(store.doc);
  });

  it('replays the format-2 journal onto the migrated snapshot and keeps that journal aside', async () => {
    const dir = await copyOf('journal');
    const journal = await readFile(path.join(dir, JOURNAL_FILE));
    const store = await opened(dir);
    const reference = await opened(await copyOf('snapshot'));
    expect(store.status.notices.some((n) => /damaged/.test(n))).toBe(false);
    expect(store.doc.settings).toEqual(reference.doc.settings);
    const strip = (s: OpenedStore) => s.doc.annotations.map((a) => ({ note: a.note, color: a.color, deleted: a.deletedAt !== null, exact: a.target.selector[1].exact })).sort((a, b) => (a.exact < b.exact ? -1 : 1));
    expect(strip(store)).toEqual(strip(reference));
    expect(store.doc.codes.map((c) => c.name).sort()).toEqual(reference.doc.codes.map((c) => c.name).sort());
    expect((await readFile(path.join(dir, JOURNAL_FILE))).length).toBe(0);
    const aside = (await readdir(dir)).find((n) => n.startsWith('fieldmark.journal.format-2-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(dir, aside!))).toEqual(journal);
  });

  it('replays a format-2 journal line written after the upgrade, keeping the assessor typed since', async () => {
    const dir = await copyOf('snapshot');
    const first = await openStore({ dataDir: dir });
    await first.apply([{ op: 'putSettings', value: { ...first.doc.settings, assessor: 'A. Analyst' } }]);
    const v2Settings = (await rawFixture('snapshot')).settings as Record<string, unknown>;
    await first.close();
    // An older Fieldmark sharing the folder (or its journal left behind) writes a format-2 settings change.
    await appendFile(path.join(dir, JOURNAL_FILE), formatTwoLine([{ op: 'putSettings', value: { ...v2Settings, fontSize: 24 } }]));
    const again = await opened(dir);
    expect(again.doc.settings.fontSize).toBe(24);
    expect(again.doc.settings.assessor).toBe('A. Analyst');
    expect(again.status.notices.some((n) => /damaged|not valid/.test(n))).toBe(false);
  });

  it('opens read-only and rewrites nothing when the original cannot be copied aside, even with a torn journal to fold', async () => {
    const dir = await copyOf('journal');
    await appendFile(path.join(dir, JOURNAL_FILE), '{"torn');
    const before = { snapshot: await readFile(path.join(dir, SNAPSHOT_FILE)), journal: await readFile(path.join(dir, JOURNAL_FILE)) };
    const fs = new FaultFs(nodeFs);
    fs.failAll('ENOSPC', (op, file) => op === 'open' && file.includes('.format-2-'));
    const store = await openStore({ dataDir: dir, fs });
    cleanups.unshift(() => store.close());
    expect(store.status.readOnly).toBe(true);
    expect(await readFile(path.join(dir, SNAPSHOT_FILE))).toEqual(before.snapshot);
    expect(await readFile(path.join(dir, JOURNAL_FILE))).toEqual(before.journal);
  });

  it('restores a backup file made by the format-2 Fieldmark, with empty assessments and links', async () => {
    const raw = await rawFixture('snapshot');
    delete raw.integrity;
    const file = JSON.stringify({ format: 'fieldmark-backup', version: 1, createdAt: '2026-12-02T00:00:00.000Z', report: { title: 't', sha256: 's' }, store: raw });
    const backup = parseBackup(file);
    expect(backup.store.version).toBe(STORE_VERSION);
    expect(backup.store).toMatchObject({ assessments: [], links: [], settings: { assessor: '', fontSize: 20 } });
    expect(backup.store.annotations).toEqual(raw.annotations);
  });

  it('gives the same document when the upgraded file is opened again, with no second notice', async () => {
    const dir = await copyOf('snapshot');
    const first = await openStore({ dataDir: dir });
    const doc = structuredClone(first.doc);
    await first.close();
    const again = await opened(dir);
    expect(again.doc).toEqual(doc);
    expect(again.status.notices).toEqual([]);
  });
});
