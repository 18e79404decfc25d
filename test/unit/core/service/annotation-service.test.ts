import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { contract, type AnnotationView } from '../../../../preload/contract';
import { createDispatcher, FieldmarkError } from '../../../../preload/rpc';
import { uniqueTags } from '../../../../common/tag-identity';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { createServiceFromParts, type Service } from '../../../../main/core/service/service';
import { MemoryStore } from '../../../support/memory-store';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const REPORT = buildReportModel(TEXT);
const block = (id: string) => REPORT.byId.get(id)!;

let clock: number;
const now = () => new Date(clock++ * 1000 + Date.UTC(2024, 0, 1));
let store: MemoryStore;
let service: Service;
let dispatch: ReturnType<typeof createDispatcher>;

beforeEach(() => {
  clock = 0;
  store = new MemoryStore();
  service = createServiceFromParts(REPORT, store, now);
  dispatch = createDispatcher(contract, service.impl);
});

const range = (phrase: string, from = 0) => {
  const start = TEXT.indexOf(phrase, from);
  return { start, end: start + phrase.length };
};

async function call<T>(method: string, input?: unknown): Promise<T> {
  const envelope = await dispatch(method, input ?? null);
  if (!envelope.ok) throw new FieldmarkError(envelope.error.code, envelope.error.message);
  return envelope.value as T;
}

async function expectError(promise: Promise<unknown>, code: string): Promise<FieldmarkError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FieldmarkError);
  expect((error as FieldmarkError).code).toBe(code);
  expect((error as FieldmarkError).message.length).toBeGreaterThan(20);
  return error as FieldmarkError;
}

