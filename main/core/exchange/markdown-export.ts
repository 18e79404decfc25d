/**
 * Markdown export: a pure function from annotations to a CommonMark document that
 * every renderer shows exactly as written (see markdown-escape.ts). The same input
 * always gives the same bytes: annotations are sorted by position and id, groups in
 * a fixed order, and nothing depends on the clock, the locale or the time zone.
 */
import {
  COLOR_IDS,
  type AnnotationView,
  type CodeView,
  type Block,
  type ColorId,
  type Legend,
  type MarkdownOptions,
  type RecommendationView,
  type SectionId,
} from '../../../preload/contract';
import { annotationFilter, describeFilterParts, type CodeParents } from '../../../common/annotation-filter';
import { tagKey, uniqueTags } from '../../../common/tag-identity';
import { escapeMarkdown, markdownCode } from './markdown-escape';
import { codebookBlocks, codebookCountsTable, depthOf } from './codebook-export';
import { linkLines, type LinkNames } from './markdown-links';
import { trackerBlocks } from './tracker-markdown';

/** What the header says about the report. */
export interface MarkdownReportMeta {
  title: string;
  country: string;
  year: number;
  tier: string;
  sha256: string;
  /** Used to name sections in the filter description; titles fall back to the section id. */
  blocks?: readonly Pick<Block, 'section' | 'sectionTitle'>[];
}

export interface RenderMarkdownInput {
  report: MarkdownReportMeta;
  /** Every annotation (tombstones are left out here); the filter in `options` picks the scope. */
  annotations: readonly AnnotationView[];
  options: MarkdownOptions;
  legend: Legend;
  exportedAt: Date;
  /** The codebook's tree and paths, for a filter by code (each code takes in the codes under it). */
  codes?: { parentOf: CodeParents; pathOf(id: string): string | null };
  /** Every live code in tree order with its counts: the groups of `groupBy: 'code'` and the codebook appendix. */
  codebook?: readonly CodeView[];
  /** The recommendations with their assessments (issue 14): names of linked recommendations, and the assessment section. */
  recommendations?: readonly RecommendationView[];
  /** Every annotation by id, tombstones included, to name the other end of a link. */
  linked?: ReadonlyMap<string, AnnotationView>;
}

export const NEEDS_REVIEW_TITLE = 'Needs review';
const NO_SECTION_TITLE = 'Title and tier';
const NO_TAG_TITLE = 'No tags';
export const NOT_CODED_TITLE = 'Not coded';
export const ASSESSMENT_TITLE = 'Recommendation assessment';

interface Group {
  heading: string;
  items: AnnotationView[];
  /** The heading's level (2 unless nested in the code tree). */
  level?: number;
}

