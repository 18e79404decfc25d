/**
 * The codebook methods through the contract's dispatcher (issue 13): codes are
 * made by tags and by createCode, renamed and moved in one record, merged and
 * deleted with everything their uses need, and both undone from what they
 * return; counts, the coding matrix and co-occurrence roll up descendants.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { contract, type AnnotationView, type CodeChange, type CodeView, type CodingMatrix, type CoOccurrence } from '../../../../preload/contract';
import { createDispatcher, FieldmarkError } from '../../../../preload/rpc';
import { matchesFilter } from '../../../../common/annotation-filter';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../../main/core/service/service';
import { MemoryStore } from '../../../support/memory-store';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const REPORT = buildReportModel(TEXT);

let clock: number;
let store: MemoryStore;
let dispatch: ReturnType<typeof createDispatcher>;

beforeEach(() => {
  clock = 0;
  store = new MemoryStore();
  dispatch = createDispatcher(contract, createServiceFromParts(REPORT, store, () => new Date(clock++ * 1000 + Date.UTC(2024, 0, 1))).impl);
});

async function call<T>(method: string, input?: unknown): Promise<T> {
  const envelope = await dispatch(method, input ?? null);
  if (!envelope.ok) throw new FieldmarkError(envelope.error.code, envelope.error.message);
  return envelope.value as T;
}

async function refused(method: string, input: unknown, code: string, message: RegExp): Promise<void> {
  const writes = store.applied.length;
  const envelope = await dispatch(method, input);
  expect(envelope).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
  expect(store.applied).toHaveLength(writes);
}

/** An annotation on the n-th occurrence-free phrase of a section, with tags. */
async function annotate(phrase: string, tags: string[], color = 'key'): Promise<AnnotationView> {
  const start = TEXT.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return call<AnnotationView>('createAnnotation', { start, end: start + phrase.length, color, tags });
}

const codes = () => call<CodeView[]>('listCodes');
const code = async (p: string) => (await codes()).find((c) => c.path === p)!;
const tagsOf = async (id: string) => (await call<AnnotationView[]>('listAnnotations')).find((a) => a.id === id)!.tags;

describe('codes from tags', () => {
  it('makes a code per path segment, reuses known ones by the tag rule, drops empty segments, and lists counts', async () => {
    const one = await annotate('Technical Intern Training Program', ['Labour/TITP', 'labour//visa']);
    await annotate('forced labor', ['LABOUR/titp']);
    await annotate('sex trafficking', ['Labour']);
    expect((await codes()).map((c) => [c.path, c.count, c.totalCount])).toEqual([
      ['Labour', 1, 3],
      ['Labour/TITP', 2, 2],
      ['Labour/visa', 1, 1],
    ]);
    expect(one.tags).toEqual(['Labour/TITP', 'Labour/visa']);
    expect(await call('listTags')).toEqual([
      { tag: 'Labour/TITP', count: 2 },
      { tag: 'Labour', count: 1 },
      { tag: 'Labour/visa', count: 1 },
    ]);
  });

  it('refuses a path part over 64 characters, and a grouping code newly applied', async () => {
    await refused('createAnnotation', { start: 0, end: 5, color: 'key', tags: [`a/${'b'.repeat(65)}`] }, 'INVALID_INPUT', /64 characters/);
    const group = await call<CodeView>('createCode', { name: 'Themes', codable: false });
    expect(group).toMatchObject({ path: 'Themes', codable: false, count: 0 });
    await refused('createAnnotation', { start: 0, end: 5, color: 'key', tags: ['themes'] }, 'INVALID_INPUT', /grouping code/);
    const child = await annotate('forced labor', ['Themes/Labour']);
    expect(child.tags).toEqual(['Themes/Labour']);
  });
});

