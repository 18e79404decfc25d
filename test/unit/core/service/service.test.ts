import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, DEFAULT_SETTINGS, METHOD_NAMES, type AnnotationView, type Settings } from '../../../../preload/contract';
import { createDispatcher } from '../../../../preload/rpc';
import { mergeSettings } from '../../../../main/core/service/settings-service';
import { loadReport } from '../../../../main/core/report/report-model';
import { createServiceFromParts, openService, type Service } from '../../../../main/core/service/service';
import { MemoryStore } from '../../../support/memory-store';

const ASSETS = path.resolve(import.meta.dirname, '../../../../assets');
const REPORT = await loadReport(ASSETS);
const SHA = '0eab7409d86e46267a377d97868557be666dc03c33f0763c19a2cb6792882f2d';

const folders: string[] = [];
const opened: Service[] = [];
afterEach(async () => {
  for (const service of opened.splice(0)) await service.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'fieldmark-service-'));
  folders.push(folder);
  return folder;
}

describe('the service', () => {
  it('implements every method of the contract', () => {
    const service = createServiceFromParts(REPORT, new MemoryStore());
    expect(Object.keys(service.impl).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('serves the report with its hash, metadata and blocks', async () => {
    const service = createServiceFromParts(REPORT, new MemoryStore());
    const envelope = await createDispatcher(contract, service.impl)('getReport', null);
    expect(envelope.ok).toBe(true);
    const report = (envelope as { value: { sha256: string; text: string; blocks: Array<{ start: number; end: number }> } }).value;
    expect(report).toMatchObject({ title: '2021 Trafficking in Persons Report: Japan', country: 'Japan', year: 2021, tier: 'Tier 2', sha256: SHA });
    expect(report.blocks.length).toBe(REPORT.blocks.length);
    expect(report).not.toHaveProperty('byId');
  });

  it('reports the store status', async () => {
    const store = new MemoryStore({ dataDir: '/data', readOnly: true, notices: ['Your annotations file was damaged.'] });
    const service = createServiceFromParts(REPORT, store);
    expect(await service.impl.getStatus(undefined)).toEqual({ dataDir: '/data', readOnly: true, notices: ['Your annotations file was damaged.'] });
    expect(service.status()).toBe(store.status);
  });
});

describe('settings', () => {
  it('starts from the defaults', async () => {
    const service = createServiceFromParts(REPORT, new MemoryStore());
    expect(await service.impl.getSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('merges a patch, renaming legend labels one by one, and persists it', async () => {
    const store = new MemoryStore();
    const service = createServiceFromParts(REPORT, store);
    const next = (await service.impl.updateSettings({ fontSize: 22, legend: { gap: 'Shortfall' } })) as Settings;
    expect(next).toEqual({ ...DEFAULT_SETTINGS, fontSize: 22, legend: { ...DEFAULT_SETTINGS.legend, gap: 'Shortfall' } });
    expect(store.doc.settings).toEqual(next);
    expect(store.applied).toEqual([[{ op: 'putSettings', value: next }]]);
    const again = (await service.impl.updateSettings({ theme: 'sepia', readingPosition: { offset: 1200, progress: 0.03 } })) as Settings;
    expect(again).toMatchObject({ fontSize: 22, theme: 'sepia', legend: { gap: 'Shortfall', key: 'Key finding' }, readingPosition: { offset: 1200, progress: 0.03 } });
    const cleared = (await service.impl.updateSettings({ readingPosition: null })) as Settings;
    expect(cleared.readingPosition).toBeNull();
  });

  it('writes nothing for a patch that changes nothing', async () => {
    const store = new MemoryStore();
    const service = createServiceFromParts(REPORT, store);
    await service.impl.updateSettings({ fontSize: DEFAULT_SETTINGS.fontSize, legend: {} });
    expect(store.applied).toHaveLength(0);
  });

  it('keeps both of two patches sent together', async () => {
    const store = new MemoryStore();
    const service = createServiceFromParts(REPORT, store);
    await Promise.all([service.impl.updateSettings({ fontSize: 24 }), service.impl.updateSettings({ lineWidth: 'wide' })]);
    expect(store.doc.settings).toMatchObject({ fontSize: 24, lineWidth: 'wide' });
  });

  it('refuses invalid patches with a typed error and changes nothing', async () => {
    const store = new MemoryStore();
    const dispatch = createDispatcher(contract, createServiceFromParts(REPORT, store).impl);
    for (const patch of [{ fontSize: 3 }, { theme: 'neon' }, { legend: { key: '' } }, { legend: { key: 'a\u0007b' } }, { unknown: 1 }, { readingPosition: { offset: -1, progress: 0 } }]) {
      const envelope = await dispatch('updateSettings', patch);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(store.applied).toHaveLength(0);
  });

  it('returns copies, so changing what was returned changes nothing stored', async () => {
    const store = new MemoryStore();
    const service = createServiceFromParts(REPORT, store);
    const settings = (await service.impl.getSettings(undefined)) as Settings;
    settings.legend.key = 'Tampered';
    expect(store.doc.settings.legend.key).toBe('Key finding');
  });

  it('mergeSettings trims labels through the schema', () => {
    expect(mergeSettings(DEFAULT_SETTINGS, { legend: { key: '  Finding  ' } }).legend.key).toBe('Finding');
  });
});

describe('openService', () => {
  it('opens the bundled report and a store in the data folder, and keeps annotations across a restart', async () => {
    const dataDir = await tempDir();
    const first = await openService({ assetsDir: ASSETS, dataDir });
    const start = REPORT.text.indexOf('JAPAN: Tier 2');
    const created = (await first.impl.createAnnotation({ start, end: start + 13, color: 'progress', note: 'tier', tags: ['ranking'] })) as AnnotationView;
    await first.impl.updateSettings({ theme: 'dark' });
    expect(first.status().dataDir).toBe(dataDir);
    await first.close();

    const second = await openService({ assetsDir: ASSETS, dataDir });
    opened.push(second);
    const listed = (await second.impl.listAnnotations(undefined)) as AnnotationView[];
    expect(listed).toEqual([created]);
    expect(((await second.impl.getSettings(undefined)) as Settings).theme).toBe('dark');
  });

  it('fails plainly when the report is missing from the assets folder, leaving the data folder free', async () => {
    const dataDir = await tempDir();
    const missing = await tempDir();
    await expect(openService({ assetsDir: missing, dataDir })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/could not read its report at .*tip-2021-japan\.txt \(ENOENT\)\. Reinstall Fieldmark/),
    });
    const service = await openService({ assetsDir: ASSETS, dataDir });
    opened.push(service);
    expect(service.status().readOnly).toBe(false);
  });
});

describe('imports and restores against edits in flight', () => {
  // A colleague's copy of the user's annotations, with every note changed: importing it updates them.
  const colleagueFile = (content: string) => {
    const collection = JSON.parse(content) as { first: { items: Array<{ modified: string; body?: Array<{ purpose: string; value: string }> }> } };
    for (const item of collection.first.items) {
      item.modified = '2030-01-01T00:00:00.000Z';
      for (const body of item.body ?? []) if (body.purpose === 'commenting') body.value = 'colleague';
    }
    return JSON.stringify(collection);
  };

  it('does not let an import overwrite a note edit that was still being saved: the commit sees it and refuses', async () => {
    const store = new MemoryStore();
    let clock = Date.parse('2026-01-01T00:00:00.000Z');
    const service = createServiceFromParts(REPORT, store, () => new Date((clock += 1000)));
    const created = await service.impl.createAnnotation({ start: 58, end: 120, color: 'key', note: 'first' });
    const file = colleagueFile((await service.impl.exportAnnotations(undefined)).content);
    clock = Date.parse('2031-01-01T00:00:00.000Z');
    const preview = await service.impl.previewImport({ content: file });
    expect(preview.counts.updated).toBe(1);

    store.hold();
    const edit = service.impl.updateAnnotation({ id: created.id, note: 'mine, typed after the preview' });
    await new Promise((r) => setTimeout(r, 0));
    const commit = service.impl.commitImport({ id: preview.id });
    store.release();
    await expect(edit).resolves.toMatchObject({ note: 'mine, typed after the preview' });
    await expect(commit).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(store.doc.annotations.find((a) => a.id === created.id)?.note).toBe('mine, typed after the preview');
  });

  it('takes the pre-restore backup only after edits in flight are saved, so they are in it', async () => {
    const store = new MemoryStore();
    const service = createServiceFromParts(REPORT, store);
    const backup = (await service.impl.exportBackup(undefined)).content;
    store.hold();
    const created = service.impl.createAnnotation({ start: 58, end: 120, color: 'key', note: 'in flight' });
    await new Promise((r) => setTimeout(r, 0));
    let backedUpWith: number | null = null;
    const backupNow = store.backupNow.bind(store);
    store.backupNow = async (reason: string) => {
      backedUpWith = store.doc.annotations.length;
      return backupNow(reason);
    };
    const restore = service.impl.restoreBackup({ content: backup });
    store.release();
    await created;
    await restore;
    expect(backedUpWith).toBe(1);
  });
});
