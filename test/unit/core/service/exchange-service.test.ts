import { describe, expect, it } from 'vitest';
import { contract, type ImportPreview } from '../../../../preload/contract';
import { FieldmarkError, createDispatcher, type Implementation } from '../../../../preload/rpc';
import { createExchangeMethods, datedFileName } from '../../../../main/core/service/exchange-service';
import { MAX_PREVIEWS, PREVIEW_TTL_MS } from '../../../../main/core/service/import-previews';
import { BACKUP_FORMAT } from '../../../../main/core/store/backup-file';
import type { StoredAnnotation, TaggedAnnotation } from '../../../../main/core/store/store-schema';
import { toW3CAnnotation } from '../../../../main/core/exchange/w3c-export';
import { diskFull, exchangeContext, storeWith } from '../../../support/exchange-store';
import type { MemoryStore } from '../../../support/memory-store';
import { codebookOf } from '../../../../main/core/store/codebook';
import { storedOf, taggedOf } from '../../../../main/core/service/tagged-records';
import { isoAt, report, storedAt, uuidFor, viewOf } from '../../../support/exchange-fixtures';
import { parseCommonmark } from '../../../support/markdown-ast';

function paragraph(n: number) {
  return report().blocks.filter((b) => b.kind === 'paragraph')[n]!;
}

function on(n: number, spec: Partial<Parameters<typeof storedAt>[0]> = {}, id = n): TaggedAnnotation {
  const p = paragraph(n);
  return storedAt({ start: p.start + 3, end: p.start + 70, ...spec }, id);
}

/** A stored record with its codes as paths, as the import merge sees it. */
function tagged(store: MemoryStore, record: StoredAnnotation): TaggedAnnotation {
  return taggedOf(codebookOf(store.doc.codes), record);
}

/** A tagged record as the store holds it, its tags resolved against the store's codes (which must exist). */
function stored(store: MemoryStore, record: TaggedAnnotation): StoredAnnotation {
  const { records, created } = storedOf(store.doc.codes, [record], isoAt(0));
  expect(created).toEqual([]);
  return records[0]!;
}

function setup(annotations: TaggedAnnotation[] = []) {
  const store = storeWith(annotations);
  const clock = { now: new Date(isoAt(1000)) };
  const methods = createExchangeMethods(exchangeContext(store, clock));
  // What the store held when each backup was taken.
  const backedUp: StoredAnnotation[][] = [];
  const backupNow = store.backupNow.bind(store);
  store.backupNow = (reason: string) => {
    backedUp.push(structuredClone(store.doc.annotations));
    return backupNow(reason);
  };
  return { store, clock, methods, backedUp };
}

async function failure(call: () => unknown): Promise<FieldmarkError> {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldmarkError);
    return error as FieldmarkError;
  }
  throw new Error('did not fail');
}

const fileOf = (records: TaggedAnnotation[]) => JSON.stringify(records.map((r) => toW3CAnnotation(viewOf(r))));

