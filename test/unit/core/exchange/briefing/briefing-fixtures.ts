/**
 * A small briefing world for the model and format tests: views on the bundled
 * report in three sections, a two-level codebook, two recommendations with
 * links, an orphan and a tombstone. Quotes and notes carry what must survive
 * exactly: curly quotes, NBSP, line breaks, non-Latin script.
 */
import { DEFAULT_LEGEND, type AnnotationView, type BriefingOptions, type CodeView, type RecommendationView } from '../../../../../preload/contract';
import type { BriefingInput } from '../../../../../main/core/exchange/briefing/model';
import { report, storedAt, uuidFor, viewOf } from '../../../../support/exchange-fixtures';

export const CODE_LABOUR = uuidFor(901);
export const CODE_TITP = uuidFor(902);
export const CODE_VICTIMS = uuidFor(903);

export const CODEBOOK: CodeView[] = [
  { id: CODE_LABOUR, name: 'Labour', path: 'Labour', parentId: null, description: 'Work “under” duress.\nSecond line.', color: null, codable: true, count: 0, totalCount: 3 },
  { id: CODE_TITP, name: 'TITP', path: 'Labour/TITP', parentId: CODE_LABOUR, description: '', color: null, codable: true, count: 2, totalCount: 2 },
  { id: CODE_VICTIMS, name: 'Victims', path: 'Victims', parentId: null, description: 'People identified.', color: null, codable: true, count: 1, totalCount: 1 },
];

/** A view at `offset` characters into the `n`-th block of `section`, `length` long. */
export function viewIn(n: number, section: string, paragraph: number, over: Partial<AnnotationView> = {}, offset = 0, length = 30): AnnotationView {
  const block = report().blocks.find((b) => b.section === section && b.paragraph === paragraph && b.kind !== 'heading');
  if (!block) throw new Error(`no block ${section} ${paragraph}`);
  const record = storedAt({ start: block.start + offset, end: block.start + offset + length, note: over.note ?? '', tags: over.tags ?? [] }, n);
  return { ...viewOf(record), ...over };
}

export const NOTE_EXACT = 'He said “no”\u00a0— twice.\nSecond line ‘quoted’.\n\n日本語のメモ';

export function sampleViews(): AnnotationView[] {
  return [
    viewIn(1, 'protection', 2, { color: 'gap', note: NOTE_EXACT, tags: ['Labour/TITP', 'Victims'], codeIds: [CODE_TITP, CODE_VICTIMS] }),
    viewIn(2, 'prosecution', 1, { color: 'key', tags: ['Labour/TITP'], codeIds: [CODE_TITP] }),
    viewIn(3, 'prevention', 1, { color: 'progress', note: 'Plain note' }),
    viewIn(4, 'protection', 1, { color: 'gap', anchor: { status: 'orphan', score: 0 } }, 31, 40),
    viewIn(5, 'protection', 3, { color: 'gap', deletedAt: '2026-01-01T00:00:00.000Z' }),
    viewIn(6, 'protection', 2, { color: 'question', note: 'Later in the same paragraph' }, 40, 20),
  ];
}

function rec(index: number, links: RecommendationView['links'], over: Partial<RecommendationView> = {}): RecommendationView {
  return {
    id: `rec-${index}`,
    index,
    title: `Recommendation title ${index}`,
    text: 'text',
    start: 0,
    end: 4,
    status: 'not-assessed',
    rationale: '',
    assessedBy: null,
    assessedAt: null,
    evidence: { progress: 0, gap: 0, context: 0 },
    links,
    ...over,
  };
}

export function sampleRecommendations(): RecommendationView[] {
  return [
    rec(1, [
      { annotationId: uuidFor(1), relation: 'gap', deleted: false },
      { annotationId: uuidFor(2), relation: 'progress', deleted: false },
    ], { status: 'partial', evidence: { progress: 1, gap: 1, context: 0 }, rationale: 'Some | pipes' }),
    rec(2, [
      { annotationId: uuidFor(1), relation: 'context', deleted: false },
      { annotationId: uuidFor(1), relation: 'progress', deleted: false },
      { annotationId: uuidFor(3), relation: 'gap', deleted: true },
    ]),
    rec(3, []),
  ];
}

export function sampleInput(options: Partial<BriefingOptions> = {}, views = sampleViews()): BriefingInput {
  return {
    report: report(),
    views,
    codebook: CODEBOOK,
    recommendations: sampleRecommendations(),
    legend: DEFAULT_LEGEND,
    options: { title: 'Japan 2021: labour trafficking in the TITP', groupBy: 'section', ...options },
  };
}
