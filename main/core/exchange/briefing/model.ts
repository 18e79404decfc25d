/**
 * The briefing model (issue 15): a pure function from the store's views, the
 * report and the options to the structured document that every format (DOCX,
 * HTML, Markdown and the renderer's print view) renders. Nothing here reads
 * the clock, the locale or the time zone, so the same data and options give
 * the same model, and so the same bytes in every format that has no timestamp.
 */
import type {
  AnnotationView,
  Block,
  Briefing,
  BriefingItem,
  BriefingOptions,
  CodeView,
  Legend,
  RecommendationView,
  SectionId,
} from '../../../../preload/contract';
import { describeFilterParts, type CodeParents } from '../../../../common/annotation-filter';
import { selectAnnotations, type SelectOptions } from './select';
import { groupAnnotations, type RawGroup } from './groups';
import { assessmentRows, briefingCodebook, briefingMatrix } from './tables';

/** Who publishes the report every quote is cited from. */
export const PUBLISHER = 'U.S. Department of State';

export interface BriefingInput {
  report: { title: string; year: number; sha256: string; blocks: readonly Pick<Block, 'section' | 'sectionTitle'>[] };
  /** Every annotation view, tombstones included (the selection leaves them out). */
  views: readonly AnnotationView[];
  /** Every live code in tree order. */
  codebook: readonly CodeView[];
  recommendations: readonly RecommendationView[];
  legend: Legend;
  options: BriefingOptions;
  /** A further rule for which annotations may appear (see select.ts); absent admits all. */
  admit?: SelectOptions['admit'];
  /** The note a file may carry for an annotation (e.g. withheld when shared); absent: its own note. */
  noteOf?: (view: AnnotationView) => string;
}

type Include = Briefing['include'];

function includeOf(options: BriefingOptions): Include {
  const given = options.include ?? {};
  return {
    notes: given.notes ?? true,
    codes: given.codes ?? true,
    colors: given.colors ?? true,
    assessment: given.assessment ?? true,
    matrix: given.matrix ?? true,
    codebook: given.codebook ?? true,
    sources: given.sources ?? true,
  };
}

/** The summary's paragraphs: split at blank lines, line breaks inside kept (CRLF and CR read as LF). */
export function summaryParagraphs(summary: string | undefined): string[] {
  if (!summary) return [];
  return summary
    .replace(/\r\n?/gu, '\n')
    .split(/\n[^\S\n]*\n/u)
    .map((p) => p.replace(/^\n+|\n+$/gu, ''))
    .filter((p) => p.trim() !== '');
}

function sectionTitles(blocks: BriefingInput['report']['blocks']): (id: SectionId) => string {
  const titles = new Map<SectionId, string>();
  for (const b of blocks) if (b.section && b.sectionTitle && !titles.has(b.section)) titles.set(b.section, b.sectionTitle);
  return (id) => titles.get(id) ?? id.charAt(0).toUpperCase() + id.slice(1);
}

function filterDescription(input: BriefingInput): string | null {
  const pathOf = new Map(input.codebook.map((c) => [c.id, c.path]));
  const parts = describeFilterParts(input.options.filter, input.legend, sectionTitles(input.report.blocks), (id) => pathOf.get(id) ?? id) ?? [];
  const words = parts.map(({ facet, values }) => `${facet}: ${values.join(', ')}`);
  if (input.options.ids) words.unshift(`chosen annotations (${new Set(input.options.ids).size})`);
  return words.length > 0 ? words.join('; ') : null;
}

interface ItemContext {
  include: Include;
  legend: Legend;
  cite: (place: string) => string;
  noteOf: (view: AnnotationView) => string;
}

function itemOf(raw: RawGroup['items'][number], { include, legend, cite, noteOf }: ItemContext): BriefingItem {
  const { view, relation } = raw;
  const note = include.notes ? noteOf(view) : '';
  return {
    annotationId: view.id,
    quote: view.exact,
    place: view.citation,
    citation: cite(view.citation),
    note: note.length > 0 ? note : null,
    codes: include.codes ? [...view.tags] : [],
    color: include.colors ? view.color : null,
    colorLabel: include.colors ? legend[view.color] : null,
    relation,
  };
}

/** Builds the briefing. Pure: the same input gives an equal model. */
export function buildBriefing(input: BriefingInput): Briefing {
  const { options, report, legend } = input;
  const include = includeOf(options);
  const parents = new Map(input.codebook.map((c) => [c.id, c.parentId]));
  const parentOf: CodeParents = (id) => parents.get(id);
  const { chosen, orphansExcluded } = selectAnnotations(input.views, { filter: options.filter, ids: options.ids, parentOf, admit: input.admit });
  const work = report.title;
  const cite = (place: string) => (place ? `${PUBLISHER}, ${work}, ${place}` : `${PUBLISHER}, ${work}`);
  const items: ItemContext = { include, legend, cite, noteOf: input.noteOf ?? ((view) => view.note) };
  const groups = groupAnnotations(chosen, options.groupBy, { legend, codebook: input.codebook, recommendations: input.recommendations }).map((g) => ({
    key: g.key,
    heading: g.heading,
    level: g.level,
    items: g.items.map((raw) => itemOf(raw, items)),
  }));
  const blank = (text: string | undefined) => (text === undefined || text === '' ? null : text);
  return {
    meta: {
      title: options.title,
      subtitle: blank(options.subtitle),
      author: blank(options.author),
      date: blank(options.date),
      groupBy: options.groupBy,
      filterDescription: filterDescription(input),
    },
    source: { publisher: PUBLISHER, work, year: report.year, reference: `${PUBLISHER}, ${work}. Washington, DC, ${report.year}.`, sha256: report.sha256 },
    include,
    summary: summaryParagraphs(options.summary),
    groups,
    assessment: include.assessment ? assessmentRows(input.recommendations) : null,
    matrix: include.matrix ? briefingMatrix(chosen, input.codebook, sectionTitles(report.blocks)) : null,
    codebook: include.codebook ? briefingCodebook(chosen, input.codebook) : null,
    counts: { annotations: chosen.length, placements: groups.reduce((n, g) => n + g.items.length, 0), orphansExcluded },
  };
}
