import { describe, expect, it } from 'vitest';
import { toW3C } from '../../../../main/core/exchange/w3c-export';
import { ASSESSMENTS_KEY, DELETED_AT_KEY, RELATION_KEY, recommendationPassages } from '../../../../main/core/exchange/w3c-links';
import { recommendationsOf } from '../../../../main/core/report/recommendations';
import type { StoredAssessment, StoredLink } from '../../../../main/core/store/store-schema';
import { failedCollectionMusts, failedMusts } from '../../../support/w3c-validator';
import { isoAt, report, uuidFor, w3cSampleViews } from '../../../support/exchange-fixtures';

type Body = Record<string, unknown> & { purpose?: string; source?: string; selector?: Array<Record<string, unknown>> };
type Item = { id: string; body?: Body[] };

const views = w3cSampleViews();
const [commented, highlight, tombstone] = views;

function link(n: number, from: string, to: StoredLink['to'], relation: StoredLink['relation'], deletedAt: string | null = null): StoredLink {
  return { id: uuidFor(9000 + n), from, to, relation, createdAt: isoAt(n), updatedAt: deletedAt ?? isoAt(n), deletedAt };
}

const LINKS: StoredLink[] = [
  link(1, commented!.id, { recommendation: 'rec-3' }, 'gap'),
  link(2, commented!.id, { annotation: highlight!.id }, 'supports'),
  link(3, highlight!.id, { recommendation: 'rec-1' }, 'progress', isoAt(30)),
  link(4, tombstone!.id, { annotation: commented!.id }, 'same-issue'),
];
const ASSESSMENTS: StoredAssessment[] = [
  { id: 'rec-10', title: null, status: 'partial', rationale: 'Some movement', assessedBy: 'Aiko', assessedAt: isoAt(40), updatedAt: isoAt(40) },
  { id: 'rec-2', title: 'My own title', status: 'no-progress', rationale: '=cmd', assessedBy: null, assessedAt: null, updatedAt: isoAt(41) },
];

function exported() {
  const { text, blocks } = report();
  return toW3C({
    report: report(),
    annotations: views,
    exportedAt: new Date(Date.UTC(2026, 10, 29)),
    links: LINKS,
    assessments: ASSESSMENTS,
    recommendations: recommendationPassages(text, recommendationsOf(text, blocks)),
  });
}

function linkingBodies(collection: Record<string, unknown>, id: string): Body[] {
  const items = (collection.first as { items: Item[] }).items;
  return (items.find((i) => i.id === `urn:uuid:${id}`)?.body ?? []).filter((b) => b.purpose === 'linking');
}

describe('links and assessments in the W3C export', () => {
  it('makes a link to a recommendation a linking SpecificResource on the report, with both selectors of its passage', () => {
    const { text, blocks, sha256 } = report();
    const rec3 = recommendationsOf(text, blocks)[2]!;
    const [body] = linkingBodies(exported(), commented!.id).filter((b) => b[RELATION_KEY] === 'gap');
    expect(body).toMatchObject({ type: 'SpecificResource', source: `urn:sha256:${sha256}`, id: `urn:uuid:${uuidFor(9001)}`, 'fieldmark:recommendation': 'rec-3' });
    const quote = body!.selector!.find((s) => s.type === 'TextQuoteSelector')!;
    const position = body!.selector!.find((s) => s.type === 'TextPositionSelector')!;
    expect(position).toEqual({ type: 'TextPositionSelector', start: rec3.start, end: rec3.end });
    expect(quote.exact).toBe(text.slice(rec3.start, rec3.end));
    expect(text.slice(0, rec3.start).endsWith(String(quote.prefix))).toBe(true);
  });

  it('makes a link to another annotation a linking body whose source is its urn:uuid, with the relation', () => {
    const bodies = linkingBodies(exported(), commented!.id);
    expect(bodies.find((b) => b[RELATION_KEY] === 'supports')).toMatchObject({ source: `urn:uuid:${highlight!.id}`, created: isoAt(2), modified: isoAt(2) });
  });

  it('exports unlinked links as tombstones, and the links of a deleted annotation without its note', () => {
    expect(linkingBodies(exported(), highlight!.id)[0]).toMatchObject({ [DELETED_AT_KEY]: isoAt(30), 'fieldmark:recommendation': 'rec-1' });
    const fromTombstone = (exported().first as { items: Item[] }).items.find((i) => i.id === `urn:uuid:${tombstone!.id}`)!;
    expect(fromTombstone.body).toEqual([expect.objectContaining({ purpose: 'linking', source: `urn:uuid:${commented!.id}`, [RELATION_KEY]: 'same-issue' })]);
  });

  it('carries the assessments in recommendation order, the title only when the user set one', () => {
    expect(exported()[ASSESSMENTS_KEY]).toEqual([
      { id: 'rec-2', title: 'My own title', status: 'no-progress', rationale: '=cmd', assessedBy: null, assessedAt: null, updatedAt: isoAt(41) },
      { id: 'rec-10', status: 'partial', rationale: 'Some movement', assessedBy: 'Aiko', assessedAt: isoAt(40), updatedAt: isoAt(40) },
    ]);
  });

  it('still meets every MUST of the model, for the collection and each annotation', () => {
    const collection = JSON.parse(JSON.stringify(exported())) as Record<string, unknown>;
    expect(failedCollectionMusts(collection)).toEqual([]);
    for (const item of (collection.first as { items: Item[] }).items) expect({ id: item.id, failed: failedMusts(item) }).toEqual({ id: item.id, failed: [] });
  });

  it('declares the fieldmark prefix its terms use, and leaves the export as before when there are no links', () => {
    expect(exported()['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { fieldmark: 'urn:x-fieldmark:' }]);
    const plain = toW3C({ report: report(), annotations: views, exportedAt: new Date(0) });
    expect(JSON.stringify(plain)).not.toContain('linking');
    expect(plain[ASSESSMENTS_KEY]).toBeUndefined();
  });
});
