/**
 * Issue 16, sensitivity and audiences through the whole service (dispatcher,
 * in-memory store): the mark on create, update and settings; every export for
 * 'share' leaves private annotations out (with their links and codings) and
 * withholds sensitive notes; 'self' carries everything; an import never lets a
 * withheld note replace ours, keeps a file's marks, and writes a file's private
 * annotations only when ticked; reviewShare counts and finds personal data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { contract, type AnnotationView, type FileOutput, type ImportPreview, type ImportResult, type Settings, type ShareReview } from '../../../../preload/contract';
import { FieldmarkError, createDispatcher } from '../../../../preload/rpc';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../../main/core/service/service';
import { MemoryStore } from '../../../support/memory-store';
import { readCsv } from '../exchange/csv-reader';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const REPORT = buildReportModel(TEXT);

function host() {
  let clock = 0;
  const store = new MemoryStore();
  const dispatch = createDispatcher(contract, createServiceFromParts(REPORT, store, () => new Date(clock++ * 1000 + Date.UTC(2024, 0, 1))).impl);
  const call = async <T,>(method: string, input?: unknown): Promise<T> => {
    const envelope = await dispatch(method, input ?? null);
    if (!envelope.ok) throw new FieldmarkError(envelope.error.code, envelope.error.message);
    return envelope.value as T;
  };
  return { store, call };
}
type Host = ReturnType<typeof host>;

function at(quote: string): { start: number; end: number } {
  const start = TEXT.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + quote.length };
}

const PRIVATE_NOTE = 'Shelter director said the broker is Mr K.';
const SENSITIVE_NOTE = 'Source: call Aiko on 090-1234-5678';
const NORMAL_NOTE = 'Compare with 2020 figures.';

/** Three annotations, one of each mark, each with a code; the private one linked to a recommendation and to the normal one. */
async function seed(h: Host) {
  const create = (quote: string, note: string, tags: string[], sensitivity?: string) =>
    h.call<AnnotationView>('createAnnotation', { ...at(quote), color: 'gap', note, tags, ...(sensitivity ? { sensitivity } : {}) });
  const normal = await create('Technical Intern Training Program', NORMAL_NOTE, ['Labour/TITP']);
  const sensitive = await create('does not fully meet the minimum standards', SENSITIVE_NOTE, ['Labour/Debt'], 'sensitive');
  const secret = await create('forced labor', PRIVATE_NOTE, ['Hunch'], 'private');
  await h.call('linkAnnotation', { from: secret.id, to: { recommendation: 'rec-1' }, relation: 'gap' });
  await h.call('linkAnnotation', { from: secret.id, to: { annotation: normal.id }, relation: 'supports' });
  await h.call('linkAnnotation', { from: normal.id, to: { annotation: secret.id }, relation: 'same-issue' });
  return { normal, sensitive, secret };
}

let h: Host;
let ids: Awaited<ReturnType<typeof seed>>;
beforeEach(async () => {
  h = host();
  ids = await seed(h);
});

describe('sensitivity on every annotation', () => {
  it('is returned by create and update, defaults to the setting, and reads a stored record without it as normal', async () => {
    expect([ids.normal.sensitivity, ids.sensitive.sensitivity, ids.secret.sensitivity]).toEqual(['normal', 'sensitive', 'private']);
    const settings = await h.call<Settings>('updateSettings', { defaultSensitivity: 'sensitive' });
    expect(settings.defaultSensitivity).toBe('sensitive');
    const made = await h.call<AnnotationView>('createAnnotation', { ...at('victim identification'), color: 'key' });
    expect(made.sensitivity).toBe('sensitive');
    const changed = await h.call<AnnotationView>('updateAnnotation', { id: made.id, sensitivity: 'private' });
    expect(changed.sensitivity).toBe('private');
    expect(changed.updatedAt > made.updatedAt).toBe(true);
    // A record written before issue 16 has no field at all.
    const record = h.store.doc.annotations.find((a) => a.id === ids.normal.id)!;
    expect(record.sensitivity).toBe('normal');
    delete record.sensitivity;
    const [listed] = (await h.call<AnnotationView[]>('listAnnotations')).filter((v) => v.id === ids.normal.id);
    expect(listed!.sensitivity).toBe('normal');
  });

  it('writes nothing when the mark is already what the update asks', async () => {
    const writes = h.store.applied.length;
    await h.call('updateAnnotation', { id: ids.sensitive.id, sensitivity: 'sensitive' });
    expect(h.store.applied).toHaveLength(writes);
  });
});

