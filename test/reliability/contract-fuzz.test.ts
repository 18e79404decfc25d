/**
 * Bad input at the boundary (issue 6, item 7): arbitrary payloads for every
 * contract method go through the real dispatcher into the real service over a
 * real store. Whatever arrives, the answer is a well-formed envelope; a refusal
 * carries a typed error code and a readable message, never INTERNAL; and a
 * refused call leaves the store exactly as it was, in memory and on disk.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { METHOD_NAMES, contract, COLOR_IDS, ErrorCode, type MethodName } from '../../preload/contract';
import { createDispatcher, isEnvelope, type Dispatcher } from '../../preload/rpc';
import { openService, type Service } from '../../main/core/service/service';
import { canonicalOutputChecks } from '../../main/core/service/output-checks';
import { readStoreFromDisk } from '../e2e/support/read-store';
import { recordCounts } from '../support/reliability-counts';
import { REPO_ROOT, tempDir } from '../support/store-fixtures';

const RUNS_PER_METHOD = 2_000;
const ERROR_CODES = new Set<string>(ErrorCode.options);

let service: Service;
let dispatch: Dispatcher;
let dataDir: string;
let cleanup: () => Promise<void>;
let textLength: number;
const provenButNotZods: string[] = [];
let provenOutputs = 0;

beforeAll(async () => {
  ({ dir: dataDir, cleanup } = await tempDir('fieldmark-fuzz-'));
  service = await openService({ assetsDir: path.join(REPO_ROOT, 'assets'), dataDir });
  // The dispatcher as both hosts build it, with the compiled output checks; each
  // output they prove is held to zod's answer for it.
  const proven = canonicalOutputChecks(contract);
  dispatch = createDispatcher(contract, service.impl, undefined, (method, value) => {
    const ok = proven(method, value);
    if (ok) {
      const parsed = contract[method as MethodName].output.safeParse(value);
      if (!parsed.success || JSON.stringify(parsed.data) !== JSON.stringify(value)) provenButNotZods.push(method);
      else provenOutputs += 1;
    }
    return ok;
  });
  const report = await dispatch('getReport', null);
  if (!report.ok) throw new Error('the report did not load');
  textLength = (report.value as { text: string }).text.length;
  // A few real annotations, so updates, deletes and exports have something to work on.
  for (const [start, end] of [[58, 120], [5623, 5700], [16706, 16800]] as const) {
    const created = await dispatch('createAnnotation', { start, end, color: 'key', note: 'seed', tags: ['seed', `seed/${start}`] });
    if (!created.ok) throw new Error(created.error.message);
  }
});

afterAll(async () => {
  await service.close();
  await cleanup();
  // Outputs the compiled checks passed on without zod's copy: each must be exactly what zod returns.
  expect(provenButNotZods).toEqual([]);
  expect(provenOutputs).toBeGreaterThan(0);
});

/** Values of every JSON-ish kind, plus the awkward ones a compromised renderer could send. */
const hostile = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: false, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(Number.NaN, Infinity, -0, 2 ** 53, -1, '__proto__', { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}')),
);