describe('createAnnotation', () => {
  it('derives the quote, its context, section and paragraph from the text', async () => {
    const { start, end } = range('In 2020, authorities identified 25 sex trafficking victims');
    const view = await call<AnnotationView>('createAnnotation', { start, end, color: 'key' });
    expect(view).toMatchObject({
      start,
      end,
      exact: TEXT.slice(start, end),
      prefix: TEXT.slice(start - 32, start),
      suffix: TEXT.slice(end, end + 32),
      color: 'key',
      note: '',
      tags: [],
      deletedAt: null,
      section: 'protection',
      sectionTitle: 'Protection',
      paragraph: 2,
      citation: 'Protection ¶2',
      anchor: { status: 'exact', score: 1 },
    });
    expect(view.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(view.createdAt).toBe('2024-01-01T00:00:00.000Z');
    expect(view.updatedAt).toBe(view.createdAt);
    expect(view.target).toEqual({
      source: `urn:sha256:${REPORT.sha256}`,
      sha256: REPORT.sha256,
      selector: [
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact: view.exact, prefix: view.prefix, suffix: view.suffix },
      ],
    });
    expect(store.doc.annotations).toHaveLength(1);
    expect(store.doc.annotations[0]!.target).toEqual(view.target);
  });

  it('ignores a forged quote sent with the offsets and stores the real one', async () => {
    const { start, end } = range('does not fully meet');
    const view = await call<AnnotationView>('createAnnotation', {
      start,
      end,
      color: 'gap',
      exact: 'The government fully meets the minimum standards',
      prefix: 'forged',
      target: { selector: [] },
    });
    expect(view.exact).toBe(TEXT.slice(start, end));
    const stored = store.doc.annotations[0]!;
    expect(stored.target.selector[1].exact).toBe(TEXT.slice(start, end));
    expect(stored.target.selector[1].prefix).toBe(TEXT.slice(start - 32, start));
    expect(JSON.stringify(store.doc)).not.toContain('forged');
  });

  it('keeps a selection across paragraphs and sections as one annotation, cited from first to last block', async () => {
    const start = block('prosecution-p6').end - 30;
    const end = block('protection-p1').start + 40;
    const view = await call<AnnotationView>('createAnnotation', { start, end, color: 'question' });
    expect(view.exact).toBe(TEXT.slice(start, end));
    expect(view.citation).toBe('Prosecution ¶6 – Protection ¶1');
    expect(view.section).toBe('prosecution');
  });

  it('does not trim a selection that starts or ends with white space', async () => {
    const start = block('prosecution-p1').end - 5;
    const end = block('prosecution-p2').start + 4;
    const view = await call<AnnotationView>('createAnnotation', { start, end, color: 'key' });
    expect([view.start, view.end]).toEqual([start, end]);
    expect(view.exact).toBe(TEXT.slice(start, end));
    expect(view.exact).toContain('\n\n');
  });

  it.each([
    ['end beyond the text', { start: TEXT.length - 3, end: TEXT.length + 1 }],
    ['start after end', { start: 200, end: 100 }],
    ['an empty range', { start: 100, end: 100 }],
  ])('refuses %s with OUT_OF_RANGE and changes nothing', async (_name, offsets) => {
    await expectError(call('createAnnotation', { ...offsets, color: 'key' }), 'OUT_OF_RANGE');
    expect(store.applied).toHaveLength(0);
    expect(await call('listAnnotations')).toEqual([]);
  });

  it('accepts the very first and very last characters of the text', async () => {
    const first = await call<AnnotationView>('createAnnotation', { start: 0, end: 4, color: 'key' });
    const last = await call<AnnotationView>('createAnnotation', { start: TEXT.length - 1, end: TEXT.length, color: 'key' });
    expect(first.exact).toBe('2021');
    expect(last.exact).toBe(TEXT.slice(-1));
  });

  it.each([
    ['negative offsets', { start: -1, end: 5 }],
    ['fractional offsets', { start: 1.5, end: 5 }],
    ['offsets as strings', { start: '1', end: '5' }],
    ['a missing end', { start: 1 }],
  ])('refuses %s with INVALID_INPUT before the service runs', async (_name, offsets) => {
    await expectError(call('createAnnotation', { ...offsets, color: 'key' }), 'INVALID_INPUT');
    expect(store.applied).toHaveLength(0);
  });

  it('refuses a whitespace-only selection', async () => {
    const gap = block('prosecution-p1').end;
    const error = await expectError(call('createAnnotation', { start: gap, end: gap + 2, color: 'key' }), 'INVALID_INPUT');
    expect(error.message).toMatch(/spaces or line breaks/);
    expect(store.applied).toHaveLength(0);
  });

  it('refuses an unknown colour and invalid tags', async () => {
    const { start, end } = range('Tier 2');
    await expectError(call('createAnnotation', { start, end, color: 'purple' }), 'INVALID_INPUT');
    await expectError(call('createAnnotation', { start, end, color: 'key', tags: ['x'.repeat(65)] }), 'INVALID_INPUT');
    await expectError(call('createAnnotation', { start, end, color: 'key', tags: ['   '] }), 'INVALID_INPUT');
    await expectError(call('createAnnotation', { start, end, color: 'key', tags: ['a,b'] }), 'INVALID_INPUT');
    expect(store.applied).toHaveLength(0);
  });

  it('refuses offsets that split a character in two', async () => {
    const text = `Emoji 😀 here`;
    const local = createServiceFromParts(buildReportModel(`Title 2021\n\n${text}`), new MemoryStore(), now);
    const start = `Title 2021\n\n`.length + text.indexOf('😀') + 1;
    await expectError(Promise.resolve(local.impl.createAnnotation({ start, end: start + 3, color: 'key' })), 'INVALID_INPUT');
  });

  it('trims tags and keeps one of each regardless of case, first spelling first', async () => {
    const { start, end } = range('Tier 2');
    const view = await call<AnnotationView>('createAnnotation', {
      start,
      end,
      color: 'key',
      tags: ['  TITP ', 'titp', 'Labor', 'LABOR', 'labor ', 'Children'],
      note: 'Check the 2022 report',
    });
    expect(view.tags).toEqual(['TITP', 'Labor', 'Children']);
    expect(view.note).toBe('Check the 2022 report');
  });

  it('resolves only after the store has made the annotation durable', async () => {
    const { start, end } = range('Tier 2');
    store.hold();
    let settled = false;
    const pending = call<AnnotationView>('createAnnotation', { start, end, color: 'key' }).then((v) => {
      settled = true;
      return v;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    expect(store.doc.annotations).toHaveLength(0);
    store.release();
    const view = await pending;
    expect(store.doc.annotations.map((a) => a.id)).toEqual([view.id]);
  });

  it('passes on a failed write as a typed error and keeps nothing', async () => {
    const { start, end } = range('Tier 2');
    store.failNext = new FieldmarkError('DISK_FULL', 'The disk is full; the annotation was not saved.');
    await expectError(call('createAnnotation', { start, end, color: 'key' }), 'DISK_FULL');
    expect(await call('listAnnotations')).toEqual([]);
  });

  it('refuses writes to a read-only store with READ_ONLY', async () => {
    const readOnly = createServiceFromParts(REPORT, new MemoryStore({ readOnly: true }), now);
    const { start, end } = range('Tier 2');
    await expectError(Promise.resolve(readOnly.impl.createAnnotation({ start, end, color: 'key' })), 'READ_ONLY');
    expect(await readOnly.impl.listAnnotations(undefined)).toEqual([]);
  });
});

describe('updateAnnotation, deleteAnnotation, restoreAnnotation', () => {
  let created: AnnotationView;
  beforeEach(async () => {
    const { start, end } = range('continued to abuse the government-operated Technical Intern Training Program');
    created = await call<AnnotationView>('createAnnotation', { start, end, color: 'key', tags: ['TITP'] });
  });

  it('changes colour, note and tags and bumps updatedAt only', async () => {
    const updated = await call<AnnotationView>('updateAnnotation', { id: created.id, color: 'gap', note: 'Line one\nLine two', tags: ['labour', ' TITP '] });
    expect(updated).toMatchObject({ color: 'gap', note: 'Line one\nLine two', tags: ['labour', 'TITP'], createdAt: created.createdAt, exact: created.exact });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    const stored = store.doc.annotations[0]!;
    expect(stored).toMatchObject({ color: 'gap', note: 'Line one\nLine two', codeIds: updated.codeIds });
    // The record holds code ids; the codes carry the names.
    expect(updated.codeIds.map((id) => store.doc.codes.find((c) => c.id === id)!.name)).toEqual(['labour', 'TITP']);
  });

  it('leaves absent fields alone and writes nothing when nothing changes', async () => {
    const writes = store.applied.length;
    const same = await call<AnnotationView>('updateAnnotation', { id: created.id, color: 'key', tags: ['TITP'] });
    expect(same.updatedAt).toBe(created.updatedAt);
    expect(store.applied).toHaveLength(writes);
    const noted = await call<AnnotationView>('updateAnnotation', { id: created.id, note: 'n' });
    expect(noted).toMatchObject({ color: 'key', tags: ['TITP'], note: 'n' });
  });

  it('keeps every change when updates to one annotation arrive together', async () => {
    await Promise.all([
      call('updateAnnotation', { id: created.id, color: 'statistic' }),
      call('updateAnnotation', { id: created.id, note: 'typed' }),
      call('updateAnnotation', { id: created.id, tags: ['a', 'b'] }),
    ]);
    expect(store.doc.annotations[0]).toMatchObject({ color: 'statistic', note: 'typed' });
    expect((await call<AnnotationView[]>('listAnnotations'))[0]!.tags).toEqual(['a', 'b']);
  });

  it('keeps every annotation when many are created at once', async () => {
    const views = await Promise.all(
      Array.from({ length: 25 }, (_, i) => call<AnnotationView>('createAnnotation', { start: 100 + i * 10, end: 105 + i * 10, color: 'key' })),
    );
    const listed = await call<AnnotationView[]>('listAnnotations');
    expect(new Set(listed.map((v) => v.id))).toEqual(new Set([created.id, ...views.map((v) => v.id)]));
  });

  it('deletes as a tombstone and restores it', async () => {
    const deleted = await call<AnnotationView>('deleteAnnotation', { id: created.id });
    expect(deleted.deletedAt).toBe(deleted.updatedAt);
    expect(store.doc.annotations).toHaveLength(1);
    expect(store.doc.annotations[0]!.deletedAt).toBe(deleted.deletedAt);
    const listed = await call<AnnotationView[]>('listAnnotations');
    expect(listed.map((v) => [v.id, v.deletedAt])).toEqual([[created.id, deleted.deletedAt]]);

    const restored = await call<AnnotationView>('restoreAnnotation', { id: created.id });
    expect(restored.deletedAt).toBeNull();
    expect(restored).toMatchObject({ color: created.color, tags: created.tags, exact: created.exact });
  });

  it('treats deleting a deleted annotation and restoring a live one as no change', async () => {
    const deleted = await call<AnnotationView>('deleteAnnotation', { id: created.id });
    const writes = store.applied.length;
    expect(await call<AnnotationView>('deleteAnnotation', { id: created.id })).toEqual(deleted);
    await call('restoreAnnotation', { id: created.id });
    expect(await call<AnnotationView>('restoreAnnotation', { id: created.id })).toMatchObject({ deletedAt: null });
    expect(store.applied).toHaveLength(writes + 1);
  });

  it('refuses to edit a deleted annotation until it is restored', async () => {
    await call('deleteAnnotation', { id: created.id });
    const error = await expectError(call('updateAnnotation', { id: created.id, note: 'x' }), 'NOT_FOUND');
    expect(error.message).toMatch(/Restore/);
    expect(store.doc.annotations[0]!.note).toBe('');
  });

  it('answers NOT_FOUND for an unknown id and INVALID_INPUT for a malformed one', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const method of ['updateAnnotation', 'deleteAnnotation', 'restoreAnnotation']) {
      await expectError(call(method, { id: unknown }), 'NOT_FOUND');
      await expectError(call(method, { id: 'not-a-uuid' }), 'INVALID_INPUT');
    }
  });
});

