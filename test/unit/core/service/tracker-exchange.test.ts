/**
 * Links and assessments through the exchange (issue 14), on real data folders:
 * the W3C export carries them, an import into an EMPTY data folder gives the
 * same tracker and the same links, the preview shows them as `link` and
 * `assessment` items (a link to a highlight that is nowhere as an orphan that is
 * not created), a second import changes nothing, an undo takes them back, a
 * backup and restore keeps them, and the tracker exports as CSV and Markdown.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AnnotationView,
  AssessmentImportItem,
  FileOutput,
  ImportPreview,
  ImportResult,
  LinkImportItem,
  RecommendationView,
} from '../../../../preload/contract';
import { loadReport } from '../../../../main/core/report/report-model';
import { openService, type Service } from '../../../../main/core/service/service';
import { readCsv } from '../exchange/csv-reader';

const ASSETS = path.resolve(import.meta.dirname, '../../../../assets');
const REPORT = await loadReport(ASSETS);

const folders: string[] = [];
const opened: Service[] = [];
afterEach(async () => {
  for (const service of opened.splice(0)) await service.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function open(): Promise<Service> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fieldmark-tracker-'));
  folders.push(dataDir);
  const service = await openService({ assetsDir: ASSETS, dataDir });
  opened.push(service);
  return service;
}

const call = async <T>(service: Service, method: keyof Service['impl'], input?: unknown): Promise<T> =>
  (await (service.impl[method] as (i: unknown) => unknown)(input ?? undefined)) as T;

function at(quote: string): { start: number; end: number } {
  const start = REPORT.text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + quote.length };
}

/** A data folder with 4 annotations (one in the trash), 4 links (one unlinked again) and 3 assessments. */
async function tracked(): Promise<{ service: Service; ids: string[] }> {
  const service = await open();
  const quotes = ['Technical Intern Training Program', 'JAPAN: Tier 2', 'The Government of Japan does not fully meet the minimum standards', 'forced labor'];
  const ids: string[] = [];
  for (const q of quotes) ids.push((await call<AnnotationView>(service, 'createAnnotation', { ...at(q), color: 'gap', note: `on ${q}` })).id);
  await call(service, 'updateSettings', { assessor: 'Aiko Tanaka' });
  await call(service, 'linkAnnotation', { from: ids[0], to: { recommendation: 'rec-3' }, relation: 'gap' });
  await call(service, 'linkAnnotation', { from: ids[1], to: { recommendation: 'rec-1' }, relation: 'progress' });
  await call(service, 'linkAnnotation', { from: ids[2], to: { annotation: ids[0] }, relation: 'supports' });
  await call(service, 'linkAnnotation', { from: ids[3], to: { recommendation: 'rec-3' }, relation: 'context' });
  await call(service, 'unlinkAnnotation', { from: ids[3], to: { recommendation: 'rec-3' }, relation: 'context' });
  await call(service, 'updateRecommendation', { id: 'rec-1', status: 'partial', rationale: 'Some prosecutions,\nfew convictions.' });
  await call(service, 'updateRecommendation', { id: 'rec-3', status: 'no-progress', title: '=HYPERLINK("x")' });
  await call(service, 'updateRecommendation', { id: 'rec-12', status: 'implemented' });
  // Evidence in the trash: listed as deleted, not counted, and it must survive the trip too.
  await call(service, 'deleteAnnotation', { id: ids[1] });
  return { service, ids };
}

/** Each annotation's links, in a fixed order (the view lists them in the order they were written). */
const linksOf = (views: AnnotationView[]) => views.map((v) => ({ id: v.id, links: v.links.map((l) => JSON.stringify(l)).sort() }));

