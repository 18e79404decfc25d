/**
 * The Recommendations view's pure logic (renderer/recommendations/tracker-view.ts):
 * the names of count buttons and the panel chip, which annotations a count
 * stands for, the evidence grouped by relation, and the status legend's order.
 */
import { describe, expect, it } from 'vitest';
import type { AnnotationView, RecommendationView } from '../../../preload/contract';
import { assessedLine, evidenceCountName, evidenceFilterLabel, evidenceGroups, evidenceIds, STATUS_LEGEND } from '../../../renderer/recommendations/tracker-view';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

const rec = {
  id: 'rec-2',
  index: 2,
  links: [
    { annotationId: B, relation: 'progress', deleted: false },
    { annotationId: A, relation: 'progress', deleted: false },
    { annotationId: C, relation: 'progress', deleted: true },
    { annotationId: C, relation: 'gap', deleted: false },
  ],
} as RecommendationView;

const views = new Map<string, AnnotationView>([
  [A, { id: A, start: 10, deletedAt: null } as AnnotationView],
  [B, { id: B, start: 5, deletedAt: null } as AnnotationView],
  [C, { id: C, start: 1, deletedAt: '2026-12-04T20:00:00.000Z' } as AnnotationView],
]);

describe('tracker view', () => {
  it('names counts and the panel chip in words', () => {
    expect(evidenceCountName(3, 'progress', 2)).toBe('3 progress evidence for Recommendation 2');
    expect(evidenceFilterLabel(2, 'progress')).toBe('Evidence for Recommendation 2 (progress)');
  });

  it('filters to the live links of one relation', () => {
    expect(evidenceIds(rec, 'progress')).toEqual([B, A]);
    expect(evidenceIds(rec, 'gap')).toEqual([C]);
    expect(evidenceIds(rec, 'context')).toEqual([]);
  });

  it('groups evidence by relation in document order and marks ends in the trash', () => {
    const groups = evidenceGroups(rec, (id) => views.get(id) ?? null);
    expect(groups.map((g) => g.relation)).toEqual(['progress', 'gap', 'context']);
    expect(groups[0]!.items.map((i) => [i.annotationId, i.deleted])).toEqual([
      [C, true],
      [B, false],
      [A, false],
    ]);
    expect(groups[1]!.items[0]!.deleted).toBe(true);
  });

  it('lists the five statuses in their order', () => {
    expect(STATUS_LEGEND.map((s) => s.label)).toEqual(['Not assessed', 'No progress', 'Partly addressed', 'Substantially addressed', 'Implemented']);
  });

  it('says who assessed and when, or that nobody has', () => {
    expect(assessedLine({ assessedBy: null, assessedAt: null })).toBe('Not assessed yet.');
    expect(assessedLine({ assessedBy: 'Aiko', assessedAt: '2026-12-04T20:15:00.000Z' }, 'en-GB')).toMatch(/^Assessed by Aiko on 4 Dec 2026/u);
  });
});
