/**
 * What the Recommendations view shows, as pure functions of the service's
 * answers: the names of evidence-count buttons, the panel filter chip's words,
 * the status legend, and a recommendation's evidence grouped by relation. The
 * components only lay these out.
 */
import { STATUS_LABELS, type AnnotationView, type RecommendationRelation, type RecommendationStatus, type RecommendationView } from '../../preload/contract';
import { RECOMMENDATION_RELATIONS } from '../annotations/links/link-words';

/** The statuses in order, each with what it means (the legend; a status is never shown by colour alone). */
export const STATUS_LEGEND: ReadonlyArray<{ status: RecommendationStatus; label: string; meaning: string }> = [
  { status: 'not-assessed', label: STATUS_LABELS['not-assessed'], meaning: 'nobody has judged it yet' },
  { status: 'no-progress', label: STATUS_LABELS['no-progress'], meaning: 'the report shows no movement towards it' },
  { status: 'partial', label: STATUS_LABELS.partial, meaning: 'some steps, much left to do' },
  { status: 'substantial', label: STATUS_LABELS.substantial, meaning: 'most of it is done' },
  { status: 'implemented', label: STATUS_LABELS.implemented, meaning: 'done' },
];

/** "3 progress evidence for Recommendation 2": a count button's accessible name. */
export function evidenceCountName(count: number, relation: RecommendationRelation, index: number): string {
  return `${count} ${relation} evidence for Recommendation ${index}`;
}

/** The panel's chip for an evidence filter: "Evidence for Recommendation 2 (progress)". */
export function evidenceFilterLabel(index: number, relation: RecommendationRelation): string {
  return `Evidence for Recommendation ${index} (${relation})`;
}

/** The annotations a count stands for: live links of that relation from live annotations. */
export function evidenceIds(rec: RecommendationView, relation: RecommendationRelation): string[] {
  return rec.links.filter((link) => link.relation === relation && !link.deleted).map((link) => link.annotationId);
}

export interface EvidenceItem {
  annotationId: string;
  /** Null when the view does not hold the annotation (a load still on its way). */
  view: AnnotationView | null;
  deleted: boolean;
}

export interface EvidenceGroup {
  relation: RecommendationRelation;
  label: string;
  items: EvidenceItem[];
}

/** A recommendation's evidence by relation (progress, gap, context), each group in document order. */
export function evidenceGroups(rec: RecommendationView, find: (id: string) => AnnotationView | null): EvidenceGroup[] {
  return RECOMMENDATION_RELATIONS.map(({ relation, label }) => {
    const items = rec.links
      .filter((link) => link.relation === relation)
      .map((link) => {
        const view = find(link.annotationId);
        return { annotationId: link.annotationId, view, deleted: link.deleted || view?.deletedAt != null };
      })
      .sort((a, b) => (a.view?.start ?? Infinity) - (b.view?.start ?? Infinity));
    return { relation, label, items };
  });
}

/** When and by whom, in words: "Assessed by Aiko Tanaka on 4 Dec 2026, 20:15", or "Not assessed yet". */
export function assessedLine(rec: Pick<RecommendationView, 'assessedBy' | 'assessedAt'>, locale?: string): string {
  if (!rec.assessedAt) return 'Not assessed yet.';
  const when = new Date(rec.assessedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return rec.assessedBy ? `Assessed by ${rec.assessedBy} on ${when}.` : `Assessed on ${when} (no assessor named).`;
}
