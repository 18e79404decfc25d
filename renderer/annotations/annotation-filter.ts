/**
 * The panel's filters as pure functions: which annotations match, the counts
 * shown beside each colour and tag, the sort orders, and where the free-text
 * terms fall inside a string so the cards can emphasise them.
 *
 * The matching rules mirror common/annotation-filter.ts exactly, so that
 * exporting "what the panel shows" exports the same annotations: any value
 * within a facet, every facet; a tag matches itself and its sub-tags
 * (`legal` → `legal/visa`), ignoring case; every white-space separated term must
 * occur, ignoring case, in the quote, the note or a tag.
 */
import { COLOR_IDS, type AnnotationFilter, type AnnotationView, type ColorId, type SectionId } from '../../preload/contract';

export interface PanelFilter {
  /** Any of these colours (none selected: every colour). */
  colors: ColorId[];
  /** Any of these tags or their sub-tags, ignoring case (none selected: no tag filter). */
  tags: string[];
  section: SectionId | null;
  /** Free text over quote, note and tags: every term must occur in one of them. */
  text: string;
}

export const EMPTY_FILTER: PanelFilter = { colors: [], tags: [], section: null, text: '' };

export type SortOrder = 'document' | 'newest';

type Facet = 'colors' | 'tags' | 'section';

/** Annotations shown in the panel's main list and painted in the text. */
export function isLive(a: AnnotationView): boolean {
  return a.deletedAt === null && a.anchor.status !== 'orphan';
}

/** Live orphans: their passage could not be found in the current text. */
export function isOrphan(a: AnnotationView): boolean {
  return a.deletedAt === null && a.anchor.status === 'orphan';
}

/** Whether any filter narrows the list. */
export function isFilterActive(filter: PanelFilter): boolean {
  return filter.colors.length > 0 || filter.tags.length > 0 || filter.section !== null || searchTerms(filter.text).length > 0;
}

/** The free-text terms, lower-cased: the filter text split on white space. */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/u)
    .filter((term) => term.length > 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One case-insensitive pattern for all terms, longest first so the longest overlapping term wins. */
export function termPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const sorted = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(sorted.join('|'), 'giu');
}

/** Whether `tag` is `wanted` or one of its sub-tags (`wanted/…`), ignoring case. */
export function tagMatches(tag: string, wanted: string): boolean {
  const t = tag.toLowerCase();
  const w = wanted.trim().toLowerCase();
  return t === w || t.startsWith(`${w}/`);
}

function matches(a: AnnotationView, filter: PanelFilter, terms: readonly string[], skip?: Facet): boolean {
  if (skip !== 'colors' && filter.colors.length > 0 && !filter.colors.includes(a.color)) return false;
  if (skip !== 'section' && filter.section !== null && a.section !== filter.section) return false;
  if (skip !== 'tags' && filter.tags.length > 0 && !a.tags.some((tag) => filter.tags.some((wanted) => tagMatches(tag, wanted)))) return false;
  if (terms.length === 0) return true;
  const haystack = `${a.exact}\n${a.note}\n${a.tags.join('\n')}`.toLowerCase();
  return terms.every((term) => haystack.includes(term));
}

/** The annotations that pass every filter, in the given order. */
export function filterAnnotations(list: readonly AnnotationView[], filter: PanelFilter): AnnotationView[] {
  const terms = searchTerms(filter.text);
  return list.filter((a) => matches(a, filter, terms));
}

/**
 * How many annotations each colour would show, given the other filters
 * (faceted counts: choosing a colour does not zero the others' counts).
 */
export function colorCounts(list: readonly AnnotationView[], filter: PanelFilter): Record<ColorId, number> {
  const terms = searchTerms(filter.text);
  const counts = Object.fromEntries(COLOR_IDS.map((id) => [id, 0])) as Record<ColorId, number>;
  for (const a of list) if (matches(a, filter, terms, 'colors')) counts[a.color]++;
  return counts;
}

/**
 * For each tag in use, how many annotations choosing it would show (the tag or
 * its sub-tags), given the other filters. Tags that differ only in case are one
 * tag, shown as first written. Most used first; chosen tags are always listed.
 */
export function tagCounts(list: readonly AnnotationView[], filter: PanelFilter): Array<{ tag: string; count: number }> {
  const terms = searchTerms(filter.text);
  const pool = list.filter((a) => matches(a, filter, terms, 'tags'));
  const distinct = new Map<string, string>();
  for (const a of list) for (const tag of a.tags) if (!distinct.has(tag.toLowerCase())) distinct.set(tag.toLowerCase(), tag);
  for (const wanted of filter.tags) if (!distinct.has(wanted.toLowerCase())) distinct.set(wanted.toLowerCase(), wanted);
  const counts = [...distinct.values()].map((tag) => ({
    tag,
    count: pool.filter((a) => a.tags.some((t) => tagMatches(t, tag))).length,
  }));
  return counts.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** How many annotations each section would show, given the other filters. */
export function sectionCounts(list: readonly AnnotationView[], filter: PanelFilter): Map<SectionId, number> {
  const terms = searchTerms(filter.text);
  const counts = new Map<SectionId, number>();
  for (const a of list) {
    if (a.section === null || !matches(a, filter, terms, 'section')) continue;
    counts.set(a.section, (counts.get(a.section) ?? 0) + 1);
  }
  return counts;
}

/** Document order (by start, the longer first at a tie) or newest first. */
export function sortAnnotations(list: readonly AnnotationView[], order: SortOrder): AnnotationView[] {
  const sorted = [...list];
  if (order === 'newest') sorted.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.start - b.start);
  else sorted.sort((a, b) => a.start - b.start || b.end - a.end || a.createdAt.localeCompare(b.createdAt));
  return sorted;
}

export interface Segment {
  text: string;
  match: boolean;
}

/** Splits text into plain and matching segments, for emphasising the free-text terms. */
export function splitMatches(text: string, terms: readonly string[]): Segment[] {
  const pattern = termPattern(terms);
  if (!pattern || text === '') return text === '' ? [] : [{ text, match: false }];
  const segments: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    if (at > last) segments.push({ text: text.slice(last, at), match: false });
    segments.push({ text: m[0], match: true });
    last = at + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** The panel filter in the contract's shape (for exporting what the panel shows). */
export function toContractFilter(filter: PanelFilter): AnnotationFilter {
  const out: AnnotationFilter = {};
  if (filter.colors.length > 0) out.colors = [...filter.colors];
  if (filter.tags.length > 0) out.tags = [...filter.tags];
  if (filter.section !== null) out.sections = [filter.section];
  const text = filter.text.trim();
  if (text) out.text = text.slice(0, 1000);
  return out;
}