describe('exports for sharing', () => {
  it('Markdown: no private annotation, no sensitive note, "[note withheld]" in its place; self has everything', async () => {
    const shared = (await h.call<FileOutput>('exportMarkdown', {})).content;
    expect(shared).not.toContain(PRIVATE_NOTE);
    expect(shared).not.toContain('forced labor');
    expect(shared).not.toContain('Hunch');
    expect(shared).not.toContain('090-1234-5678');
    expect(shared).toContain('[note withheld]');
    expect(shared).toContain('does not fully meet the minimum standards');
    expect(shared).toContain('Labour/Debt');
    expect(shared).toContain(NORMAL_NOTE);
    const own = (await h.call<FileOutput>('exportMarkdown', { audience: 'self' })).content;
    for (const text of [PRIVATE_NOTE, SENSITIVE_NOTE, NORMAL_NOTE, 'Hunch']) expect(own).toContain(text);
    expect(own).not.toContain('[note withheld]');
  });

  it('W3C: the private annotation and its links are gone; the sensitive one has no note and is marked withheld', async () => {
    const file = JSON.parse((await h.call<FileOutput>('exportAnnotations')).content) as { first: { items: Array<Record<string, unknown>> } };
    const items = file.first.items;
    const text = JSON.stringify(file);
    expect(items).toHaveLength(2);
    expect(text).not.toContain(ids.secret.id);
    expect(text).not.toContain(PRIVATE_NOTE);
    expect(text).not.toContain(SENSITIVE_NOTE);
    const sensitive = items.find((i) => i.id === `urn:uuid:${ids.sensitive.id}`)!;
    expect(sensitive['fieldmark:noteWithheld']).toBe(true);
    expect(sensitive['fieldmark:sensitivity']).toBe('sensitive');
    expect(sensitive.motivation).toBe('highlighting');
    expect(JSON.stringify(sensitive.body)).toContain('Labour/Debt');
    const normal = items.find((i) => i.id === `urn:uuid:${ids.normal.id}`)!;
    expect(normal['fieldmark:noteWithheld']).toBeUndefined();
    // Its link to the private annotation went with it; the file names no linking body at all.
    expect(JSON.stringify(normal.body)).not.toContain('linking');
    const own = JSON.parse((await h.call<FileOutput>('exportAnnotations', { audience: 'self' })).content) as typeof file;
    expect(own.first.items).toHaveLength(3);
    expect(JSON.stringify(own)).toContain(PRIVATE_NOTE);
    expect(own.first.items.find((i) => i.id === `urn:uuid:${ids.secret.id}`)!['fieldmark:sensitivity']).toBe('private');
  });

  it('tracker and codebook: the private annotation is not evidence and its coding is not counted', async () => {
    // Recommendation 1's table row ends with its progress, gap and context counts.
    const gapCount = (markdown: string) => /^\| 1 \|.*\| (\d+) \| (\d+) \| (\d+) \|$/mu.exec(markdown)?.[2];
    const shared = (await h.call<FileOutput>('exportTracker', { format: 'markdown' })).content;
    const own = (await h.call<FileOutput>('exportTracker', { format: 'markdown', audience: 'self' })).content;
    expect([gapCount(own), gapCount(shared)]).toEqual(['1', '0']);
    expect(own).toContain('Evidence of a gap');
    expect(shared).not.toContain('Evidence of a gap');
    const codebook = (await h.call<FileOutput>('exportCodebook', { format: 'csv' })).content;
    const ownCodebook = (await h.call<FileOutput>('exportCodebook', { format: 'csv', audience: 'self' })).content;
    // Columns: id, path, name, parent path, definition, colour, codable, count, total.
    const hunchCounts = (csv: string) => readCsv(csv.replace(/^\uFEFF/u, '')).find((row) => row[1] === 'Hunch')?.slice(7);
    expect(hunchCounts(ownCodebook)).toEqual(['1', '1']);
    expect(hunchCounts(codebook)).toEqual(['0', '0']);
  });

  it('briefing: its downloads and its preview are shared by default, without the private annotation or the sensitive note; self has both', async () => {
    const options = { title: 'Labour briefing', groupBy: 'section', format: 'markdown' };
    const shared = (await h.call<FileOutput>('exportBriefing', options)).content;
    expect(shared).not.toContain(PRIVATE_NOTE);
    expect(shared).not.toContain(SENSITIVE_NOTE);
    expect(shared).toContain('[note withheld]');
    expect(shared).toContain(NORMAL_NOTE);
    // The preview, which Print / Save as PDF writes, is for sharing too.
    const preview = JSON.stringify(await h.call('getBriefing', { title: 'Labour briefing', groupBy: 'section' }));
    expect(preview).not.toContain(PRIVATE_NOTE);
    expect(preview).not.toContain(SENSITIVE_NOTE);
    const own = (await h.call<FileOutput>('exportBriefing', { ...options, audience: 'self' })).content;
    expect(own).toContain(PRIVATE_NOTE);
    expect(own).toContain(SENSITIVE_NOTE);
  });

  it('REFI-QDA project: no private selection, the sensitive one with no note and an XSD-valid Description mark', async () => {
    const out = await h.call<{ contentBase64: string }>('exportProject', { format: 'qdpx' });
    const xml = strFromU8(unzipSync(Buffer.from(out.contentBase64, 'base64'))['project.qde']!);
    expect(xml).not.toContain(ids.secret.id);
    expect(xml).not.toContain(PRIVATE_NOTE);
    expect(xml).not.toContain('090-1234-5678');
    expect(xml).toMatch(new RegExp(`<PlainTextSelection guid="${ids.sensitive.id}"[^>]*>\\s*<Description>\\[note withheld\\]</Description>\\s*<Coding`, 'u'));
    expect(xml).toContain(NORMAL_NOTE);
  });

  it('reviewShare counts what is left out and finds personal data only in notes that go', async () => {
    await h.call('updateAnnotation', { id: ids.normal.id, note: 'Mail ngo.staff@example.org or +63 917 123 4567 about case 2021-0045123.' });
    const review = await h.call<ShareReview>('reviewShare');
    expect(review.privateCount).toBe(1);
    expect(review.sensitiveNoteCount).toBe(1);
    expect(review.hits.map((hit) => [hit.kind, hit.match])).toEqual([
      ['email', 'ngo.staff@example.org'],
      ['phone', '+63 917 123 4567'],
      ['digits', '2021-0045123'],
    ]);
    for (const hit of review.hits) expect(hit.note.slice(hit.start, hit.end)).toBe(hit.match);
    const scoped = await h.call<ShareReview>('reviewShare', { ids: [ids.sensitive.id] });
    expect(scoped).toEqual({ privateCount: 0, sensitiveNoteCount: 1, hits: [] });
  });
});

