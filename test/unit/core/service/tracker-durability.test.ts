/**
 * Links and assessments on disk (issue 14): they survive a restart of a real
 * data folder (journal, then compacted snapshot) and an exportBackup →
 * restoreBackup into an empty folder.
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationView, RecommendationView } from '../../../../preload/contract';
import { openService, type Service } from '../../../../main/core/service/service';
import { JOURNAL_FILE, SNAPSHOT_FILE } from '../../../../main/core/store/journal-adapter';
import { REPO_ROOT, tempDir } from '../../../support/store-fixtures';

const ASSETS = path.join(REPO_ROOT, 'assets');
const open: Service[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const c of cleanups.splice(0)) await c();
});

async function folder(): Promise<string> {
  const { dir, cleanup } = await tempDir('fieldmark-tracker-');
  cleanups.push(cleanup);
  return dir;
}

async function serviceIn(dataDir: string): Promise<Service> {
  const s = await openService({ assetsDir: ASSETS, dataDir });
  open.push(s);
  return s;
}

/** Two highlights, linked to each other and to recommendations, one deleted, and two assessments. */
async function seed(s: Service): Promise<void> {
  const api = s.impl;
  const text = (await api.getReport(undefined)).text;
  const at = (q: string) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length });
  await api.updateSettings({ assessor: 'R. Reviewer' });
  const a = await api.createAnnotation({ ...at('Technical Intern Training Program'), color: 'gap' });
  const b = await api.createAnnotation({ ...at('forced labor'), color: 'progress' });
  await api.linkAnnotation({ from: a.id, to: { recommendation: 'rec-3' }, relation: 'gap' });
  await api.linkAnnotation({ from: b.id, to: { recommendation: 'rec-7' }, relation: 'progress' });
  await api.linkAnnotation({ from: a.id, to: { annotation: b.id }, relation: 'contradicts' });
  await api.linkAnnotation({ from: b.id, to: { recommendation: 'rec-1' }, relation: 'context' });
  await api.unlinkAnnotation({ from: b.id, to: { recommendation: 'rec-1' }, relation: 'context' });
  await api.deleteAnnotation({ id: b.id });
  await api.updateRecommendation({ id: 'rec-3', status: 'partial', rationale: 'Screening exists;\nreferral does not.' });
  await api.updateRecommendation({ id: 'rec-7', title: 'TITP oversight', status: 'substantial' });
}

/** What the tracker and the cards show. */
async function seen(s: Service): Promise<{ recs: RecommendationView[]; links: Array<Pick<AnnotationView, 'exact' | 'links' | 'deletedAt'>> }> {
  const recs = await s.impl.listRecommendations(undefined);
  const views = await s.impl.listAnnotations(undefined);
  return { recs, links: views.map((v) => ({ exact: v.exact, links: v.links, deletedAt: v.deletedAt })) };
}

describe('links and assessments are durable', () => {
  it('are all there after a restart, from the journal and then from the compacted snapshot', async () => {
    const dir = await folder();
    const first = await serviceIn(dir);
    await seed(first);
    const expected = await seen(first);
    expect(expected.recs.find((r) => r.id === 'rec-3')).toMatchObject({ status: 'partial', assessedBy: 'R. Reviewer', evidence: { gap: 1, progress: 0, context: 0 } });
    expect(expected.recs.find((r) => r.id === 'rec-7')).toMatchObject({ title: 'TITP oversight', links: [expect.objectContaining({ deleted: true })] });
    // a: rec-3 and the link out to b; b: rec-7 and the same link, in (the unlinked rec-1 is gone).
    expect(expected.links.flatMap((v) => v.links)).toHaveLength(4);
    await first.close();
    open.splice(open.indexOf(first), 1);
    const second = await serviceIn(dir);
    expect(await seen(second)).toEqual(expected);
    await second.close();
    open.splice(open.indexOf(second), 1);
    expect(await seen(await serviceIn(dir))).toEqual(expected);
  });

  it('are replayed from the journal alone, as after a crash before any compaction', async () => {
    const dir = await folder();
    const live = await serviceIn(dir);
    await seed(live);
    const expected = await seen(live);
    // A copy taken while the writes are still only in the journal (the live folder stays locked and open).
    const copy = await folder();
    for (const file of [SNAPSHOT_FILE, JOURNAL_FILE]) await copyFile(path.join(dir, file), path.join(copy, file));
    const journal = await readFile(path.join(copy, JOURNAL_FILE), 'utf8');
    expect(journal).toContain('"putLinks"');
    expect(journal).toContain('"putAssessments"');
    expect(await seen(await serviceIn(copy))).toEqual(expected);
  });

  it('survive exportBackup → restoreBackup into an empty data folder', async () => {
    const source = await serviceIn(await folder());
    await seed(source);
    const expected = await seen(source);
    const backup = await source.impl.exportBackup(undefined);
    const target = await serviceIn(await folder());
    expect((await target.impl.listRecommendations(undefined)).every((r) => r.status === 'not-assessed')).toBe(true);
    await target.impl.restoreBackup({ content: backup.content });
    expect(await seen(target)).toEqual(expected);
    expect((await target.impl.getSettings(undefined)).assessor).toBe('R. Reviewer');
  });
});
