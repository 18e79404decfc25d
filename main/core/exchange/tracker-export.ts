/**
 * The recommendation tracker as a file (issue 14): CSV for spreadsheets (one
 * row per recommendation; RFC 4180 with a BOM and neutralised formulas, by
 * csv.ts) and Markdown for a briefing (a table, then each recommendation's
 * status, rationale and evidence with citations).
 *
 * Evidence is what the tracker counts: live links from live annotations.
 */
import { STATUS_LABELS, type AnnotationView, type RecommendationRelation, type RecommendationView } from '../../../preload/contract';
import { renderCsv } from './csv';
import { escapeMarkdown, markdownCode } from './markdown-escape';

export const TRACKER_CSV_COLUMNS = ['id', 'title', 'status', 'rationale', 'progress', 'gap', 'context', 'evidence', 'assessedAt'] as const;

const RELATIONS: readonly RecommendationRelation[] = ['progress', 'gap', 'context'];
const RELATION_HEADINGS: Record<RecommendationRelation, string> = { progress: 'Evidence of progress', gap: 'Evidence of a gap', context: 'Context' };

/** One cited passage: "Protection ¶4: quote". */
export function citedPassage(view: Pick<AnnotationView, 'citation' | 'exact'>): string {
  return `${view.citation}: ${view.exact}`;
}

/** The live annotations cited as evidence for `rec`, by relation, in document order. */
function evidenceOf(rec: RecommendationView, views: ReadonlyMap<string, AnnotationView>): Array<{ relation: RecommendationRelation; view: AnnotationView }> {
  const out: Array<{ relation: RecommendationRelation; view: AnnotationView }> = [];
  for (const link of rec.links) {
    const view = views.get(link.annotationId);
    if (!link.deleted && view) out.push({ relation: link.relation, view });
  }
  return out;
}

/** The CSV tracker: one row per recommendation, the cited passages joined by line breaks. */
export function renderTrackerCsv(recs: readonly RecommendationView[], views: ReadonlyMap<string, AnnotationView>): string {
  const rows = recs.map((rec) => [
    rec.id,
    rec.title,
    STATUS_LABELS[rec.status],
    rec.rationale,
    String(rec.evidence.progress),
    String(rec.evidence.gap),
    String(rec.evidence.context),
    evidenceOf(rec, views).map(({ view }) => citedPassage(view)).join('\n'),
    rec.assessedAt ?? '',
  ]);
  return renderCsv(TRACKER_CSV_COLUMNS, rows);
}

const cell = (text: string) => escapeMarkdown(text, { singleLine: true }).replace(/\|/gu, '\\|');

/** The Markdown tracker: a table of all recommendations, then one section each. */
export function renderTrackerMarkdown(recs: readonly RecommendationView[], views: ReadonlyMap<string, AnnotationView>, meta: { title: string; exportedAt: Date }): string {
  const out = [
    `# Recommendation assessment: ${escapeMarkdown(meta.title, { singleLine: true })}`,
    `- Exported: ${markdownCode(meta.exportedAt.toISOString())}`,
    ['| # | Recommendation | Status | Progress | Gap | Context |', '| ---: | --- | --- | ---: | ---: | ---: |',
      ...recs.map((r) => `| ${r.index} | ${cell(r.title)} | ${STATUS_LABELS[r.status]} | ${r.evidence.progress} | ${r.evidence.gap} | ${r.evidence.context} |`)].join('\n'),
  ];
  for (const rec of recs) {
    out.push(`## Recommendation ${rec.index}: ${escapeMarkdown(rec.title, { singleLine: true })}`, `> ${escapeMarkdown(rec.text, { singleLine: true })}`);
    const assessed = rec.assessedAt ? ` (assessed${rec.assessedBy ? ` by ${escapeMarkdown(rec.assessedBy, { singleLine: true })}` : ''} on ${markdownCode(rec.assessedAt)})` : '';
    out.push(`**Status:** ${STATUS_LABELS[rec.status]}${assessed}`);
    if (rec.rationale.trim() !== '') out.push(`**Rationale:**\n\n${escapeMarkdown(rec.rationale)}`);
    const evidence = evidenceOf(rec, views);
    for (const relation of RELATIONS) {
      const cited = evidence.filter((e) => e.relation === relation);
      if (cited.length > 0) out.push(`**${RELATION_HEADINGS[relation]}:**\n\n${cited.map(({ view }) => `- ${escapeMarkdown(view.citation, { singleLine: true })}: “${escapeMarkdown(view.exact, { singleLine: true })}”`).join('\n')}`);
    }
  }
  return `${out.join('\n\n')}\n`;
}
