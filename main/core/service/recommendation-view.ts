/**
 * Recommendation views (issue 14): each of the report's recommendations joined
 * with the user's assessment (or the defaults: not assessed, the derived
 * title) and the links that cite it as evidence. Evidence counts take only
 * live links from live annotations; `links` lists tombstoned annotations too,
 * marked `deleted`, so the tracker can say they are in Recently deleted.
 */
import type { RecommendationRelation, RecommendationView } from '../../../preload/contract';
import type { RecommendationItem } from '../report/recommendations';
import type { StoreDoc, StoredAnnotation, StoredAssessment } from '../store/store-schema';

/** The assessment of a recommendation nobody has touched. */
export function defaultAssessment(id: string, updatedAt: string): StoredAssessment {
  return { id, title: null, status: 'not-assessed', rationale: '', assessedBy: null, assessedAt: null, updatedAt };
}

type Evidence = RecommendationView['links'];

/** Live links to each recommendation, by recommendation id, with their annotation's state; links to annotations gone altogether are left out. */
function evidenceByRecommendation(doc: Pick<StoreDoc, 'links' | 'annotations'>, startOf: (id: string) => number): Map<string, Evidence> {
  const annotations = new Map<string, StoredAnnotation>(doc.annotations.map((a) => [a.id, a]));
  const result = new Map<string, Evidence>();
  for (const link of doc.links) {
    if (link.deletedAt !== null || !('recommendation' in link.to)) continue;
    const annotation = annotations.get(link.from);
    if (!annotation) continue;
    const list = result.get(link.to.recommendation) ?? [];
    list.push({ annotationId: link.from, relation: link.relation as RecommendationRelation, deleted: annotation.deletedAt !== null });
    result.set(link.to.recommendation, list);
  }
  // Evidence reads in document order.
  for (const list of result.values()) list.sort((a, b) => startOf(a.annotationId) - startOf(b.annotationId));
  return result;
}

/** One view per recommendation, in document order. `startOf` gives an annotation's position for ordering its evidence. */
export function recommendationViews(
  items: readonly RecommendationItem[],
  doc: Pick<StoreDoc, 'links' | 'annotations' | 'assessments'>,
  startOf: (id: string) => number = () => 0,
): RecommendationView[] {
  const assessments = new Map(doc.assessments.map((a) => [a.id, a]));
  const evidence = evidenceByRecommendation(doc, startOf);
  return items.map((item) => {
    const assessment = assessments.get(item.id);
    const links = evidence.get(item.id) ?? [];
    const count = (relation: RecommendationRelation) => links.filter((l) => l.relation === relation && !l.deleted).length;
    return {
      id: item.id,
      index: item.index,
      title: assessment?.title ?? item.title,
      text: item.text,
      start: item.start,
      end: item.end,
      status: assessment?.status ?? 'not-assessed',
      rationale: assessment?.rationale ?? '',
      assessedBy: assessment?.assessedBy ?? null,
      assessedAt: assessment?.assessedAt ?? null,
      evidence: { progress: count('progress'), gap: count('gap'), context: count('context') },
      links,
    };
  });
}