describe('listAnnotations and listTags', () => {
  it('lists tombstones too, in document order with ties by creation time', async () => {
    const late = range('PROTECTION');
    const early = range('JAPAN: Tier 2');
    const a = await call<AnnotationView>('createAnnotation', { ...late, color: 'key' });
    const b = await call<AnnotationView>('createAnnotation', { ...early, color: 'key' });
    const c = await call<AnnotationView>('createAnnotation', { ...early, color: 'gap' });
    await call('deleteAnnotation', { id: b.id });
    const listed = await call<AnnotationView[]>('listAnnotations');
    expect(listed.map((v) => v.id)).toEqual([b.id, c.id, a.id]);
    expect(listed[0]!.deletedAt).not.toBeNull();
  });

  it('counts tags over live annotations, most used first, then by name', async () => {
    const make = (phrase: string, tags: string[]) => call<AnnotationView>('createAnnotation', { ...range(phrase), color: 'key', tags });
    await make('PROSECUTION', ['TITP', 'labor']);
    await make('PROTECTION', ['titp', 'children']);
    await make('PREVENTION', ['Titp', 'Budget', 'labor']);
    const gone = await make('TRAFFICKING PROFILE', ['deleted-only', 'labor']);
    await call('deleteAnnotation', { id: gone.id });
    expect(await call('listTags')).toEqual([
      { tag: 'TITP', count: 3 },
      { tag: 'labor', count: 2 },
      { tag: 'Budget', count: 1 },
      { tag: 'children', count: 1 },
    ]);
  });

  it('treats "TITP", "titp" and full-width "ＴＩＴＰ" as one tag when creating and listing', async () => {
    const make = (phrase: string, tags: string[]) => call<AnnotationView>('createAnnotation', { ...range(phrase), color: 'key', tags });
    const one = await make('PROSECUTION', ['TITP', 'titp', 'ＴＩＴＰ']);
    expect(one.tags).toEqual(['TITP']);
    await make('PROTECTION', ['titp']);
    await make('PREVENTION', ['ＴＩＴＰ', 'visa']);
    expect(await call('listTags')).toEqual([
      { tag: 'TITP', count: 3 },
      { tag: 'visa', count: 1 },
    ]);
    // One code per tag: it keeps the first spelling it was made with, whatever spelling names it later.
    const edited = await call<AnnotationView>('updateAnnotation', { id: one.id, tags: ['ＴＩＴＰ', 'Titp', 'visa'] });
    expect(edited.tags).toEqual(['TITP', 'visa']);
    expect(store.doc.codes.map((c) => c.name)).toEqual(['TITP', 'visa']);
  });
});

describe('uniqueTags', () => {
  it('compares tags in Unicode normal form', () => {
    expect(uniqueTags(['Caf\u00e9', 'cafe\u0301', 'CAFÉ'])).toEqual(['Caf\u00e9']);
  });
});
