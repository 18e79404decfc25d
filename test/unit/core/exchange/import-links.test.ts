/**
 * Reading and planning the links and assessments of a Fieldmark W3C file
 * (issue 14): what the parser takes as a link (and not as note text), what it
 * refuses, and every kind the merge gives a link or an assessment.
 */
import { describe, expect, it } from 'vitest';
import { FieldmarkError } from '../../../../preload/rpc';
import { parseImport } from '../../../../main/core/exchange/import-parse';
import { planImport } from '../../../../main/core/exchange/import-merge';
import { ORPHAN_LINK_REASON } from '../../../../main/core/exchange/import-merge-links';
import { toW3C } from '../../../../main/core/exchange/w3c-export';
import { recommendationPassages } from '../../../../main/core/exchange/w3c-links';
import { recommendationsOf } from '../../../../main/core/report/recommendations';
import type { StoredAssessment, StoredLink, TaggedAnnotation } from '../../../../main/core/store/store-schema';
import { isoAt, report, storedAt, uuidFor, viewOf } from '../../../support/exchange-fixtures';

const NOW = new Date(isoAt(1000));
const RECS = recommendationsOf(report().text, report().blocks);

function paragraph(n: number) {
  return report().blocks.filter((b) => b.kind === 'paragraph')[n]!;
}
const A = storedAt({ start: paragraph(3).start, end: paragraph(3).start + 40 }, 1);
const B = storedAt({ start: paragraph(5).start, end: paragraph(5).start + 40 }, 2);

function link(n: number, from: string, to: StoredLink['to'], relation: StoredLink['relation'], at = n, deletedAt: string | null = null): StoredLink {
  return { id: uuidFor(500 + n), from, to, relation, createdAt: isoAt(n), updatedAt: deletedAt ?? isoAt(at), deletedAt };
}
function assessment(id: string, status: StoredAssessment['status'], at: number, rationale = ''): StoredAssessment {
  return { id, title: null, status, rationale, assessedBy: 'Aiko', assessedAt: isoAt(at), updatedAt: isoAt(at) };
}

function fileOf(records: TaggedAnnotation[], links: StoredLink[], assessments: StoredAssessment[] = []): string {
  const { text, blocks } = report();
  return JSON.stringify(
    toW3C({ report: report(), annotations: records.map((r) => viewOf(r)), exportedAt: NOW, links, assessments, recommendations: recommendationPassages(text, recommendationsOf(text, blocks)) }),
  );
}

function plan(content: string, ours: { annotations?: TaggedAnnotation[]; links?: StoredLink[]; assessments?: StoredAssessment[] } = {}) {
  return planImport(parseImport(content), {
    report: report(),
    existing: ours.annotations ?? [],
    now: NOW,
    tracker: { links: ours.links ?? [], assessments: ours.assessments ?? [], recommendations: RECS },
  });
}

function refusal(content: string): string {
  try {
    parseImport(content);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldmarkError);
    return (error as FieldmarkError).message;
  }
  throw new Error('expected a refusal');
}

/** A file of one annotation (A) whose body is `bodies`. */
function withBodies(bodies: unknown[]): string {
  const file = JSON.parse(fileOf([A], [])) as { first: { items: Array<Record<string, unknown>> } };
  file.first.items[0]!.body = bodies;
  return JSON.stringify(file);
}

