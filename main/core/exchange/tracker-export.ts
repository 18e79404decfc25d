/**
 * The recommendation tracker as a file (issue 14): CSV for spreadsheets (one
 * row per recommendation; RFC 4180 with a BOM and neutralised formulas, by
 * csv.ts) and Markdown for a briefing (a table, then each recommendation's
 * status, rationale and evidence with citations, by tracker-markdown.ts, which
 * the annotations export's "Recommendation assessment" section shares).
 *
 * Evidence is what the tracker counts: live links from live annotations.
 */
import { STATUS_LABELS, type AnnotationView, type RecommendationView } from '../../../preload/contract';
import { renderCsv } from './csv';
import { escapeMarkdown, markdownCode } from './markdown-escape';
import { evidenceOf, trackerBlocks } from './tracker-markdown';

export const TRACKER_CSV_COLUMNS = ['id', 'title', 'status', 'rationale', 'progress', 'gap', 'context', 'evidence', 'assessedAt'] as const;

/** One cited passage: "Protection ¶4: quote". */
export function citedPassage(view: Pick<AnnotationView, 'citation' | 'exact'>): string {
  return `${view.citation || 'Unplaced'}: ${view.exact}`;
}

/** The CSV tracker: one row per recommendation, the status in words, the cited passages joined by line breaks. */
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

/** The Markdown tracker: a header, the table of all recommendations, then one section each. */
export function renderTrackerMarkdown(recs: readonly RecommendationView[], views: ReadonlyMap<string, AnnotationView>, meta: { title: string; exportedAt: Date }): string {
  const out = [
    `# Recommendation assessment: ${escapeMarkdown(meta.title, { singleLine: true })}`,
    [`- Exported: ${markdownCode(meta.exportedAt.toISOString())}`, `- Recommendations: ${recs.length}`].join('\n'),
    `Statuses, in order: ${Object.values(STATUS_LABELS).join(', ')}.`,
    ...trackerBlocks(recs, views, 2),
  ];
  return `${out.join('\n\n')}\n`;
}