describe('createCode and updateCode', () => {
  it('creates nested codes with definitions and colours, and renames or moves one record for every use', async () => {
    const labour = await call<CodeView>('createCode', { name: 'Labour exploitation', description: 'Work under coercion.\nSee ILO C29.', color: '#AA3300' });
    const titp = await call<CodeView>('createCode', { name: 'TITP', parentId: labour.id });
    const a = await annotate('forced labor', ['Labour exploitation/TITP']);
    expect(a.codeIds).toEqual([titp.id]);
    const writes = store.applied.length;
    await call('updateCode', { id: titp.id, name: 'Intern programme' });
    expect(store.applied.length - writes).toBe(1);
    expect(store.applied.at(-1)!.map((op) => op.op)).toEqual(['putCodes']);
    expect(await tagsOf(a.id)).toEqual(['Labour exploitation/Intern programme']);
    await call('updateCode', { id: titp.id, parentId: null });
    expect(await tagsOf(a.id)).toEqual(['Intern programme']);
    expect(await code('Labour exploitation')).toMatchObject({ description: 'Work under coercion.\nSee ILO C29.', color: '#AA3300', totalCount: 0 });
  });

  it('refuses moving a code under itself or a descendant, and a sibling name clash by the tag rule', async () => {
    await annotate('forced labor', ['A/B/C', 'TITP']);
    const a = await code('A');
    const c = await code('A/B/C');
    await refused('updateCode', { id: a.id, parentId: a.id }, 'INVALID_INPUT', /cannot move under itself or under one of its own sub-codes/);
    await refused('updateCode', { id: a.id, parentId: c.id }, 'INVALID_INPUT', /cannot move under itself or under one of its own sub-codes/);
    await refused('updateCode', { id: a.id, name: 'ｔｉｔｐ' }, 'CONFLICT', /“TITP” already exists at the top level/);
    await refused('createCode', { name: 'b', parentId: a.id }, 'CONFLICT', /already exists under “A”/);
    await refused('createCode', { name: 'x/y' }, 'INVALID_INPUT', /slash/);
    const unchanged = store.applied.length;
    await call('updateCode', { id: a.id, name: 'A' });
    expect(store.applied).toHaveLength(unchanged);
  });
});

describe('mergeCodes and deleteCode', () => {
  it('merges: uses become uses of into (once), children move under into (same names merge), and undo brings it all back', async () => {
    const x = await annotate('forced labor', ['Trafficking/Labour', 'Work/Sub']);
    const y = await annotate('sex trafficking', ['Work', 'Work/Shared']);
    const z = await annotate('Technical Intern Training Program', ['Trafficking/Labour/Shared']);
    const from = await code('Work');
    const into = await code('Trafficking/Labour');
    const change = await call<CodeChange>('mergeCodes', { from: from.id, into: into.id });
    // One batch: the codes (from tombstoned, Sub moved, Shared merged) and the one annotation whose codes changed (x's Sub only moved).
    expect(store.applied.at(-1)!.map((op) => op.op)).toEqual(['putCodes', 'putAnnotation']);
    expect((await codes()).map((c) => c.path)).toEqual(['Trafficking', 'Trafficking/Labour', 'Trafficking/Labour/Shared', 'Trafficking/Labour/Sub']);
    expect(await tagsOf(x.id)).toEqual(['Trafficking/Labour', 'Trafficking/Labour/Sub']);
    expect(await tagsOf(y.id)).toEqual(['Trafficking/Labour', 'Trafficking/Labour/Shared']);
    expect(await tagsOf(z.id)).toEqual(['Trafficking/Labour/Shared']);

    const later = await annotate('victims', ['Trafficking/Labour/Sub', 'Trafficking/Labour']);
    expect(await call('restoreCodes', change)).toEqual({ codes: 3, annotations: 1 });
    // A use made after the merge stays as made; its moved code goes back with the rest.
    expect(await tagsOf(later.id)).toEqual(['Work/Sub', 'Trafficking/Labour']);
    expect(await tagsOf(x.id)).toEqual(['Trafficking/Labour', 'Work/Sub']);
    expect(await tagsOf(y.id)).toEqual(['Work', 'Work/Shared']);
    expect(await tagsOf(z.id)).toEqual(['Trafficking/Labour/Shared']);
  });

  it('merges a code into its own parent: a same-named child moves up instead of merging into the code that goes', async () => {
    const deep = await annotate('forced labor', ['A/X/X/Y']);
    const mid = await annotate('sex trafficking', ['A/X']);
    const change = await call<CodeChange>('mergeCodes', { from: (await code('A/X')).id, into: (await code('A')).id });
    expect((await codes()).map((c) => c.path)).toEqual(['A', 'A/X', 'A/X/Y']);
    expect(await tagsOf(deep.id)).toEqual(['A/X/Y']);
    expect(await tagsOf(mid.id)).toEqual(['A']);
    await call('restoreCodes', change);
    expect(await tagsOf(deep.id)).toEqual(['A/X/X/Y']);
    expect(await tagsOf(mid.id)).toEqual(['A/X']);
  });

  it('refuses merging into itself or its own descendant', async () => {
    await annotate('forced labor', ['A/B']);
    const a = await code('A');
    await refused('mergeCodes', { from: a.id, into: a.id }, 'INVALID_INPUT', /into itself/);
    await refused('mergeCodes', { from: a.id, into: (await code('A/B')).id }, 'INVALID_INPUT', /its own sub-code “A\/B”/);
  });

  it('deletes a code and its uses; one with children only with withDescendants; undo brings back codes and uses', async () => {
    const x = await annotate('forced labor', ['A/B', 'Keep']);
    const a = await code('A');
    await refused('deleteCode', { id: a.id }, 'CONFLICT', /has a sub-code/);
    const change = await call<CodeChange>('deleteCode', { id: a.id, withDescendants: true });
    expect(change.codes.map((c) => c.name)).toEqual(['A', 'B']);
    expect(await tagsOf(x.id)).toEqual(['Keep']);
    expect((await codes()).map((c) => c.path)).toEqual(['Keep']);
    await refused('updateCode', { id: a.id, name: 'gone' }, 'NOT_FOUND', /no longer exists/);
    await call('restoreCodes', change);
    expect(await tagsOf(x.id)).toEqual(['Keep', 'A/B']);
    expect((await codes()).map((c) => c.path)).toEqual(['A', 'A/B', 'Keep']);
  });

  it('refuses to restore a code whose place another code took since, writing nothing', async () => {
    await annotate('forced labor', ['Solo']);
    const change = await call<CodeChange>('deleteCode', { id: (await code('Solo')).id });
    await call('createCode', { name: 'solo' });
    await refused('restoreCodes', change, 'CONFLICT', /another code with that name now has its place/);
  });
});

