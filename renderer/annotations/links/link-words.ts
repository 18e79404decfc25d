/**
 * Links in words, for cards and the tracker (issue 14): a relation is never
 * shown as a symbol or colour. Outgoing and incoming annotation links read
 * differently ("Supports" / "Supported by"), as both ends list them.
 */
import type { AnnotationLink, AnnotationRelation, AnnotationView, RecommendationRelation } from '../../../preload/contract';
import { excerpt } from '../excerpt';

/** The choices offered when linking to a recommendation, in this order. */
export const RECOMMENDATION_RELATIONS: ReadonlyArray<{ relation: RecommendationRelation; label: string }> = [
  { relation: 'progress', label: 'Progress' },
  { relation: 'gap', label: 'Gap' },
  { relation: 'context', label: 'Context' },
];

/** The choices offered when linking to another highlight, in this order. */
export const ANNOTATION_RELATIONS: ReadonlyArray<{ relation: AnnotationRelation; label: string }> = [
  { relation: 'supports', label: 'Supports' },
  { relation: 'contradicts', label: 'Contradicts' },
  { relation: 'follows-up', label: 'Follows up' },
  { relation: 'same-issue', label: 'Same issue' },
];

const EVIDENCE: Record<RecommendationRelation, string> = {
  progress: 'Evidence of progress for',
  gap: 'Evidence of a gap for',
  context: 'Context for',
};

const OUT: Record<AnnotationRelation, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  'follows-up': 'Follows up',
  'same-issue': 'Same issue as',
};

const IN: Record<AnnotationRelation, string> = {
  supports: 'Supported by',
  contradicts: 'Contradicted by',
  'follows-up': 'Followed up by',
  'same-issue': 'Same issue as',
};

/** "Recommendation 3: Develop, systematize…". */
export function recommendationName(index: number, title: string): string {
  return `Recommendation ${index}: ${title}`;
}

/** "Evidence of a gap for Recommendation 3: Develop, systematize…". */
export function recommendationLinkText(relation: RecommendationRelation, index: number, title: string): string {
  return `${EVIDENCE[relation]} ${recommendationName(index, title)}`;
}

/** How another annotation is named: its citation and the start of its quote, `Protection ¶4 “…”`. */
export function annotationName(view: Pick<AnnotationView, 'citation' | 'exact'>, max = 60): string {
  return `${view.citation} “${excerpt(view.exact, max)}”`;
}

/** "Supported by Protection ¶4 “…”" (or "Supports …" for an outgoing link). */
export function annotationLinkText(link: AnnotationLink, relation: AnnotationRelation, other: string): string {
  return `${(link.direction === 'out' ? OUT : IN)[relation]} ${other}`;
}

export function isRecommendationRelation(relation: string): relation is RecommendationRelation {
  return relation === 'progress' || relation === 'gap' || relation === 'context';
}
