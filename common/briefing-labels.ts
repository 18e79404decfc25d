/**
 * The fixed words of a briefing (issue 15), shared by every format (DOCX, HTML
 * and Markdown in main/core/exchange/briefing, the print view in the renderer)
 * so that they all read the same.
 */
import type { BriefingGroupBy, RecommendationRelation } from '../preload/contract';

export const BRIEFING_PARTS = {
  summary: 'Executive summary',
  evidence: 'Evidence from the report',
  assessment: 'Recommendation assessment',
  matrix: 'Coding matrix',
  codebook: 'Appendix: codebook',
  sources: 'Sources',
} as const;

export const GROUP_BY_LABELS: Record<BriefingGroupBy, string> = {
  section: 'section',
  color: 'colour',
  code: 'code',
  recommendation: 'recommendation',
};

/** What a quote says about the recommendation it is grouped under. */
export const RELATION_LABELS: Record<RecommendationRelation, string> = {
  progress: 'Evidence of progress',
  gap: 'Evidence of a gap',
  context: 'Context',
};

export const ASSESSMENT_COLUMNS = ['No.', 'Recommendation', 'Status', 'Progress', 'Gap', 'Context'] as const;
export const ASSESSMENT_NOTE = 'Statuses and evidence counts as recorded in the tracker, for every annotation (not only the ones quoted here).';
export const MATRIX_NOTE = 'Quotes in this briefing per code and section; a quote counts toward a code when it carries that code or a code under it.';
export const CODEBOOK_NOTE = 'The codes of the quotes in this briefing, with the codes above them. Count: quotes here coded with the code itself.';
export const NO_DEFINITION = 'No definition.';
export const NO_QUOTES = 'No annotations match.';

/** The sources block's lines after the reference. */
export function sha256Line(sha256: string): string {
  return `SHA-256 of the text quoted: ${sha256}`;
}

/** "Prepared by …, June 2026" style byline parts, in order, skipping the empty ones. */
export function bylineParts(meta: { author: string | null; date: string | null }): string[] {
  return [meta.author, meta.date].filter((part): part is string => part !== null && part !== '');
}

/** The line under "Evidence from the report": how the quotes are grouped and chosen. */
export function scopeLine(meta: { groupBy: BriefingGroupBy; filterDescription: string | null }, annotations: number): string {
  let line = `Grouped by ${GROUP_BY_LABELS[meta.groupBy]}; ${annotations} ${annotations === 1 ? 'annotation' : 'annotations'}.`;
  if (meta.filterDescription !== null) line += ` Selection: ${meta.filterDescription}.`;
  return line;
}