/** Orders annotations by position, then id, with plain code-unit comparison (locale-independent). */
function byPosition(a: AnnotationView, b: AnnotationView): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${text}`;
}

function sectionTitleFinder(report: MarkdownReportMeta): (id: SectionId) => string {
  const titles = new Map<SectionId, string>();
  for (const block of report.blocks ?? []) {
    if (block.section && block.sectionTitle && !titles.has(block.section)) titles.set(block.section, block.sectionTitle);
  }
  return (id) => titles.get(id) ?? id.charAt(0).toUpperCase() + id.slice(1);
}

function groupBySection(items: readonly AnnotationView[]): Group[] {
  const groups = new Map<string, Group>();
  for (const a of items) {
    const key = a.section ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { heading: escapeMarkdown(a.sectionTitle ?? NO_SECTION_TITLE, { singleLine: true }), items: [] };
      groups.set(key, group);
    }
    group.items.push(a);
  }
  return [...groups.values()];
}

/**
 * One group per tag by the tag rule (tag-identity.ts: "TITP" and "ＴＩＴＰ" are one
 * group), headed by the first spelling in position order; groups in key order
 * (code units, locale-independent), untagged last.
 */
function groupByTag(items: readonly AnnotationView[]): Group[] {
  const byTag = new Map<string, { tag: string; items: AnnotationView[] }>();
  const untagged: AnnotationView[] = [];
  for (const a of items) {
    if (a.tags.length === 0) untagged.push(a);
    for (const tag of uniqueTags(a.tags)) {
      const key = tagKey(tag);
      const group = byTag.get(key);
      if (group) group.items.push(a);
      else byTag.set(key, { tag, items: [a] });
    }
  }
  const keys = [...byTag.keys()].sort();
  const groups = keys.map((key) => ({ heading: markdownCode(byTag.get(key)!.tag), items: byTag.get(key)!.items }));
  if (untagged.length > 0) groups.push({ heading: NO_TAG_TITLE, items: untagged });
  return groups;
}

/**
 * One group per code, as headings that follow the tree (a code deeper down is a
 * deeper heading, at most level 6), holding the annotations coded with that code
 * itself, so an annotation with two codes is under each. A code is shown when it
 * or a code under it holds any; the uncoded come last under "Not coded".
 */
function groupByCode(items: readonly AnnotationView[], codebook: readonly CodeView[]): Group[] {
  const direct = new Map<string, AnnotationView[]>();
  const uncoded: AnnotationView[] = [];
  const known = new Set(codebook.map((c) => c.id));
  for (const a of items) {
    const ids = a.codeIds.filter((id) => known.has(id));
    if (ids.length === 0) uncoded.push(a);
    for (const id of new Set(ids)) direct.set(id, [...(direct.get(id) ?? []), a]);
  }
  const shown = new Set<string>();
  const byId = new Map(codebook.map((c) => [c.id, c]));
  for (const id of direct.keys()) {
    for (let at = byId.get(id); at && !shown.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) shown.add(at.id);
  }
  const groups: Group[] = codebook
    .filter((c) => shown.has(c.id))
    .map((c) => ({ heading: escapeMarkdown(c.name, { singleLine: true }), items: direct.get(c.id) ?? [], level: Math.min(6, 2 + depthOf(c)) }));
  if (uncoded.length > 0) groups.push({ heading: NOT_CODED_TITLE, items: uncoded });
  return groups;
}

function groupByColor(items: readonly AnnotationView[], legend: Legend): Group[] {
  const byColor = new Map<ColorId, AnnotationView[]>(COLOR_IDS.map((c) => [c, []]));
  for (const a of items) byColor.get(a.color)?.push(a);
  return COLOR_IDS.filter((c) => byColor.get(c)!.length > 0).map((c) => ({
    heading: escapeMarkdown(legend[c], { singleLine: true }),
    items: byColor.get(c)!,
  }));
}

function renderAnnotation(a: AnnotationView, options: MarkdownOptions, legend: Legend, out: string[], level = 3, names?: LinkNames): void {
  let title = escapeMarkdown(a.citation || 'Annotation', { singleLine: true });
  if (a.anchor.status === 'orphan') title += ' (last known place)';
  if (options.includeColors) title += ` · ${escapeMarkdown(legend[a.color], { singleLine: true })}`;
  out.push(heading(level, title));
  out.push(`> ${escapeMarkdown(a.exact, { linePrefix: '> ' })}`);
  if (options.includeNotes && a.note.length > 0) out.push(escapeMarkdown(a.note));
  if (options.includeTags && a.tags.length > 0) out.push(`Tags: ${a.tags.map(markdownCode).join(', ')}`);
  if (options.includeDates) {
    let dates = `Created ${markdownCode(a.createdAt)}`;
    if (a.updatedAt !== a.createdAt) dates += ` · updated ${markdownCode(a.updatedAt)}`;
    out.push(dates);
  }
  const links = names ? linkLines(a, names) : null;
  if (links !== null) out.push(links);
  out.push(`Id: ${markdownCode(`urn:uuid:${a.id}`)}`);
}

/** How links name their other ends: recommendations by number and title, annotations by citation and quote. */
function linkNamesOf(input: RenderMarkdownInput): LinkNames {
  const recs = new Map((input.recommendations ?? []).map((r) => [r.id, r]));
  return {
    recommendation: (id) => {
      const rec = recs.get(id);
      return rec ? `Recommendation ${rec.index}: ${rec.title}` : null;
    },
    annotation: (id) => input.linked?.get(id),
  };
}

function filterLine(input: RenderMarkdownInput): string {
  const codes = input.codes;
  const parts = describeFilterParts(input.options.filter, input.legend, sectionTitleFinder(input.report), (id) => codes?.pathOf(id) ?? id);
  if (!parts) return 'none (all annotations)';
  return parts
    .map(({ facet, values }) => {
      const shown = facet === 'tags' || facet === 'codes' ? values.map(markdownCode) : values.map((v) => escapeMarkdown(v, { singleLine: true }));
      return `${facet}: ${shown.join(', ')}`;
    })
    .join('; ');
}

/** Renders the Markdown export. Pure: the same input gives the same string. */
export function renderMarkdown(input: RenderMarkdownInput): string {
  const { report, options, legend } = input;
  const keep = annotationFilter(options.filter, input.codes?.parentOf);
  const chosen = input.annotations.filter(keep).sort(byPosition);
  const placed = chosen.filter((a) => a.anchor.status !== 'orphan');
  const orphans = chosen.filter((a) => a.anchor.status === 'orphan');
  const line = (text: string) => escapeMarkdown(text, { singleLine: true });

  const out: string[] = [
    heading(1, `Annotations: ${line(report.title)}`),
    [
      `- Country: ${line(report.country)}`,
      `- Year: ${line(String(report.year))}`,
      `- Tier: ${line(report.tier)}`,
      `- Exported: ${markdownCode(input.exportedAt.toISOString())}`,
      `- Source text SHA-256: ${markdownCode(report.sha256)}`,
      `- Annotations: ${chosen.length}`,
      `- Filter: ${filterLine(input)}`,
      `- Grouped by: ${options.groupBy === 'color' ? 'colour' : options.groupBy}`,
    ].join('\n'),
  ];

  const names = linkNamesOf(input);
  for (const group of groupsOf(input, placed)) {
    const level = group.level ?? 2;
    out.push(heading(level, group.heading));
    for (const a of group.items) renderAnnotation(a, options, legend, out, Math.min(6, level + 1), names);
  }
  if (orphans.length > 0) {
    out.push(heading(2, NEEDS_REVIEW_TITLE));
    out.push('These annotations could not be placed in the current text; each is shown with its original quote.');
    for (const a of orphans) renderAnnotation(a, options, legend, out, 3, names);
  }
  if (chosen.length === 0) out.push('No annotations match.');
  const codebook = input.codebook ?? [];
  if ((options.includeCodebook ?? options.groupBy === 'code') && codebook.length > 0) out.push(...codebookAppendix(codebook));
  if (options.includeAssessment && input.recommendations) {
    out.push(heading(2, ASSESSMENT_TITLE), ...trackerBlocks(input.recommendations, input.linked ?? new Map<string, AnnotationView>(), 3));
  }
  return `${out.join('\n\n')}\n`;
}

function groupsOf(input: RenderMarkdownInput, placed: readonly AnnotationView[]): Group[] {
  switch (input.options.groupBy) {
    case 'tag':
      return groupByTag(placed);
    case 'color':
      return groupByColor(placed, input.legend);
    case 'code':
      return groupByCode(placed, input.codebook ?? []);
    default:
      return groupBySection(placed);
  }
}

/** The codebook after the annotations: each code's definition, then the counts. */
function codebookAppendix(codebook: readonly CodeView[]): string[] {
  return [
    heading(2, 'Codebook'),
    'Counts cover every annotation, not only the ones exported above. Direct: coded with the code itself. Total: with it or any code under it, each annotation once.',
    ...codebookBlocks(codebook, 3),
    heading(3, 'Code counts'),
    codebookCountsTable(codebook),
  ];
}
