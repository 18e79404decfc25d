/**
 * An annotation's links in the Markdown export, as sentences (issue 14):
 * "Evidence of a gap for Recommendation 3: Develop, systematize…",
 * "Supports: Protection ¶4 “quote…”", "Supported by: …". A link whose other
 * end is deleted says "(in Recently deleted)". Escaped by the same rules as
 * the rest of the export (markdown-escape.ts), one line each.
 */
import type { AnnotationLink, AnnotationRelation, AnnotationView, RecommendationRelation } from '../../../preload/contract';
import { escapeMarkdown } from './markdown-escape';

/** What the export needs to name a link's other end. */
export interface LinkNames {
  /** "Recommendation 3: <title>", or null when the report has no such recommendation. */
  recommendation(id: string): string | null;
  /** The other annotation's view, tombstones included, or undefined. */
  annotation(id: string): Pick<AnnotationView, 'citation' | 'exact'> | undefined;
}

const TO_RECOMMENDATION: Record<RecommendationRelation, string> = {
  progress: 'Evidence of progress for',
  gap: 'Evidence of a gap for',
  context: 'Context for',
};
const OUT: Record<AnnotationRelation, string> = { supports: 'Supports', contradicts: 'Contradicts', 'follows-up': 'Follows up', 'same-issue': 'Same issue as' };
const IN: Record<AnnotationRelation, string> = { supports: 'Supported by', contradicts: 'Contradicted by', 'follows-up': 'Followed up by', 'same-issue': 'Same issue as' };

/** Longest quote excerpt of a linked annotation, in characters. */
const EXCERPT = 80;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** One link as a sentence, or null when its other end is unknown. */
export function linkSentence(link: AnnotationLink, names: LinkNames): string | null {
  const deleted = link.otherDeleted ? ' (in Recently deleted)' : '';
  if ('recommendation' in link.to) {
    const name = names.recommendation(link.to.recommendation);
    const lead = TO_RECOMMENDATION[link.relation as RecommendationRelation];
    return name === null || lead === undefined ? null : `${lead} ${name}`;
  }
  const other = names.annotation(link.to.annotation);
  const lead = (link.direction === 'out' ? OUT : IN)[link.relation as AnnotationRelation];
  if (!other || lead === undefined) return null;
  return `${lead}: ${other.citation || 'Unplaced'} “${excerpt(other.exact)}”${deleted}`;
}

/** The annotation's links as escaped Markdown lines (a list), or null when it has none to show. */
export function linkLines(a: Pick<AnnotationView, 'links'>, names: LinkNames): string | null {
  const lines = (a.links ?? []).flatMap((link) => {
    const sentence = linkSentence(link, names);
    return sentence === null ? [] : [`- ${escapeMarkdown(sentence, { singleLine: true })}`];
  });
  return lines.length > 0 ? `Links:\n\n${lines.join('\n')}` : null;
}