/** Payloads shaped like each method's input with wrong or extreme values in the fields. */
const offset = fc.oneof(fc.integer({ min: -5, max: 41_100 }), fc.double(), fc.string(), fc.constant(null), fc.bigInt().map(String));
const field = {
  id: fc.oneof(fc.uuid(), fc.string(), fc.integer(), fc.constant('00000000-0000-4000-8000-000000000000')),
  color: fc.oneof(fc.constantFrom(...COLOR_IDS, 'KEY', 'red', ''), fc.string()),
  note: fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.integer(), fc.constant('x'.repeat(100_001))),
  tags: fc.oneof(fc.array(fc.string({ unit: 'binary', maxLength: 80 }), { maxLength: 60 }), fc.string(), fc.constant([''])),
  content: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.integer()),
  /** Base64 of random bytes, of bytes behind a zip signature, of XML-looking text, and strings that are not base64 at all. */
  base64: fc.oneof(
    fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('base64')),
    fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), b]).toString('base64')),
    fc.string({ maxLength: 200 }).map((t) => Buffer.from(`<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0">${t}`).toString('base64')),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.integer(),
  ),
  recommendation: fc.oneof(fc.constantFrom('rec-1', 'rec-12', 'rec-0', 'rec-13', 'rec-01', 'REC-1', 'rec-1 '), fc.string(), fc.integer()),
  status: fc.oneof(fc.constantFrom('not-assessed', 'no-progress', 'partial', 'substantial', 'implemented', 'done', 'Partial'), fc.string()),
  relation: fc.oneof(fc.constantFrom('progress', 'gap', 'context', 'supports', 'contradicts', 'follows-up', 'same-issue', 'cites', 'Gap'), fc.string()),
  /** A link target: a recommendation, an annotation, both (refused), neither, or not an object. */
  linkTarget: (id: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    fc.oneof(
      fc.record({ recommendation: fc.oneof(fc.constantFrom('rec-1', 'rec-12', 'rec-13', 'rec-0'), fc.string()) }),
      fc.record({ annotation: id }),
      fc.record({ annotation: id, recommendation: fc.constant('rec-2') }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
};
const shaped: Partial<Record<MethodName, fc.Arbitrary<unknown>>> = {
  createAnnotation: fc.record({ start: offset, end: offset, color: field.color, note: field.note, tags: field.tags, exact: fc.string() }, { requiredKeys: [] }),
  updateAnnotation: fc.record({ id: field.id, color: field.color, note: field.note, tags: field.tags }, { requiredKeys: [] }),
  deleteAnnotation: fc.record({ id: field.id }, { requiredKeys: [] }),
  restoreAnnotation: fc.record({ id: field.id }, { requiredKeys: [] }),
  updateSettings: fc.record(
    {
      fontSize: fc.oneof(fc.integer({ min: -10, max: 100 }), fc.double(), fc.string()),
      theme: fc.oneof(fc.constantFrom('light', 'dark', 'sepia', 'system', 'neon'), fc.string()),
      lineWidth: fc.oneof(fc.constantFrom('narrow', 'medium', 'wide', 'huge'), fc.integer()),
      readingPosition: fc.oneof(fc.constant(null), fc.record({ offset, progress: fc.double() }, { requiredKeys: [] })),
      legend: fc.oneof(fc.dictionary(fc.constantFrom(...COLOR_IDS, 'other'), fc.string({ unit: 'binary', maxLength: 50 })), fc.string()),
      assessor: fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.integer(), fc.constant(null)),
    },
    { requiredKeys: [] },
  ),
  exportMarkdown: fc.record(
    { groupBy: fc.oneof(fc.constantFrom('section', 'tag', 'color', 'date'), fc.string()), includeNotes: fc.anything({ maxDepth: 0 }), filter: fc.jsonValue({ maxDepth: 2 }) },
    { requiredKeys: [] },
  ),
  previewImport: fc.oneof(
    fc.record({ content: field.content }, { requiredKeys: [] }),
    fc.record({ contentBase64: field.base64, content: field.content }, { requiredKeys: ['contentBase64'] }),
  ),
  exportCodebook: fc.record({ format: fc.oneof(fc.constantFrom('qdc', 'markdown', 'csv', 'qdpx', 'QDC'), fc.string()) }, { requiredKeys: [] }),
  exportProject: fc.record({ format: fc.oneof(fc.constantFrom('qdpx', 'qdc', 'zip'), fc.string()) }, { requiredKeys: [] }),
  commitImport: fc.record({ id: fc.oneof(fc.string(), fc.integer()), reject: fc.oneof(fc.array(fc.string()), fc.string()) }, { requiredKeys: [] }),
  undoImport: fc.record({ id: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] }),
  restoreBackup: fc.record({ content: field.content }, { requiredKeys: [] }),
  createCode: fc.record(
    { name: fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom('a/b', 'seed', 'SEED', ' ', ''), fc.integer()), parentId: fc.oneof(field.id, fc.constant(null)), description: field.note, color: fc.oneof(fc.constantFrom('#aabbcc', '#ABC', 'red', null), fc.string()), codable: fc.anything({ maxDepth: 0 }) },
    { requiredKeys: [] },
  ),
  updateCode: fc.record(
    { id: field.id, name: fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('seed', 'Seed ')), parentId: fc.oneof(field.id, fc.constant(null)), color: fc.oneof(fc.constantFrom('#00ff00', null), fc.string()), codable: fc.boolean() },
    { requiredKeys: [] },
  ),
  mergeCodes: fc.record({ from: field.id, into: field.id }, { requiredKeys: [] }),
  deleteCode: fc.record({ id: field.id, withDescendants: fc.anything({ maxDepth: 0 }) }, { requiredKeys: [] }),
  restoreCodes: fc.record(
    { codes: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.string()), uses: fc.oneof(fc.array(fc.record({ id: field.id, before: fc.array(field.id, { maxLength: 3 }), after: fc.array(field.id, { maxLength: 3 }) }), { maxLength: 3 }), fc.integer()) },
    { requiredKeys: [] },
  ),
  codingMatrix: fc.record({ rows: fc.constantFrom('codes', 'tags', 1), columns: fc.oneof(fc.constantFrom('sections', 'colors', 'dates'), fc.string()) }, { requiredKeys: [] }),
  updateRecommendation: fc.record(
    { id: field.recommendation, title: fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.constant(null), fc.constant('x'.repeat(201)), fc.integer()), status: field.status, rationale: field.note },
    { requiredKeys: [] },
  ),
  linkAnnotation: fc.record({ from: field.id, to: field.linkTarget(field.id), relation: field.relation }, { requiredKeys: [] }),
  unlinkAnnotation: fc.record({ from: field.id, to: field.linkTarget(field.id), relation: field.relation }, { requiredKeys: [] }),
  exportTracker: fc.record({ format: fc.oneof(fc.constantFrom('csv', 'markdown', 'md', 'CSV', 'xlsx'), fc.string()) }, { requiredKeys: [] }),
};