describe('reading links and assessments', () => {
  it('reads linking bodies with a relation as links, not as note text', () => {
    const parsed = parseImport(fileOf([A, B], [link(1, A.id, { recommendation: 'rec-3' }, 'gap'), link(2, A.id, { annotation: B.id }, 'contradicts')]));
    expect(parsed.annotations[0]!.note).toBe('');
    expect(parsed.links).toEqual([
      { id: uuidFor(501), from: A.id, to: { recommendation: 'rec-3' }, relation: 'gap', createdAt: isoAt(1), updatedAt: isoAt(1), deletedAt: null },
      { id: uuidFor(502), from: A.id, to: { annotation: B.id }, relation: 'contradicts', createdAt: isoAt(2), updatedAt: isoAt(2), deletedAt: null },
    ]);
  });

  it('keeps another tool’s linking body (no fieldmark:relation) as note text, as before', () => {
    const parsed = parseImport(withBodies([{ type: 'SpecificResource', purpose: 'linking', source: 'https://example.org/page' }]));
    expect(parsed.annotations[0]!.note).toBe('https://example.org/page');
    expect(parsed.links).toEqual([]);
  });

  it('finds the recommendation of a link that gives only the passage', () => {
    const rec5 = RECS[4]!;
    const body = { type: 'SpecificResource', purpose: 'linking', source: 'urn:sha256:x', selector: { type: 'TextPositionSelector', start: rec5.start, end: rec5.end }, 'fieldmark:relation': 'progress' };
    const planned = plan(withBodies([body]));
    expect(planned.links[0]!.item).toMatchObject({ kind: 'new', to: { recommendation: 'rec-5' }, toLabel: `Recommendation 5: ${rec5.title}` });
    const elsewhere = plan(withBodies([{ ...body, selector: { type: 'TextPositionSelector', start: 0, end: 5 } }]));
    expect(elsewhere.links[0]!.item).toMatchObject({ kind: 'orphan', to: null, applies: false });
  });

  it('refuses a relation that does not fit its target, a self-link and an unknown recommendation, naming them', () => {
    const body = (extra: Record<string, unknown>) => withBodies([{ type: 'SpecificResource', purpose: 'linking', ...extra }]);
    expect(refusal(body({ source: `urn:uuid:${B.id}`, 'fieldmark:relation': 'gap' }))).toMatch(/link to another highlight with the relation "gap", which is not one of supports, contradicts/u);
    expect(refusal(body({ 'fieldmark:recommendation': 'rec-2', 'fieldmark:relation': 'supports' }))).toMatch(/link to a recommendation with the relation "supports"/u);
    expect(refusal(body({ source: `urn:uuid:${A.id}`, 'fieldmark:relation': 'supports' }))).toMatch(/linked to itself/u);
    expect(refusal(body({ 'fieldmark:recommendation': 'rec-13', 'fieldmark:relation': 'gap' }))).toMatch(/"rec-13", which is not a recommendation/u);
  });

  it('reads the collection’s assessments and refuses a bad status, a missing date or the same recommendation twice', () => {
    const good = fileOf([A], [], [assessment('rec-4', 'substantial', 5, 'Shelters\r\nopened')]);
    expect(parseImport(good).assessments).toEqual([{ ...assessment('rec-4', 'substantial', 5), rationale: 'Shelters\nopened' }]);
    const edit = (change: (list: Array<Record<string, unknown>>) => void) => {
      const file = JSON.parse(good) as Record<string, unknown>;
      change(file['fieldmark:assessments'] as Array<Record<string, unknown>>);
      return JSON.stringify(file);
    };
    expect(refusal(edit((l) => (l[0]!.status = 'done')))).toMatch(/status "done", which is not one of not-assessed/u);
    expect(refusal(edit((l) => { delete l[0]!.updatedAt; delete l[0]!.assessedAt; }))).toMatch(/has no date/u);
    expect(refusal(edit((l) => l.push({ ...l[0]! })))).toMatch(/assesses rec-4 twice/u);
  });

  it('takes a file with assessments and no annotations', () => {
    const file = JSON.parse(fileOf([], [], [assessment('rec-1', 'partial', 3)])) as Record<string, unknown>;
    expect(plan(JSON.stringify(file)).assessments.map((p) => p.item.kind)).toEqual(['new']);
  });
});

