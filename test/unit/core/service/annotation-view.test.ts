import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotationView } from '../../../../preload/contract';
import { annotationView, compareViews, createViewCache, sourceFor } from '../../../../main/core/service/annotation-view';
import { quoteSelectorFor } from '../../../../main/core/anchoring/quote-selector';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../../main/core/service/service';
import { applyOps, emptyDoc, type StoreOp, type StoredAnnotation } from '../../../../main/core/store/store-schema';
import { MemoryStore } from '../../../support/memory-store';
import { codebookOf } from '../../../../main/core/store/codebook';
import { resolveCodePaths } from '../../../../main/core/store/code-resolve';
import { assemble } from '../../../support/revised-text';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const REPORT = buildReportModel(TEXT);

let counter = 0;
function recordAt(start: number, end: number, over: Partial<StoredAnnotation> = {}, text = TEXT): StoredAnnotation {
  counter++;
  const sha = text === TEXT ? REPORT.sha256 : buildReportModel(text).sha256;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    createdAt: `2024-01-01T00:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    updatedAt: `2024-01-01T00:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    deletedAt: null,
    color: 'key',
    note: '',
    codeIds: [],
    target: {
      source: sourceFor(sha),
      sha256: sha,
      selector: [{ type: 'TextPositionSelector', start, end }, quoteSelectorFor(text, start, end)],
    },
    ...over,
  };
}
const recordFor = (phrase: string, over: Partial<StoredAnnotation> = {}) => {
  const start = TEXT.indexOf(phrase);
  return recordAt(start, start + phrase.length, over);
};

describe('annotationView', () => {
  it('shows an annotation made against this text as stored, with its citation', () => {
    const men = resolveCodePaths([], ['men'], { now: '2024-01-01T00:00:00.000Z', newId: () => '00000000-0000-4000-8000-0000000000aa' });
    const record = recordFor('Increase efforts to identify male victims of sex trafficking', { codeIds: men.codeIds, note: 'n' });
    const book = codebookOf(men.created);
    const view = annotationView(REPORT, record, { status: 'exact', start: record.target.selector[0].start, end: record.target.selector[0].end, score: 1 }, book);
    expect(view).toMatchObject({
      id: record.id,
      exact: record.target.selector[1].exact,
      citation: 'Prioritized Recommendations ¶5',
      section: 'recommendations',
      paragraph: 5,
      tags: ['men'],
      codeIds: men.codeIds,
      note: 'n',
      anchor: { status: 'exact', score: 1 },
    });
    expect(view.target).toEqual(record.target);
  });
});

describe('re-anchoring on load', () => {
  // The stored annotations were made against an earlier edition: the current
  // report lacks a sentence the earlier one had at the start of Prosecution ¶2.
  const EXTRA = 'An earlier count listed more cases. ';
  const p2 = REPORT.byId.get('prosecution-p2')!;
  const earlier = assemble(TEXT, [{ from: 0, to: p2.start }, { insert: EXTRA }, { from: p2.start, to: TEXT.length }]).text;
  const earlierRecord = (phrase: string) => {
    const start = earlier.indexOf(phrase);
    return recordAt(start, start + phrase.length, {}, earlier);
  };

  it('moves, keeps or orphans each annotation and says so in its view', async () => {
    const before = earlierRecord('The government maintained inadequate law enforcement efforts.');
    const after = earlierRecord('Despite the known prevalence of forced labor indicators');
    const removed = earlierRecord('An earlier count listed more cases.');
    const doc = emptyDoc();
    doc.annotations.push(before, after, removed);
    const service = createServiceFromParts(REPORT, new MemoryStore({ doc }));
    const views = (await service.impl.listAnnotations(undefined)) as AnnotationView[];
    const byId = new Map(views.map((v) => [v.id, v]));

    // Before the edit: same offsets, but the text's hash changed, so the target is re-based.
    expect(byId.get(before.id)).toMatchObject({ anchor: { status: 'exact', score: 1 }, start: before.target.selector[0].start });
    expect(byId.get(before.id)!.target.sha256).toBe(REPORT.sha256);

    const moved = byId.get(after.id)!;
    expect(moved.anchor.status).toBe('moved');
    expect(moved.start).toBe(after.target.selector[0].start - EXTRA.length);
    expect(TEXT.slice(moved.start, moved.end)).toBe(after.target.selector[1].exact);
    expect(moved.target).toMatchObject({ sha256: REPORT.sha256, source: sourceFor(REPORT.sha256) });
    expect(moved.citation).toBe('Prosecution ¶3');

    const orphan = byId.get(removed.id)!;
    expect(orphan.anchor.status).toBe('orphan');
    expect(orphan.anchor.score).toBeLessThan(0.5);
    expect(orphan).toMatchObject({ exact: 'An earlier count listed more cases.', start: removed.target.selector[0].start });
    expect(orphan.target).toEqual(removed.target);

    // The store keeps what was saved: re-anchoring never rewrites records.
    expect(doc.annotations).toEqual([before, after, removed]);
  });
});