/** For the code writes, payloads that also name the store's real codes (fast-check cannot know their ids in advance). */
const withRealCodes: Partial<Record<MethodName, (ids: string[]) => fc.Arbitrary<unknown>>> = {
  updateCode: (ids) => fc.record({ id: fc.constantFrom(...ids), name: fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('seed', 'other')), parentId: fc.oneof(fc.constantFrom(...ids), fc.constant(null)) }, { requiredKeys: ['id'] }),
  mergeCodes: (ids) => fc.record({ from: fc.constantFrom(...ids), into: fc.constantFrom(...ids) }),
  deleteCode: (ids) => fc.record({ id: fc.constantFrom(...ids), withDescendants: fc.boolean() }, { requiredKeys: ['id'] }),
  createCode: (ids) => fc.record({ name: fc.constantFrom('seed', 'child', 'Child '), parentId: fc.constantFrom(...ids) }),
};

/** For the tracker's writes, payloads that name the store's real annotations (links between them, and to recommendations). */
const withRealAnnotations: Partial<Record<MethodName, (ids: string[]) => fc.Arbitrary<unknown>>> = {
  linkAnnotation: (ids) => fc.record({ from: fc.constantFrom(...ids), to: field.linkTarget(fc.constantFrom(...ids)), relation: field.relation }),
  unlinkAnnotation: (ids) => fc.record({ from: fc.constantFrom(...ids), to: field.linkTarget(fc.constantFrom(...ids)), relation: field.relation }),
};

