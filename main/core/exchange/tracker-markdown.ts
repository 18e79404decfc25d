/**
 * The recommendation tracker as Markdown blocks (issue 14), shared by the
 * tracker's own file (tracker-export.ts) and the annotations export's
 * "Recommendation assessment" section (markdown-export.ts): a table of every
 * recommendation (number, title, status in words, evidence counts), then one
 * heading each with its text, status, who assessed it and when, the rationale,
 * and the evidence (live links from live annotations) by relation with
 * citations. Escaped by the export's rules (markdown-escape.ts).
 */
import { STATUS_LABELS, type AnnotationView, type RecommendationRelation, type RecommendationView } from '../../../preload/contract';
import { escapeMarkdown, markdownCode } from './markdown-escape';

const RELATIONS: readonly RecommendationRelation[] = ['progress', 'gap', 'context'];
const RELATION_HEADINGS: Record<RecommendationRelation, string> = { progress: 'Evidence of progress', gap: 'Evidence of a gap', context: 'Context' };

const line = (text: string) => escapeMarkdown(text, { singleLine: true });
/** A table cell: one line, with `|` escaped (GFM tables split cells at a bare `|`). */
const cell = (text: string) => line(text).replace(/\|/gu, '\\|');

/** The live annotations cited as evidence for `rec`, by relation, in the order the view gives (document order). */
export function evidenceOf(rec: RecommendationView, views: ReadonlyMap<string, AnnotationView>): Array<{ relation: RecommendationRelation; view: AnnotationView }> {
  return rec.links.flatMap((link) => {
    const view = views.get(link.annotationId);
    return !link.deleted && view && view.deletedAt === null ? [{ relation: link.relation, view }] : [];
  });
}

/** The table of every recommendation. */
export function trackerTable(recs: readonly RecommendationView[]): string {
  const rows = recs.map((r) => `| ${r.index} | ${cell(r.title)} | ${STATUS_LABELS[r.status]} | ${r.evidence.progress} | ${r.evidence.gap} | ${r.evidence.context} |`);
  return ['| # | Recommendation | Status | Progress | Gap | Context |', '| ---: | --- | --- | ---: | ---: | ---: |', ...rows].join('\n');
}

function assessedLine(rec: RecommendationView): string {
  let by = '';
  if (rec.assessedAt !== null) by = ` (assessed${rec.assessedBy ? ` by ${line(rec.assessedBy)}` : ''} on ${markdownCode(rec.assessedAt)})`;
  return `Status: **${STATUS_LABELS[rec.status]}**${by}`;
}

/** One recommendation's blocks, its heading at `level`. */
function recommendationBlocks(rec: RecommendationView, views: ReadonlyMap<string, AnnotationView>, level: number): string[] {
  const out = [`${'#'.repeat(level)} Recommendation ${rec.index}: ${line(rec.title)}`, `> ${escapeMarkdown(rec.text, { linePrefix: '> ' })}`, assessedLine(rec)];
  out.push(rec.rationale.trim() === '' ? '*No rationale.*' : `Rationale:\n\n${escapeMarkdown(rec.rationale)}`);
  const evidence = evidenceOf(rec, views);
  for (const relation of RELATIONS) {
    const cited = evidence.filter((e) => e.relation === relation);
    if (cited.length === 0) continue;
    const items = cited.map(({ view }) => `- ${line(view.citation || 'Unplaced')}: “${line(view.exact)}”`);
    out.push(`${RELATION_HEADINGS[relation]}:\n\n${items.join('\n')}`);
  }
  if (evidence.length === 0) out.push('*No evidence linked.*');
  return out;
}

/** The table, then each recommendation under a heading of `level`. */
export function trackerBlocks(recs: readonly RecommendationView[], views: ReadonlyMap<string, AnnotationView>, level: number): string[] {
  return [trackerTable(recs), ...recs.flatMap((rec) => recommendationBlocks(rec, views, level))];
}