describe('the view cache', () => {
  it('rebuilds only the views of records that changed', async () => {
    const doc = emptyDoc();
    doc.annotations.push(recordFor('PROSECUTION'), recordFor('PROTECTION'), recordFor('PREVENTION'));
    const store = new MemoryStore({ doc });
    const service = createServiceFromParts(REPORT, store);
    const first = (await service.impl.listAnnotations(undefined)) as AnnotationView[];
    const second = (await service.impl.listAnnotations(undefined)) as AnnotationView[];
    expect(second).not.toBe(first);
    second.forEach((view, i) => expect(view).toBe(first[i]));

    const [, middle] = first;
    const updated = (await service.impl.updateAnnotation({ id: middle!.id, note: 'changed' })) as AnnotationView;
    const third = (await service.impl.listAnnotations(undefined)) as AnnotationView[];
    expect(third[0]).toBe(first[0]);
    expect(third[2]).toBe(first[2]);
    expect(third[1]).toBe(updated);
    expect(third[1]).toMatchObject({ note: 'changed', start: middle!.start, anchor: middle!.anchor });
  });

  it('keeps document order as annotations are added, moved by edits and removed', () => {
    const records: StoredAnnotation[] = [];
    const cache = createViewCache(REPORT, () => records);
    expect(cache.views()).toEqual([]);
    const phrases = ['TRAFFICKING PROFILE', 'PROSECUTION', 'JAPAN: Tier 2', 'PREVENTION', 'PROTECTION'];
    for (const phrase of phrases) {
      records.push(recordFor(phrase));
      cache.invalidate();
      const views = cache.views();
      expect(views).toEqual([...views].sort(compareViews));
      expect(views).toHaveLength(records.length);
    }
    records.splice(1, 1);
    cache.invalidate();
    expect(cache.views().map((v) => v.exact)).toEqual(['JAPAN: Tier 2', 'PROTECTION', 'PREVENTION', 'TRAFFICKING PROFILE']);
    expect(cache.get(records[0]!.id)?.exact).toBe('TRAFFICKING PROFILE');
  });

  it('reflects a restore that replaces the whole document', async () => {
    const source = emptyDoc();
    source.annotations = Array.from({ length: 100 }, (_, i) => recordAt(100 + i * 7, 110 + i * 7));
    const other = createServiceFromParts(REPORT, new MemoryStore({ doc: source }));
    const backup = (await other.impl.exportBackup(undefined)) as { content: string };

    const service = createServiceFromParts(REPORT, new MemoryStore());
    const created = (await service.impl.createAnnotation({ start: 43, end: 56, color: 'key' })) as AnnotationView;
    expect(await service.impl.listAnnotations(undefined)).toHaveLength(1);
    await service.impl.restoreBackup({ content: backup.content });
    const views = (await service.impl.listAnnotations(undefined)) as AnnotationView[];
    expect(views.map((v) => v.id).sort()).toEqual(source.annotations.map((a) => a.id).sort());
    expect(views.find((v) => v.id === created.id)).toBeUndefined();
    expect(views).toEqual([...views].sort(compareViews));
  });
});

describe('the view cache after a write', () => {
  it('updates only what a batch names and ends up exactly where a full rebuild would', () => {
    const doc = emptyDoc();
    const phrases = ['Increase efforts to identify male victims', 'The government maintained inadequate', 'Enjo kosai', 'TITP', 'Specified Skilled Worker'];
    doc.annotations = phrases.map((p) => recordFor(p));
    const cache = createViewCache(REPORT, () => doc.annotations);
    expect(cache.views()).toHaveLength(phrases.length);
    const edited = { ...doc.annotations[1]!, note: 'edited', updatedAt: '2025-01-01T00:00:00.000Z' };
    const added = recordFor('debt-based coercion');
    const removedId = doc.annotations[3]!.id;
    const batches: StoreOp[][] = [
      [{ op: 'putAnnotation', value: edited }],
      [{ op: 'putAnnotation', value: added }],
      [{ op: 'putAnnotation', value: { ...doc.annotations[0]!, deletedAt: '2025-01-02T00:00:00.000Z' } }],
      [{ op: 'removeAnnotations', ids: [removedId] }],
    ];
    for (const ops of batches) {
      applyOps(doc, structuredClone(ops));
      cache.applied(ops);
      const fresh = createViewCache(REPORT, () => doc.annotations);
      expect(cache.views()).toEqual(fresh.views());
    }
    expect(cache.get(edited.id)?.note).toBe('edited');
    expect(cache.get(added.id)?.exact).toBe('debt-based coercion');
    expect(cache.get(removedId)).toBeUndefined();
  });

  it('falls back to a full reconcile for a batch that replaces the document', () => {
    const doc = emptyDoc();
    doc.annotations = [recordFor('Enjo kosai')];
    const cache = createViewCache(REPORT, () => doc.annotations);
    cache.views();
    const replacement = { ...emptyDoc(), annotations: [recordFor('TITP'), recordFor('Specified Skilled Worker')] };
    const ops: StoreOp[] = [{ op: 'replace', value: replacement }];
    const next = applyOps(doc, structuredClone(ops));
    doc.annotations = next.annotations;
    cache.applied(ops);
    expect(cache.views().map((v) => v.exact)).toEqual(createViewCache(REPORT, () => doc.annotations).views().map((v) => v.exact));
  });
});