describe('arbitrary payloads through the dispatcher', () => {
  let tried = 0;
  let refused = 0;
  /** Tests whose every payload passed its checks; the counts are recorded only if all did. */
  let testsPassed = 0;

  for (const method of METHOD_NAMES) {
    it(`${method}: every answer is an envelope; refusals are typed and change nothing`, async () => {
      const ids = await codeIds();
      const annotations = await annotationIds();
      const real = [
        ...(withRealCodes[method] && ids.length > 0 ? [withRealCodes[method]!(ids)] : []),
        ...(withRealAnnotations[method] && annotations.length > 0 ? [withRealAnnotations[method]!(annotations)] : []),
      ];
      const payloads = shaped[method] ? fc.oneof(hostile, shaped[method]!, ...real) : hostile;
      await fc.assert(
        fc.asyncProperty(payloads, async (payload) => {
          const before = JSON.stringify(await listEverything());
          const answer = await dispatch(method, payload);
          tried++;
          expect(isEnvelope(answer)).toBe(true);
          if (answer.ok) return;
          refused++;
          expect(ERROR_CODES.has(answer.error.code)).toBe(true);
          expect(answer.error.code).not.toBe('INTERNAL');
          expect(answer.error.message.length).toBeGreaterThan(0);
          expect(JSON.stringify(await listEverything())).toBe(before);
        }),
        { numRuns: RUNS_PER_METHOD },
      );
      testsPassed++;
    }, 300_000);
  }

  it('refuses unknown and hostile method names without touching anything', async () => {
    const before = JSON.stringify(await listEverything());
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')), hostile, async (method, payload) => {
        fc.pre(!(METHOD_NAMES as string[]).includes(method));
        const answer = await dispatch(method, payload);
        tried++;
        refused++;
        expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      }),
      { numRuns: RUNS_PER_METHOD },
    );
    expect(JSON.stringify(await listEverything())).toBe(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    testsPassed++;
  }, 300_000);

  it('keeps on disk exactly what the service holds after all of it', async () => {
    const onDisk = await readStoreFromDisk(dataDir).catch(() => null);
    const live = (await dispatch('listAnnotations', null)) as { ok: true; value: Array<{ id: string; note: string; deletedAt: string | null }> };
    // The host holds the folder open; what it acknowledged is on disk (snapshot + journal).
    expect(onDisk).not.toBeNull();
    const diskById = new Map(onDisk!.annotations.map((a) => [a.id, a]));
    for (const annotation of live.value) {
      expect(diskById.get(annotation.id)?.note).toBe(annotation.note);
      expect(diskById.get(annotation.id)?.deletedAt ?? null).toBe(annotation.deletedAt);
    }
    expect(textLength).toBeGreaterThan(0);
    expect(testsPassed).toBe(METHOD_NAMES.length + 1);
    expect(tried).toBeGreaterThanOrEqual(RUNS_PER_METHOD * (METHOD_NAMES.length + 1));
    // Random payloads are not all bad: the ones the contract accepted are counted apart from the refused ones.
    recordCounts('contract payloads through the dispatcher (fast-check)', {
      badInputsRefused: refused,
      validInputsAccepted: tried - refused,
      methods: METHOD_NAMES.length,
    });
  });
});

/** Everything a refused call could have changed, as the service reports it. */
async function listEverything(): Promise<unknown> {
  const [annotations, settings, codes, recommendations] = await Promise.all([dispatch('listAnnotations', null), dispatch('getSettings', null), dispatch('listCodes', null), dispatch('listRecommendations', null)]);
  return { annotations, settings, codes, recommendations };
}

/** The ids of the store's annotations now, so link writes hit real records. */
async function annotationIds(): Promise<string[]> {
  const listed = await dispatch('listAnnotations', null);
  return listed.ok ? (listed.value as Array<{ id: string }>).map((a) => a.id) : [];
}

/** The ids of the codes the store has now (the seeded ones and any a successful write made), so code writes hit real records. */
async function codeIds(): Promise<string[]> {
  const listed = await dispatch('listCodes', null);
  return listed.ok ? (listed.value as Array<{ id: string }>).map((c) => c.id) : [];
}
