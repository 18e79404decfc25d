/**
 * The panel's filter: its shape in the panel (one section, free text as typed),
 * which annotations the panel shows at all, and where the free-text terms fall
 * inside a string so the cards can emphasise them.
 *
 * Which annotations match is not decided here: the panel converts its filter to
 * the contract's shape and applies common/annotation-filter.ts, the same rule the
 * exports use, so exporting "what the panel shows" exports the same annotations.
 */
import type { AnnotationFilter, AnnotationView, ColorId, SectionId, Sensitivity } from '../../preload/contract';
import { isEmptyFilter } from '../../common/annotation-filter';

export interface PanelFilter {
  /** Any of these colours (none selected: every colour). */
  colors: ColorId[];
  /** Any of these tags or their sub-tags, by the tag rule (none selected: no tag filter). */
  tags: string[];
  section: SectionId | null;
  /** Free text over quote, note and tags: every term must occur in one of them. */
  text: string;
  /**
   * Only these annotations (a recommendation's evidence, issue 14), named in the
   * panel by `idsLabel`; null or absent: no such limit. The exports' filter has
   * no such facet, so it applies in the panel only.
   */
  ids?: string[] | null;
  idsLabel?: string;
  /** Any of these sensitivities (issue 16); absent or empty: every one. */
  sensitivity?: Sensitivity[];
}

export const EMPTY_FILTER: PanelFilter = { colors: [], tags: [], section: null, text: '', ids: null, idsLabel: '' };

export type SortOrder = 'document' | 'newest';

/** Annotations shown in the panel's main list and painted in the text. */
export function isLive(a: AnnotationView): boolean {
  return a.deletedAt === null && a.anchor.status !== 'orphan';
}

/** Live orphans: their passage could not be found in the current text. */
export function isOrphan(a: AnnotationView): boolean {
  return a.deletedAt === null && a.anchor.status === 'orphan';
}

/** The panel filter in the contract's shape (for the shared rule, and for exporting what the panel shows). */
export function toContractFilter(filter: PanelFilter): AnnotationFilter {
  const out: AnnotationFilter = {};
  if (filter.colors.length > 0) out.colors = [...filter.colors];
  if (filter.tags.length > 0) out.tags = [...filter.tags];
  if (filter.section !== null) out.sections = [filter.section];
  const text = filter.text.trim();
  if (text) out.text = text.slice(0, 1000);
  if (filter.sensitivity?.length) out.sensitivity = [...filter.sensitivity];
  return out;
}

/** Whether any filter the exports share narrows the list (an id filter is the panel's own: see isPanelFiltered). */
export function isFilterActive(filter: PanelFilter): boolean {
  return !isEmptyFilter(toContractFilter(filter));
}

/** Whether the panel shows fewer than all: a shared filter, or an id filter (a recommendation's evidence). */
export function isPanelFiltered(filter: PanelFilter): boolean {
  return (filter.ids ?? null) !== null || isFilterActive(filter);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One case-insensitive pattern for all terms, longest first so the longest overlapping term wins. */
function termPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const sorted = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(sorted.join('|'), 'giu');
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
