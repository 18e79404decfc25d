/**
 * The tracker's files (issue 14) from hand-built recommendation views: the CSV
 * read back by a strict RFC 4180 reader, and the Markdown (the tracker file,
 * the annotations export's assessment section, and each annotation's links)
 * read back by two CommonMark parsers, so hostile titles and rationales show
 * exactly as written and make no markup.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEGEND, MarkdownOptions, STATUS_LABELS, type AnnotationView, type RecommendationView } from '../../../../preload/contract';
import { renderMarkdown } from '../../../../main/core/exchange/markdown-export';
import { linkSentence } from '../../../../main/core/exchange/markdown-links';
import { TRACKER_CSV_COLUMNS, renderTrackerCsv, renderTrackerMarkdown } from '../../../../main/core/exchange/tracker-export';
import { recommendationsOf } from '../../../../main/core/report/recommendations';
import { PARSERS, hasHtml, syntaxTypes } from '../../../support/markdown-ast';
import { markdownVisibleText } from '../../../support/markdown-visible-text';
import { report, storedAt, viewOf } from '../../../support/exchange-fixtures';
import { readCsv } from './csv-reader';

const EXPORTED_AT = new Date(Date.UTC(2026, 10, 29, 10, 30, 0));
const RECS = recommendationsOf(report().text, report().blocks);

function paragraph(n: number) {
  return report().blocks.filter((b) => b.kind === 'paragraph')[n]!;
}
const A = viewOf(storedAt({ start: paragraph(3).start, end: paragraph(3).start + 40 }, 1));
const B = viewOf(storedAt({ start: paragraph(6).start, end: paragraph(6).start + 30 }, 2));
const GONE = { ...viewOf(storedAt({ start: paragraph(8).start, end: paragraph(8).start + 20 }, 3)), deletedAt: '2026-11-29T09:00:00.000Z' };
const VIEWS = new Map([A, B, GONE].map((v) => [v.id, v]));

function view(index: number, extra: Partial<RecommendationView> = {}): RecommendationView {
  const r = RECS[index - 1]!;
  return {
    id: r.id, index: r.index, title: r.title, text: r.text, start: r.start, end: r.end,
    status: 'not-assessed', rationale: '', assessedBy: null, assessedAt: null,
    evidence: { progress: 0, gap: 0, context: 0 }, links: [],
    ...extra,
  };
}

const HOSTILE = '=1+1 <b>x</b> | *y* [z](http://e) # h';
const TRACKER: RecommendationView[] = [
  view(1, {
    status: 'partial', rationale: 'Line one\r\n- not a list', assessedBy: 'Aiko', assessedAt: '2026-11-29T10:00:00.000Z',
    evidence: { progress: 1, gap: 1, context: 0 },
    links: [{ annotationId: A.id, relation: 'progress', deleted: false }, { annotationId: B.id, relation: 'gap', deleted: false }, { annotationId: GONE.id, relation: 'gap', deleted: true }],
  }),
  view(2, { title: HOSTILE, status: 'no-progress', rationale: '@SUM(A1)' }),
  ...RECS.slice(2).map((r) => view(r.index)),
];

describe('renderTrackerCsv', () => {
  const rows = readCsv(renderTrackerCsv(TRACKER, VIEWS).replace(/^\uFEFF/u, ''));

  it('has the columns and one row per recommendation, the status in words', () => {
    expect(rows[0]).toEqual([...TRACKER_CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual(TRACKER.map((r) => [r.id, STATUS_LABELS[r.status]]));
  });

  it('lists the live evidence as "Section ¶n: quote" on separate lines, with the counts', () => {
    expect(rows[1]!.slice(4)).toEqual(['1', '1', '0', `${A.citation}: ${A.exact}\n${B.citation}: ${B.exact}`, '2026-11-29T10:00:00.000Z']);
    expect(rows[1]![3]).toBe('Line one\r\n- not a list');
  });

  it('neutralises formula-like cells', () => {
    expect(rows[2]!.slice(1, 4)).toEqual([`'${HOSTILE}`, 'No progress', "'@SUM(A1)"]);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/u);
  });
});

describe('the tracker in Markdown', () => {
  const markdown = renderTrackerMarkdown(TRACKER, VIEWS, { title: 'Report', exportedAt: EXPORTED_AT });

  for (const { name, parse } of PARSERS) {
    it(`shows titles, rationale and evidence exactly, with no markup made (${name})`, () => {
      const parsed = parse(markdown);
      expect(hasHtml(parsed)).toBe(false);
      const headings = parsed.blocks.filter((b) => b.type === 'heading').map((b) => b.text);
      expect(headings).toContain(`Recommendation 2: ${HOSTILE}`);
      expect(headings.filter((h) => /^Recommendation \d+: /u.test(h))).toHaveLength(12);
      const texts = parsed.blocks.map((b) => b.text);
      expect(texts).toContain(markdownVisibleText('Line one\r\n- not a list'));
      expect(texts).toContain(`${A.citation}: “${A.exact}”`);
      expect(texts.join('\n')).not.toContain(GONE.exact);
    });
  }

  it('says each status in words and who assessed it', () => {
    expect(markdown).toContain('Status: **Partly addressed** (assessed by Aiko on `2026-11-29T10:00:00.000Z`)');
    expect(markdown).toContain('| 2 | =1+1 \\<b>x\\</b> \\| \\*y\\* \\[z](http://e) # h | No progress | 0 | 0 | 0 |');
  });
});

describe('links and the assessment section in the annotations export', () => {
  const linked: AnnotationView = {
    ...A,
    links: [
      { to: { recommendation: 'rec-2' }, relation: 'gap', direction: 'out', otherDeleted: false },
      { to: { annotation: B.id }, relation: 'supports', direction: 'out', otherDeleted: false },
      { to: { annotation: GONE.id }, relation: 'follows-up', direction: 'in', otherDeleted: true },
    ],
  };
  const names = { recommendation: (id: string) => (id === 'rec-2' ? `Recommendation 2: ${HOSTILE}` : null), annotation: (id: string) => VIEWS.get(id) };
  const render = (options: Partial<MarkdownOptions>) =>
    renderMarkdown({ report: report(), annotations: [linked, B], options: MarkdownOptions.parse(options), legend: DEFAULT_LEGEND, exportedAt: EXPORTED_AT, recommendations: TRACKER, linked: VIEWS });

  it('writes each link as a sentence, in words and with the other end', () => {
    expect(linked.links.map((l) => linkSentence(l, names))).toEqual([
      `Evidence of a gap for Recommendation 2: ${HOSTILE}`,
      `Supports: ${B.citation} “${B.exact}”`,
      `Followed up by: ${GONE.citation} “${GONE.exact}” (in Recently deleted)`,
    ]);
    for (const { parse } of PARSERS) {
      const parsed = parse(render({}));
      // Code spans are the export's own (ids and dates); nothing else is markup.
      expect(syntaxTypes(parsed).filter((t) => t !== 'code' && t !== 'code_inline')).toEqual([]);
      expect(parsed.blocks.map((b) => b.text)).toContain(linked.links.map((l) => linkSentence(l, names)).join('\n'));
    }
  });

  it('adds the "Recommendation assessment" section only when asked', () => {
    expect(render({})).not.toContain('## Recommendation assessment');
    const full = render({ includeAssessment: true });
    expect(full).toContain('\n## Recommendation assessment\n');
    expect(full).toContain('\n### Recommendation 12: ');
  });
});