describe('links and assessments through the W3C export and import', () => {
  it('imports into an empty data folder as the same tracker and the same links', async () => {
    const { service } = await tracked();
    const file = await call<FileOutput>(service, 'exportAnnotations');
    const fresh = await open();
    const preview = await call<ImportPreview>(fresh, 'previewImport', { content: file.content });
    const links = preview.items.filter((i): i is LinkImportItem => i.entity === 'link');
    const assessments = preview.items.filter((i): i is AssessmentImportItem => i.entity === 'assessment');
    expect(links.map((l) => l.kind).sort()).toEqual(['deleted', 'new', 'new', 'new']);
    expect(assessments.map((a) => [a.id, a.kind, a.status])).toEqual([
      ['rec-1', 'new', 'partial'],
      ['rec-3', 'new', 'no-progress'],
      ['rec-12', 'new', 'implemented'],
    ]);
    expect(links.find((l) => l.relation === 'gap')!.toLabel).toBe('Recommendation 3: =HYPERLINK("x")');
    const result = await call<ImportResult>(fresh, 'commitImport', { id: preview.id });
    // Every link item that applies is written (the file's tombstoned link is one of them when it applies).
    expect(result).toMatchObject({ linksApplied: links.filter((l) => l.applies).length, assessmentsApplied: 3 });
    expect(result.linksApplied).toBeGreaterThanOrEqual(3);
    const tracker = await call<RecommendationView[]>(service, 'listRecommendations');
    expect(tracker[0]!.links).toEqual([expect.objectContaining({ relation: 'progress', deleted: true })]);
    expect(await call<RecommendationView[]>(fresh, 'listRecommendations')).toEqual(tracker);
    expect(linksOf(await call(fresh, 'listAnnotations'))).toEqual(linksOf(await call(service, 'listAnnotations')));
  });

  it('changes nothing when the same file is imported again, and undo takes the links and assessments back', async () => {
    const { service } = await tracked();
    const file = await call<FileOutput>(service, 'exportAnnotations');
    const again = await call<ImportPreview>(service, 'previewImport', { content: file.content });
    expect(again.items.filter((i) => i.entity !== 'annotation' && i.applies)).toEqual([]);

    const fresh = await open();
    const preview = await call<ImportPreview>(fresh, 'previewImport', { content: file.content });
    await call(fresh, 'commitImport', { id: preview.id });
    await call(fresh, 'undoImport', { id: preview.id });
    const recs = await call<RecommendationView[]>(fresh, 'listRecommendations');
    expect(recs.filter((r) => r.status !== 'not-assessed' || r.links.length > 0)).toEqual([]);
  });

  it('keeps a rejected assessment out, and leaves out a link whose highlight was rejected', async () => {
    const { service, ids } = await tracked();
    const file = await call<FileOutput>(service, 'exportAnnotations');
    const fresh = await open();
    const preview = await call<ImportPreview>(fresh, 'previewImport', { content: file.content });
    await call(fresh, 'commitImport', { id: preview.id, reject: ['rec-12', ids[1]] });
    const recs = await call<RecommendationView[]>(fresh, 'listRecommendations');
    expect(recs.find((r) => r.id === 'rec-12')!.status).toBe('not-assessed');
    expect(recs.find((r) => r.id === 'rec-1')!.links).toEqual([]);
    expect(recs.find((r) => r.id === 'rec-3')!.links).toHaveLength(1);
  });

  it('previews a link to a highlight that is neither in the file nor here as an orphan, and does not create it', async () => {
    const { service, ids } = await tracked();
    const file = JSON.parse((await call<FileOutput>(service, 'exportAnnotations')).content) as { first: { items: Array<{ id: string }> } };
    file.first.items = file.first.items.filter((item) => item.id !== `urn:uuid:${ids[0]}`);
    const fresh = await open();
    const preview = await call<ImportPreview>(fresh, 'previewImport', { content: JSON.stringify(file) });
    const orphan = preview.items.find((i): i is LinkImportItem => i.entity === 'link' && i.relation === 'supports')!;
    expect(orphan).toMatchObject({ kind: 'orphan', applies: false, reason: expect.stringMatching(/^Links to a highlight that is neither in the file nor here/) });
    await call(fresh, 'commitImport', { id: preview.id });
    const views = await call<AnnotationView[]>(fresh, 'listAnnotations');
    expect(views.flatMap((v) => v.links).filter((l) => l.relation === 'supports')).toEqual([]);
  });

  it('keeps links and assessments through a backup and a restore', async () => {
    const { service } = await tracked();
    const backup = await call<FileOutput>(service, 'exportBackup');
    const fresh = await open();
    await call(fresh, 'restoreBackup', { content: backup.content });
    expect(await call<RecommendationView[]>(fresh, 'listRecommendations')).toEqual(await call<RecommendationView[]>(service, 'listRecommendations'));
    expect(linksOf(await call(fresh, 'listAnnotations'))).toEqual(linksOf(await call(service, 'listAnnotations')));
  });
});

describe('exportTracker', () => {
  it('writes a CSV with the columns, one row per recommendation, the status in words and formulas neutralised', async () => {
    const { service } = await tracked();
    const { filename, content } = await call<FileOutput>(service, 'exportTracker', { format: 'csv' });
    expect(filename).toMatch(/\.csv$/u);
    expect(content.startsWith('\uFEFF')).toBe(true);
    const rows = readCsv(content.slice(1));
    expect(rows[0]).toEqual(['id', 'title', 'status', 'rationale', 'progress', 'gap', 'context', 'evidence', 'assessedAt']);
    expect(rows).toHaveLength(13);
    const rec3 = rows.find((r) => r[0] === 'rec-3')!;
    expect(rec3.slice(1, 7)).toEqual([`'=HYPERLINK("x")`, 'No progress', '', '0', '1', '0']);
    expect(rec3[7]).toMatch(/^[A-Z][^\n]* ¶\d+: Technical Intern Training Program$/u);
    expect(rows.find((r) => r[0] === 'rec-1')!.slice(2, 4)).toEqual(['Partly addressed', 'Some prosecutions,\nfew convictions.']);
    expect(rows.find((r) => r[0] === 'rec-2')![2]).toBe('Not assessed');
  });

  it('writes Markdown with the table and each recommendation', async () => {
    const { service } = await tracked();
    const { content } = await call<FileOutput>(service, 'exportTracker', { format: 'markdown' });
    expect(content).toContain('| 1 |');
    expect(content).toContain('Partly addressed');
    expect(content).toMatch(/Evidence of a gap:\n\n- [^\n]+ ¶\d+: “Technical Intern Training Program”/u);
  });

  it('adds the assessment section and the links to the annotations export only when asked', async () => {
    const { service } = await tracked();
    const plain = await call<FileOutput>(service, 'exportMarkdown', {});
    expect(plain.content).not.toContain('## Recommendation assessment');
    expect(plain.content).toMatch(/- Evidence of a gap for Recommendation 3: =HYPERLINK\\?\("x"\)/u);
    expect(plain.content).toMatch(/- Supports: [^\n]+ ¶\d+ “Technical Intern Training Program”/u);
    expect(plain.content).toMatch(/- Supported by: /u);
    const full = await call<FileOutput>(service, 'exportMarkdown', { includeAssessment: true });
    expect(full.content).toContain('## Recommendation assessment');
    expect(full.content).toContain('### Recommendation 12: ');
  });
});