describe('planning links', () => {
  it('gives every kind by the merge rules', () => {
    const file = fileOf(
      [A, B],
      [
        link(1, A.id, { recommendation: 'rec-1' }, 'gap'), // new
        link(2, A.id, { recommendation: 'rec-2' }, 'progress'), // unchanged
        link(3, A.id, { recommendation: 'rec-3' }, 'context', 50), // updated: ours unlinked at 40
        link(4, A.id, { recommendation: 'rec-4' }, 'gap', 4, isoAt(60)), // deleted: unlinked after ours
        link(5, B.id, { recommendation: 'rec-5' }, 'gap', 5, isoAt(6)), // older: we linked again at 70
        link(6, B.id, { annotation: uuidFor(77) }, 'supports'), // orphan
      ],
    );
    const ours = {
      annotations: [A],
      links: [
        link(2, A.id, { recommendation: 'rec-2' }, 'progress'),
        { ...link(3, A.id, { recommendation: 'rec-3' }, 'context'), deletedAt: isoAt(40), updatedAt: isoAt(40) },
        link(4, A.id, { recommendation: 'rec-4' }, 'gap'),
        link(5, B.id, { recommendation: 'rec-5' }, 'gap', 70),
      ],
    };
    const planned = plan(file, ours);
    expect(planned.links.map((p) => [p.item.kind, p.item.applies])).toEqual([
      ['new', true],
      ['unchanged', false],
      ['updated', true],
      ['deleted', true],
      ['older', false],
      ['orphan', false],
    ]);
    expect(planned.links[2]!.record).toMatchObject({ deletedAt: null, updatedAt: isoAt(50) });
    expect(planned.links[3]!.record).toMatchObject({ deletedAt: isoAt(60) });
    expect(planned.links[5]!.item.reason).toBe(ORPHAN_LINK_REASON);
  });

  it('matches a link made elsewhere under another id by its ends and relation, keeping our id', () => {
    const theirs = { ...link(1, A.id, { annotation: B.id }, 'supports'), id: uuidFor(999) };
    const ours = link(1, A.id, { annotation: B.id }, 'supports');
    const planned = plan(fileOf([A, B], [theirs]), { annotations: [A, B], links: [{ ...ours, deletedAt: isoAt(0), updatedAt: isoAt(0) }] });
    expect(planned.links[0]!.item.kind).toBe('updated');
    expect(planned.links[0]!.record!.id).toBe(ours.id);
  });

  it('counts a link to an annotation the file brings as present, and names both ends', () => {
    const planned = plan(fileOf([A, B], [link(1, A.id, { annotation: B.id }, 'follows-up')]));
    expect(planned.links[0]!.item).toMatchObject({ kind: 'new', applies: true, fromLabel: expect.stringMatching(/ ¶\d+ “/u), toLabel: expect.stringMatching(/ ¶\d+ “/u) });
  });

  it('treats dates in the future as now', () => {
    const future = { ...link(1, A.id, { recommendation: 'rec-1' }, 'gap'), createdAt: isoAt(5000), updatedAt: isoAt(5000) };
    expect(plan(fileOf([A], [future])).links[0]!.record).toMatchObject({ createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
  });
});

describe('planning assessments', () => {
  it('is new, unchanged, updated or older by the newer updatedAt', () => {
    const file = fileOf([A], [], [assessment('rec-1', 'partial', 10), assessment('rec-2', 'partial', 10), assessment('rec-3', 'implemented', 30), assessment('rec-4', 'implemented', 10), { ...assessment('rec-5', 'not-assessed', 10), assessedBy: null, assessedAt: null }]);
    const ours = { annotations: [A], assessments: [assessment('rec-2', 'partial', 10), assessment('rec-3', 'no-progress', 20), assessment('rec-4', 'no-progress', 20)] };
    const planned = plan(file, ours);
    expect(planned.assessments.map((p) => [p.item.id, p.item.kind, p.item.previousStatus])).toEqual([
      ['rec-1', 'new', null],
      ['rec-2', 'unchanged', 'partial'],
      ['rec-3', 'updated', 'no-progress'],
      ['rec-4', 'older', 'no-progress'],
      // The defaults, as if never assessed: nothing to write.
      ['rec-5', 'unchanged', null],
    ]);
  });
});