describe('importing a shared file back', () => {
  it('keeps the owner’s sensitive note when a colleague changed the colour, whatever the dates', async () => {
    const shared = JSON.parse((await h.call<FileOutput>('exportAnnotations')).content) as { first: { items: Array<Record<string, unknown>> } };
    // The colleague makes the highlight a question, later than any edit here.
    const item = shared.first.items.find((i) => i.id === `urn:uuid:${ids.sensitive.id}`)!;
    const target = item.target as { styleClass: string };
    target.styleClass = 'fieldmark-question';
    item.modified = '2030-01-01T00:00:00.000Z';
    const preview = await h.call<ImportPreview>('previewImport', { content: JSON.stringify(shared) });
    const planned = preview.items.find((i) => i.id === ids.sensitive.id)!;
    expect(planned).toMatchObject({ kind: 'updated', applies: true, sensitivity: 'sensitive' });
    await h.call<ImportResult>('commitImport', { id: preview.id });
    const after = (await h.call<AnnotationView[]>('listAnnotations')).find((v) => v.id === ids.sensitive.id)!;
    expect(after.color).toBe('question');
    expect(after.note).toBe(SENSITIVE_NOTE);
    expect(after.sensitivity).toBe('sensitive');
  });

  it('brings a file’s private annotation only when ticked, with its mark', async () => {
    const own = (await h.call<FileOutput>('exportAnnotations', { audience: 'self' })).content;
    const other = host();
    const preview = await other.call<ImportPreview>('previewImport', { content: own });
    const item = preview.items.find((i) => i.id === ids.secret.id)!;
    expect(item).toMatchObject({ entity: 'annotation', kind: 'new', applies: false, sensitivity: 'private' });
    expect(item.reason).toMatch(/private/u);
    const result = await other.call<ImportResult>('commitImport', { id: preview.id });
    expect(result.applied).toBe(2);
    expect((await other.call<AnnotationView[]>('listAnnotations')).map((v) => v.id)).not.toContain(ids.secret.id);

    const again = await other.call<ImportPreview>('previewImport', { content: own });
    await other.call<ImportResult>('commitImport', { id: again.id, accept: [ids.secret.id] });
    const ticked = (await other.call<AnnotationView[]>('listAnnotations')).find((v) => v.id === ids.secret.id)!;
    expect(ticked).toMatchObject({ sensitivity: 'private', note: PRIVATE_NOTE });
    const sensitive = (await other.call<AnnotationView[]>('listAnnotations')).find((v) => v.id === ids.sensitive.id)!;
    expect(sensitive.sensitivity).toBe('sensitive');
  });
});
