/**
 * Issue 14's service: the tracker (listRecommendations, updateRecommendation)
 * and links (linkAnnotation, unlinkAnnotation), through the contract's
 * dispatcher so the zod schemas of both directions are exercised.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { contract, type AnnotationView, type RecommendationView } from '../../../../preload/contract';
import { createDispatcher, FieldmarkError } from '../../../../preload/rpc';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { createServiceFromParts, type Service } from '../../../../main/core/service/service';
import { MemoryStore } from '../../../support/memory-store';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const REPORT = buildReportModel(TEXT);

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

async function call<T>(method: string, input?: unknown): Promise<T> {
  const envelope = await dispatch(method, input ?? null);
  if (!envelope.ok) throw new FieldmarkError(envelope.error.code, envelope.error.message);
  return envelope.value as T;
}

async function refused(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FieldmarkError);
  expect((error as FieldmarkError).code).toBe(code);
  if (message) expect((error as FieldmarkError).message).toMatch(message);
}

async function highlight(phrase: string): Promise<AnnotationView> {
  const start = TEXT.indexOf(phrase);
  return call<AnnotationView>('createAnnotation', { start, end: start + phrase.length, color: 'gap' });
}

const view = async (id: string) => (await call<AnnotationView[]>('listAnnotations')).find((v) => v.id === id)!;
const rec = async (id: string) => (await call<RecommendationView[]>('listRecommendations')).find((r) => r.id === id)!;

describe('listRecommendations', () => {
  it('lists the 12 recommendations in order, not assessed, with their text and default titles', async () => {
    const recs = await call<RecommendationView[]>('listRecommendations');
    expect(recs.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => `rec-${i + 1}`));
    for (const r of recs) {
      expect(TEXT.slice(r.start, r.end)).toBe(r.text);
      expect(r).toMatchObject({ status: 'not-assessed', rationale: '', assessedBy: null, assessedAt: null, evidence: { progress: 0, gap: 0, context: 0 }, links: [] });
      expect(r.title.length).toBeGreaterThan(0);
    }
    expect(recs[0]!.text).toMatch(/^Vigorously investigate and prosecute/);
  });
});

describe('updateRecommendation', () => {
  it('records status and rationale with the assessor and the clock, and keeps them', async () => {
    await call('updateSettings', { assessor: '  Mika  ' });
    const before = store.applied.length;
    const updated = await call<RecommendationView>('updateRecommendation', { id: 'rec-3', status: 'partial', rationale: 'Some screening,\nno referral procedure.' });
    expect(updated).toMatchObject({ id: 'rec-3', status: 'partial', rationale: 'Some screening,\nno referral procedure.', assessedBy: 'Mika' });
    expect(updated.assessedAt).toMatch(/^2024-01-01T00:00:\d\dZ|^2024-01-01T00:00:\d\d\.000Z$/);
    expect(store.applied.length).toBe(before + 1);
    expect(store.applied.at(-1)![0]!.op).toBe('putAssessments');
    expect(await rec('rec-3')).toEqual(updated);
  });

  it('writes null as the assessor when none is set, and leaves who and when alone on a title change', async () => {
    const assessed = await call<RecommendationView>('updateRecommendation', { id: 'rec-1', status: 'no-progress' });
    expect(assessed.assessedBy).toBeNull();
    await call('updateSettings', { assessor: 'Someone else' });
    const renamed = await call<RecommendationView>('updateRecommendation', { id: 'rec-1', title: '  Prosecute and sentence  ' });
    expect(renamed.title).toBe('Prosecute and sentence');
    expect(renamed.assessedBy).toBeNull();
    expect(renamed.assessedAt).toBe(assessed.assessedAt);
    const reset = await call<RecommendationView>('updateRecommendation', { id: 'rec-1', title: null });
    expect(reset.title).toBe((await call<RecommendationView[]>('listRecommendations'))[0]!.title);
    expect(reset.title).not.toBe('Prosecute and sentence');
    expect(store.doc.assessments.find((a) => a.id === 'rec-1')!.title).toBeNull();
  });

  it('writes nothing when nothing changes', async () => {
    await call('updateRecommendation', { id: 'rec-2', status: 'implemented' });
    const before = store.applied.length;
    await call('updateRecommendation', { id: 'rec-2', status: 'implemented' });
    await call('updateRecommendation', { id: 'rec-4' });
    expect(store.applied.length).toBe(before);
  });

  it('refuses unknown ids and statuses with typed errors', async () => {
    await refused(call('updateRecommendation', { id: 'rec-13', status: 'partial' }), 'INVALID_INPUT');
    await refused(call('updateRecommendation', { id: 'rec-0' }), 'INVALID_INPUT');
    await refused(call('updateRecommendation', { id: 'rec-1', status: 'done' }), 'INVALID_INPUT');
    await refused(call('updateRecommendation', { id: 'rec-1', title: 'x'.repeat(201) }), 'INVALID_INPUT');
    expect(store.applied).toEqual([]);
  });
});

describe('linkAnnotation and unlinkAnnotation', () => {
  it('links an annotation to a recommendation as evidence, counted by relation', async () => {
    const a = await highlight('Technical Intern Training Program');
    const b = await highlight('forced labor');
    const linked = await call<AnnotationView>('linkAnnotation', { from: a.id, to: { recommendation: 'rec-3' }, relation: 'gap' });
    expect(linked.links).toEqual([{ to: { recommendation: 'rec-3' }, relation: 'gap', direction: 'out', otherDeleted: false }]);
    await call('linkAnnotation', { from: b.id, to: { recommendation: 'rec-3' }, relation: 'progress' });
    await call('linkAnnotation', { from: b.id, to: { recommendation: 'rec-3' }, relation: 'context' });
    const r = await rec('rec-3');
    expect(r.evidence).toEqual({ progress: 1, gap: 1, context: 1 });
    expect(r.links).toHaveLength(3);
    expect(r.links.every((l) => !l.deleted)).toBe(true);
    expect((await rec('rec-4')).evidence).toEqual({ progress: 0, gap: 0, context: 0 });
  });

  it('lists a link between annotations at both ends, out and in', async () => {
    const a = await highlight('Technical Intern Training Program');
    const b = await highlight('forced labor');
    const fromView = await call<AnnotationView>('linkAnnotation', { from: a.id, to: { annotation: b.id }, relation: 'supports' });
    expect(fromView.links).toEqual([{ to: { annotation: b.id }, relation: 'supports', direction: 'out', otherDeleted: false }]);
    expect((await view(b.id)).links).toEqual([{ to: { annotation: a.id }, relation: 'supports', direction: 'in', otherDeleted: false }]);
  });

  it('makes a second identical link a no-op that writes nothing', async () => {
    const a = await highlight('Technical Intern Training Program');
    await call('linkAnnotation', { from: a.id, to: { recommendation: 'rec-1' }, relation: 'context' });
    const before = store.applied.length;
    const again = await call<AnnotationView>('linkAnnotation', { from: a.id, to: { recommendation: 'rec-1' }, relation: 'context' });
    expect(store.applied.length).toBe(before);
    expect(again.links).toHaveLength(1);
    expect(store.doc.links).toHaveLength(1);
  });

  it('tombstones on unlink and revives the same record on relink', async () => {
    const a = await highlight('Technical Intern Training Program');
    const b = await highlight('forced labor');
    const input = { from: a.id, to: { annotation: b.id }, relation: 'contradicts' };
    await call('linkAnnotation', input);
    const id = store.doc.links[0]!.id;
    const unlinked = await call<AnnotationView>('unlinkAnnotation', input);
    expect(unlinked.links).toEqual([]);
    expect((await view(b.id)).links).toEqual([]);
    expect(store.doc.links).toEqual([expect.objectContaining({ id, deletedAt: expect.any(String) })]);
    const before = store.applied.length;
    await call('unlinkAnnotation', input);
    expect(store.applied.length).toBe(before);
    await call('linkAnnotation', input);
    expect(store.doc.links).toEqual([expect.objectContaining({ id, deletedAt: null })]);
    expect((await view(b.id)).links).toHaveLength(1);
  });

  it('keeps links through the deletion and restore of either end, showing the deleted end', async () => {
    const a = await highlight('Technical Intern Training Program');
    const b = await highlight('forced labor');
    await call('linkAnnotation', { from: a.id, to: { annotation: b.id }, relation: 'follows-up' });
    await call('linkAnnotation', { from: b.id, to: { recommendation: 'rec-5' }, relation: 'progress' });
    await call('deleteAnnotation', { id: b.id });
    expect((await view(a.id)).links).toEqual([{ to: { annotation: b.id }, relation: 'follows-up', direction: 'out', otherDeleted: true }]);
    const r = await rec('rec-5');
    expect(r.evidence.progress).toBe(0);
    expect(r.links).toEqual([{ annotationId: b.id, relation: 'progress', deleted: true }]);
    await call('restoreAnnotation', { id: b.id });
    expect((await view(a.id)).links[0]!.otherDeleted).toBe(false);
    expect((await rec('rec-5')).evidence.progress).toBe(1);
    expect((await view(b.id)).links).toHaveLength(2);
  });

  it('refuses unknown ids, relations that do not fit the target, and self-links, writing nothing', async () => {
    const a = await highlight('Technical Intern Training Program');
    const b = await highlight('forced labor');
    const before = store.applied.length;
    const missing = '00000000-0000-4000-8000-000000000000';
    await refused(call('linkAnnotation', { from: missing, to: { recommendation: 'rec-1' }, relation: 'gap' }), 'NOT_FOUND');
    await refused(call('linkAnnotation', { from: a.id, to: { annotation: missing }, relation: 'supports' }), 'NOT_FOUND');
    await refused(call('linkAnnotation', { from: a.id, to: { recommendation: 'rec-13' }, relation: 'gap' }), 'INVALID_INPUT');
    await refused(call('linkAnnotation', { from: a.id, to: { recommendation: 'rec-1' }, relation: 'supports' }), 'INVALID_INPUT', /recommendation is progress, gap or context/);
    await refused(call('linkAnnotation', { from: a.id, to: { annotation: b.id }, relation: 'gap' }), 'INVALID_INPUT', /another highlight is supports/);
    await refused(call('linkAnnotation', { from: a.id, to: { annotation: b.id }, relation: 'cites' }), 'INVALID_INPUT');
    await refused(call('linkAnnotation', { from: a.id, to: { annotation: a.id }, relation: 'supports' }), 'INVALID_INPUT', /^An annotation cannot be linked to itself\.$/);
    await refused(call('linkAnnotation', { from: a.id, to: { annotation: b.id, recommendation: 'rec-1' }, relation: 'supports' }), 'INVALID_INPUT');
    await refused(call('unlinkAnnotation', { from: a.id, to: { annotation: missing }, relation: 'supports' }), 'NOT_FOUND');
    await call('deleteAnnotation', { id: b.id });
    await refused(call('linkAnnotation', { from: a.id, to: { annotation: b.id }, relation: 'supports' }), 'NOT_FOUND', /Recently deleted/);
    expect(store.applied.length).toBe(before + 1);
    expect(store.doc.links).toEqual([]);
  });

  it('lets a deleted end be unlinked', async () => {
    const a = await highlight('Technical Intern Training Program');
    const b = await highlight('forced labor');
    const input = { from: a.id, to: { annotation: b.id }, relation: 'same-issue' };
    await call('linkAnnotation', input);
    await call('deleteAnnotation', { id: b.id });
    expect((await call<AnnotationView>('unlinkAnnotation', input)).links).toEqual([]);
  });

  it('carries links through the lean list', async () => {
    const a = await highlight('Technical Intern Training Program');
    await call('linkAnnotation', { from: a.id, to: { recommendation: 'rec-7' }, relation: 'gap' });
    const lean = await call<AnnotationView[]>('listAnnotationsLean');
    expect(lean[0]!.links).toEqual([{ to: { recommendation: 'rec-7' }, relation: 'gap', direction: 'out', otherDeleted: false }]);
  });

  it('keeps the cached views equal to views built afresh, through links, unlinks, deletes and restores', async () => {
    const [a, b, c] = [await highlight('Technical Intern Training Program'), await highlight('forced labor'), await highlight('debt bondage')];
    const steps: Array<[string, unknown]> = [
      ['linkAnnotation', { from: a.id, to: { annotation: b.id }, relation: 'supports' }],
      ['linkAnnotation', { from: c.id, to: { annotation: a.id }, relation: 'follows-up' }],
      ['linkAnnotation', { from: b.id, to: { recommendation: 'rec-2' }, relation: 'gap' }],
      ['deleteAnnotation', { id: a.id }],
      ['unlinkAnnotation', { from: a.id, to: { annotation: b.id }, relation: 'supports' }],
      ['restoreAnnotation', { id: a.id }],
      ['linkAnnotation', { from: a.id, to: { annotation: b.id }, relation: 'supports' }],
      ['updateAnnotation', { id: c.id, note: 'edited' }],
    ];
    for (const [method, input] of steps) {
      await call(method, input);
      const fresh = await createServiceFromParts(REPORT, new MemoryStore({ doc: store.doc }), now).impl.listAnnotations(undefined);
      expect(await call('listAnnotations')).toEqual(fresh);
    }
    // The revived link keeps its record, so it keeps its place (the order links were first made).
    expect((await view(a.id)).links).toEqual([
      { to: { annotation: b.id }, relation: 'supports', direction: 'out', otherDeleted: false },
      { to: { annotation: c.id }, relation: 'follows-up', direction: 'in', otherDeleted: false },
    ]);
  });

  it('shows the links of a store opened afresh (the cache builds them from the document)', async () => {
    const a = await highlight('Technical Intern Training Program');
    const b = await highlight('forced labor');
    await call('linkAnnotation', { from: a.id, to: { annotation: b.id }, relation: 'supports' });
    await call('deleteAnnotation', { id: a.id });
    const fresh = createServiceFromParts(REPORT, new MemoryStore({ doc: store.doc }), now);
    const views = await fresh.impl.listAnnotations(undefined);
    expect(views.find((v) => v.id === b.id)!.links).toEqual([{ to: { annotation: a.id }, relation: 'supports', direction: 'in', otherDeleted: true }]);
  });
});