describe('exchange service: exports', () => {
  it('names files with the local date', () => {
    const at = new Date(2026, 10, 29, 23, 59);
    expect(datedFileName('fieldmark-annotations', 'md', at)).toBe('fieldmark-annotations-2026-11-29.md');
  });

  it('exports Markdown with the legend and the given options, and W3C JSON-LD of every annotation', async () => {
    const { store, methods, clock } = setup([on(1, { note: 'a note', color: 'gap' }, 1), on(2, { deletedAt: isoAt(3) }, 2)]);
    store.doc.settings.legend.gap = 'Missing protection';
    const markdown = await methods.exportMarkdown(undefined);
    expect(markdown.filename).toBe(datedFileName('fieldmark-annotations', 'md', clock.now));
    const headings = parseCommonmark(markdown.content).blocks.filter((b) => b.type === 'heading' && b.level === 3);
    expect(headings.map((h) => h.text)).toEqual([expect.stringMatching(/· Missing protection$/)]);
    const filtered = await methods.exportMarkdown({ groupBy: 'color', includeNotes: false, includeTags: true, includeColors: true, includeDates: false, filter: { colors: ['key'] } });
    expect(filtered.content).toContain('- Annotations: 0');

    const w3c = await methods.exportAnnotations(undefined);
    expect(w3c.filename).toMatch(/^fieldmark-annotations-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const collection = JSON.parse(w3c.content);
    expect(collection.total).toBe(2);
    expect(store.applied).toHaveLength(0);
  });
});

describe('exchange service: import', () => {
  it('writes nothing on preview, then commits everything not rejected in one batch', async () => {
    const mine = [on(1, { note: 'mine', updatedAt: isoAt(1) }, 1), on(2, { note: 'to delete', updatedAt: isoAt(1) }, 2)];
    const { store, methods } = setup(mine);
    const before = structuredClone(store.doc);
    const incoming = [
      on(1, { note: 'their edit', updatedAt: isoAt(10) }, 1),
      on(2, { deletedAt: isoAt(11), updatedAt: isoAt(11) }, 2),
      on(3, { note: 'new one' }, 3),
      on(4, { note: 'rejected one' }, 4),
    ];
    const preview: ImportPreview = await methods.previewImport({ content: fileOf(incoming) });
    expect(preview.format).toBe('Fieldmark Web Annotations');
    expect(preview.counts).toEqual({ new: 2, updated: 1, unchanged: 0, deleted: 1, duplicate: 0, orphan: 0, older: 0, total: 4, codes: { new: 0, renamed: 0, moved: 0, updated: 0, unchanged: 0, total: 0 } });
    expect(store.applied).toHaveLength(0);
    expect(store.doc).toEqual(before);

    const result = await methods.commitImport({ id: preview.id, reject: [uuidFor(4), 'not-in-preview'] });
    expect(result).toEqual({ id: preview.id, applied: 3, codesApplied: 0, linksApplied: 0, assessmentsApplied: 0, rejected: 1, counts: preview.counts });
    expect(store.applied).toHaveLength(1);
    const byId = new Map(store.doc.annotations.map((a) => [a.id, a]));
    expect(byId.get(uuidFor(1))!.note).toBe('their edit');
    expect(byId.get(uuidFor(2))!.deletedAt).toBe(isoAt(11));
    expect(byId.get(uuidFor(3))!.note).toBe('new one');
    expect(byId.has(uuidFor(4))).toBe(false);
    expect(store.doc.imports).toEqual([
      { id: preview.id, committedAt: isoAt(1000), undoneAt: null, codes: [], before: [
        { id: uuidFor(1), previous: stored(store, mine[0]!), wrote: byId.get(uuidFor(1)) },
        { id: uuidFor(2), previous: stored(store, mine[1]!), wrote: byId.get(uuidFor(2)) },
        { id: uuidFor(3), previous: null, wrote: byId.get(uuidFor(3)) },
      ] },
    ]);
    expect((await failure(() => methods.commitImport({ id: preview.id }))).code).toBe('NOT_FOUND');
  });

  it('undoes an import in one batch: new ones removed, changed ones restored, and not twice', async () => {
    const mine = [on(1, { note: 'mine', updatedAt: isoAt(1) }, 1), on(2, { note: 'kept', updatedAt: isoAt(1) }, 2)];
    const { store, methods, clock } = setup(mine);
    const preview = await methods.previewImport({
      content: fileOf([on(1, { note: 'theirs', updatedAt: isoAt(10) }, 1), on(2, { deletedAt: isoAt(10), updatedAt: isoAt(10) }, 2), on(3, {}, 3)]),
    });
    await methods.commitImport({ id: preview.id });
    clock.now = new Date(isoAt(1100));
    expect(await methods.undoImport({ id: preview.id })).toEqual({ reverted: 3, codes: 0 });
    expect(store.applied).toHaveLength(2);
    expect(store.doc.annotations.map((a) => tagged(store, a))).toEqual(mine);
    expect(store.doc.imports[0]!.undoneAt).toBe(isoAt(1100));
    expect((await failure(() => methods.undoImport({ id: preview.id }))).message).toBe('This import was already undone.');
    expect((await failure(() => methods.undoImport({ id: 'nope' }))).code).toBe('NOT_FOUND');

    const again = await methods.previewImport({ content: fileOf([on(3, {}, 3)]) });
    expect(again.items[0]!.kind).toBe('new');
  });

  it('leaves an annotation edited after the import as the user made it when undoing', async () => {
    const { store, methods, clock } = setup([]);
    const preview = await methods.previewImport({ content: fileOf([on(1, {}, 1), on(2, {}, 2)]) });
    await methods.commitImport({ id: preview.id });
    const edited = { ...store.doc.annotations[0]!, note: 'my later edit', updatedAt: isoAt(1050) };
    await store.apply([{ op: 'putAnnotation', value: edited }]);
    clock.now = new Date(isoAt(1100));
    expect(await methods.undoImport({ id: preview.id })).toEqual({ reverted: 1, codes: 0 });
    expect(store.doc.annotations).toEqual([edited]);
  });

  it('leaves what a later import changed when undoing an earlier one, even if the later file carries older dates', async () => {
    const { store, methods, clock } = setup([]);
    const first = await methods.previewImport({ content: fileOf([on(1, { note: 'from A', updatedAt: isoAt(10) }, 1)]) });
    await methods.commitImport({ id: first.id });
    clock.now = new Date(isoAt(1050));
    // A colleague's copy edited after A was made, but dated before A's commit.
    const second = await methods.previewImport({ content: fileOf([on(1, { note: 'from B', updatedAt: isoAt(20) }, 1)]) });
    expect(second.counts.updated).toBe(1);
    await methods.commitImport({ id: second.id });
    clock.now = new Date(isoAt(1100));
    expect(await methods.undoImport({ id: first.id })).toEqual({ reverted: 0, codes: 0 });
    expect(store.doc.annotations.map((a) => a.note)).toEqual(['from B']);
  });

  it('refuses a commit when the annotations changed since the preview, writing nothing', async () => {
    const { store, methods } = setup([on(1, { note: 'mine', updatedAt: isoAt(1) }, 1)]);
    const preview = await methods.previewImport({ content: fileOf([on(1, { note: 'theirs', updatedAt: isoAt(10) }, 1)]) });
    const { tags: _none, ...meanwhile } = on(1, { note: 'edited meanwhile', updatedAt: isoAt(5) }, 1);
    await store.apply([{ op: 'putAnnotation', value: { ...meanwhile, codeIds: [] } }]);
    const error = await failure(() => methods.commitImport({ id: preview.id }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'One annotation changed since this preview was made. Preview the file again; nothing was imported.' });
    expect(store.applied).toHaveLength(1);
    expect(store.doc.annotations[0]!.note).toBe('edited meanwhile');
  });

  it('answers a commit only once the store has made it durable', async () => {
    const { store, methods } = setup([]);
    const preview = await methods.previewImport({ content: fileOf([on(1, {}, 1)]) });
    store.hold();
    let answered = false;
    const commit = Promise.resolve(methods.commitImport({ id: preview.id })).then(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    expect(store.doc.annotations).toEqual([]);
    store.release();
    await commit;
    expect(answered).toBe(true);
    expect(store.doc.annotations).toHaveLength(1);
  });

  it('keeps the preview when the disk is full, so the same commit can be retried', async () => {
    const { store, methods } = setup([]);
    const preview = await methods.previewImport({ content: fileOf([on(1, {}, 1)]) });
    store.failNext = diskFull();
    expect((await failure(() => methods.commitImport({ id: preview.id }))).code).toBe('DISK_FULL');
    expect(store.doc.annotations).toEqual([]);
    expect(store.doc.imports).toEqual([]);
    expect((await methods.commitImport({ id: preview.id })).applied).toBe(1);
  });

  it(`keeps at most ${MAX_PREVIEWS} previews and forgets them after ${PREVIEW_TTL_MS / 60000} minutes`, async () => {
    const { methods, clock } = setup([]);
    const content = fileOf([on(1, {}, 1)]);
    const ids: string[] = [];
    for (let i = 0; i <= MAX_PREVIEWS; i++) ids.push((await methods.previewImport({ content })).id);
    expect((await failure(() => methods.commitImport({ id: ids[0]! }))).message).toBe(
      'This import preview is no longer available (it expired or was already used). Preview the file again.',
    );
    clock.now = new Date(clock.now.getTime() + PREVIEW_TTL_MS + 1);
    expect((await failure(() => methods.commitImport({ id: ids[MAX_PREVIEWS]! }))).code).toBe('NOT_FOUND');
  });

  it('gives each bad file its message and writes nothing', async () => {
    const { store, methods } = setup([on(1, {}, 1)]);
    const cases: Array<[string, RegExp]> = [
      ['not json at all', /^The file is not valid JSON/],
      ['{"rows": 5}', /^The file is JSON but not an annotation file/],
      [`"${'x'.repeat(50 * 1024 * 1024)}"`, /larger than the 50\.0 MB/],
      ['['.repeat(100_000), /nested more than 64 levels/],
      ['[{"target": "x", "__proto__": {"polluted": 1}}]', /key named "__proto__"/],
      ['[{"target": "x", "constructor": {"prototype": {"polluted": 1}}}]', /key named "constructor"/],
      ['[{"target": {"source": "x", "selector": {"type": "TextPositionSelector", "start": 5, "end": 2}}}]', /position that is out of range/],
      ['[{"target": {"source": "x", "selector": {"type": "TextQuoteSelector", "exact": "words that are nowhere in the Japan report at all, surely"}}}]', /probably made for another document/],
      ['[]', /holds no annotations/],
    ];
    for (const [content, message] of cases) {
      const error = await failure(() => methods.previewImport({ content }));
      expect({ content: content.slice(0, 40), code: error.code, ok: message.test(error.message) }).toEqual({ content: content.slice(0, 40), code: 'INVALID_IMPORT', ok: true });
    }
    expect(store.applied).toHaveLength(0);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('imports a file whose texts hold control characters with those characters removed', async () => {
    const { store, methods } = setup([]);
    const record = on(1, {}, 1);
    const item = toW3CAnnotation(viewOf(record));
    const content = JSON.stringify([{ ...item, body: [{ type: 'TextualBody', value: 'bell\u0007 escape\u001b[0m nul\u0000 kept\ttab\r\nline', purpose: 'commenting' }, { type: 'TextualBody', value: 'ta\u0000g', purpose: 'tagging' }] }]);
    const preview = await methods.previewImport({ content });
    expect(preview.items[0]).toMatchObject({ kind: 'new', note: 'bell escape[0m nul kept\ttab\nline', tags: ['tag'] });
    await methods.commitImport({ id: preview.id });
    expect(tagged(store, store.doc.annotations[0]!)).toMatchObject({ note: 'bell escape[0m nul kept\ttab\nline', tags: ['tag'] });
  });

  it('round-trips export → import into an empty store without losing notes, tags, colours, dates, tombstones or orphans', async () => {
    const orphan = on(5, { note: 'orphaned note', tags: ['review'], color: 'question', createdAt: isoAt(2), updatedAt: isoAt(3) }, 5);
    orphan.target = {
      source: `urn:sha256:${'c'.repeat(64)}`,
      sha256: 'c'.repeat(64),
      selector: [
        { type: 'TextPositionSelector', start: 12, end: 50 },
        { type: 'TextQuoteSelector', exact: 'a passage from a different edition only', prefix: 'p', suffix: 's' },
      ],
    };
    const originals = [
      on(1, { note: 'Line one\nline two & <b>', tags: ['legal/visa', '#tag/subtag'], color: 'gap', createdAt: isoAt(1), updatedAt: isoAt(7) }, 1),
      on(2, { color: 'progress', createdAt: isoAt(2), updatedAt: isoAt(2) }, 2),
      on(3, { note: 'gone', tags: ['x'], color: 'statistic', createdAt: isoAt(3), updatedAt: isoAt(9), deletedAt: isoAt(9) }, 3),
      on(4, { note: 'émoji 👩‍👩‍👧 RTL مرحبا', tags: ['ünï'], color: 'key', createdAt: isoAt(4), updatedAt: isoAt(4) }, 4),
      orphan,
    ];
    const source = setup(originals);
    const exported = await source.methods.exportAnnotations(undefined);

    const target = setup([]);
    const preview = await target.methods.previewImport({ content: exported.content });
    expect(preview.counts).toMatchObject({ new: 3, deleted: 1, orphan: 1, total: 5 });
    await target.methods.commitImport({ id: preview.id });
    const restored = new Map(target.store.doc.annotations.map((a) => [a.id, tagged(target.store, a)]));
    for (const original of originals) {
      const copy = restored.get(original.id)!;
      // A tombstone travels without its note and tags: a deleted note does not leave the machine.
      const expected = original.deletedAt ? { ...original, note: '', tags: [] } : original;
      expect(copy).toEqual(expected);
    }
    const reimport = await target.methods.previewImport({ content: exported.content });
    expect(reimport.counts).toMatchObject({ unchanged: 5, total: 5 });
  });

  it('is reachable through the dispatcher with the contract’s schemas', async () => {
    const { methods } = setup([on(1, {}, 1)]);
    const dispatch = createDispatcher(contract, methods as unknown as Implementation<typeof contract>);
    const preview = await dispatch('previewImport', { content: fileOf([on(2, {}, 2)]) });
    expect(preview.ok).toBe(true);
    const bad = await dispatch('previewImport', { content: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_IMPORT' } });
    expect(await dispatch('exportMarkdown', null)).toMatchObject({ ok: true });
  });
});

describe('exchange service: backup and restore', () => {
  it('backs up the whole store and restores it after an automatic backup of the current state', async () => {
    const original = setup([on(1, { note: 'n', tags: ['t'] }, 1), on(2, { deletedAt: isoAt(4) }, 2)]);
    original.store.doc.settings.legend.key = 'Renamed';
    original.store.doc.settings.fontSize = 22;
    const backup = await original.methods.exportBackup(undefined);
    expect(backup.filename).toMatch(/^fieldmark-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(backup.content).format).toBe(BACKUP_FORMAT);

    const other = setup([on(3, {}, 3)]);
    const result = await other.methods.restoreBackup({ content: backup.content });
    expect(result).toEqual({ annotations: 1, backup: 'backup-1-before-restore.json' });
    expect(other.store.backups).toEqual(['backup-1-before-restore.json']);
    expect(other.backedUp[0]!.map((a) => a.id)).toEqual([uuidFor(3)]);
    expect(other.store.doc).toEqual(original.store.doc);
    expect(other.store.applied).toHaveLength(1);
  });

  it('refuses a bad backup with its message before taking a backup or writing anything', async () => {
    const { store, methods } = setup([on(1, {}, 1)]);
    const good = JSON.parse((await methods.exportBackup(undefined)).content);
    const cases: Array<[string, RegExp]> = [
      ['not json', /^The backup file is not valid JSON/],
      ['', /^The backup file is empty/],
      ['[1, 2]', /^This is not a Fieldmark backup: the file does not hold a backup object\./],
      [JSON.stringify({ type: 'AnnotationCollection' }), /^This is not a Fieldmark backup \(its "format" marker is missing\)\. To bring in annotations from another tool, use Import instead\./],
      [JSON.stringify({ ...good, version: 2 }), /^This backup was made by a newer version of Fieldmark\./],
      [JSON.stringify({ ...good, store: { ...good.store, version: 9 } }), /^This backup holds data from a newer version of Fieldmark\./],
      [JSON.stringify({ ...good, store: { ...good.store, annotations: [{ ...good.store.annotations[0], id: 'not-a-uuid' }] } }), /^The backup file is damaged \(store\.annotations\.0\.id: .+\); your current annotations were not changed\./],
      [JSON.stringify({ ...good, store: { ...good.store, annotations: [good.store.annotations[0], good.store.annotations[0]] } }), /appears twice/],
      [JSON.stringify({ ...good, store: { ...good.store, settings: { ...good.store.settings, theme: 'neon' } } }), /^The backup file is damaged \(store\.settings\.theme/],
      [`{"__proto__": {"polluted": 1}, "format": "${BACKUP_FORMAT}"}`, /key named "__proto__"/],
      ['{"a":'.repeat(100) + '1' + '}'.repeat(100), /nested more than/],
    ];
    for (const [content, message] of cases) {
      const error = await failure(() => methods.restoreBackup({ content }));
      expect({ content: content.slice(0, 50), code: error.code, ok: message.test(error.message), message: message.test(error.message) ? '' : error.message }).toEqual({
        content: content.slice(0, 50),
        code: 'INVALID_IMPORT',
        ok: true,
        message: '',
      });
    }
    expect(store.backups).toHaveLength(0);
    expect(store.applied).toHaveLength(0);
  });
});