describe('counts, the coding matrix and co-occurrence', () => {
  it('counts an annotation once per code however many of its codes lie under it, and leaves deleted ones out', async () => {
    const twice = await annotate('forced labor', ['P/A', 'P/B']);
    await annotate('sex trafficking', ['P/A'], 'gap');
    const gone = await annotate('victims', ['P/B']);
    await call('deleteAnnotation', { id: gone.id });
    expect((await codes()).map((c) => [c.path, c.count, c.totalCount])).toEqual([
      ['P', 0, 2],
      ['P/A', 2, 2],
      ['P/B', 1, 1],
    ]);
    const byColour = await call<CodingMatrix>('codingMatrix', { rows: 'codes', columns: 'colors' });
    expect(byColour.columns.map((c) => c.label)).toEqual(['Key finding', 'Gap or failure', 'Progress', 'Statistic', 'Question']);
    expect(byColour.rows.map((r) => [r.path, r.counts, r.total])).toEqual([
      ['P', [1, 1, 0, 0, 0], 2],
      ['P/A', [1, 1, 0, 0, 0], 2],
      ['P/B', [1, 0, 0, 0, 0], 1],
    ]);
    const bySection = await call<CodingMatrix>('codingMatrix', { rows: 'codes', columns: 'sections' });
    expect(bySection.columns.map((c) => c.id)).toEqual(['introduction', 'recommendations', 'prosecution', 'protection', 'prevention', 'profile'].filter((id) => bySection.columns.some((c) => c.id === id)));
    for (const row of bySection.rows) expect(row.counts.reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(row.total);
    // The matrix's cell for P/A is exactly what the panel's code filter shows.
    const views = await call<AnnotationView[]>('listAnnotations');
    const parents = new Map((await codes()).map((c) => [c.id, c.parentId]));
    const p = await code('P');
    expect(views.filter((v) => matchesFilter(v, { codes: [p.id], colors: ['key'] }, (id) => parents.get(id))).map((v) => v.id)).toEqual([twice.id]);
    expect(views.filter((v) => matchesFilter(v, { codes: [p.id] })).length).toBe(0);
  });

  it('pairs codes on one annotation and on overlapping passages, each pair once per annotation or overlap, a before b', async () => {
    const phrase = 'Technical Intern Training Program';
    const start = TEXT.indexOf(phrase);
    await call('createAnnotation', { start, end: start + 20, color: 'key', tags: ['X', 'Y'] });
    await call('createAnnotation', { start: start + 10, end: start + 30, color: 'key', tags: ['Z', 'X'] });
    await call('createAnnotation', { start: start + 30, end: start + 33, color: 'key', tags: ['Y'] });
    const [x, y, z] = [await code('X'), await code('Y'), await code('Z')];
    const pairs = await call<CoOccurrence[]>('coOccurrence');
    const count = (a: string, b: string) => pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.count ?? 0;
    for (const pair of pairs) expect(pair.a < pair.b).toBe(true);
    // X–Y: on the first annotation, and across the overlap (X on the second, Y on the first); the third only touches the second.
    expect(count(x.id, y.id)).toBe(2);
    expect(count(x.id, z.id)).toBe(2);
    expect(count(y.id, z.id)).toBe(1);
    expect(pairs).toHaveLength(3);
  });
});
