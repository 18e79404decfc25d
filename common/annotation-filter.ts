/**
 * The annotation filter shared by the panel and the exports, so that "export what
 * the panel shows" means exactly that. The renderer mirrors these rules:
 *
 * - deleted annotations (tombstones) never match;
 * - within one facet any value matches (colours: key OR gap), across facets all
 *   must match (colour AND tag AND section AND text);
 * - a tag matches itself and its sub-tags: `legal` matches `legal` and `legal/visa`,
 *   compared case-insensitively;
 * - free text is split on white space and every term must occur, case-insensitively,
 *   in the quote, the note or a tag;
 * - an absent or empty facet does not filter.
 */
import { COLOR_IDS, SectionId, type AnnotationFilter, type AnnotationView, type Legend } from '../preload/contract';

/** The fields of an annotation the filter looks at. */
export type FilterableAnnotation = Pick<AnnotationView, 'color' | 'tags' | 'section' | 'exact' | 'note' | 'deletedAt'>;

/** Lower-cases for matching; the same function on both sides keeps comparison symmetric. */
function fold(text: string): string {
  return text.toLowerCase();
}

/** The filter's free text as lower-cased terms. */
export function filterTerms(text: string | undefined): string[] {
  if (!text) return [];
  return fold(text)
    .split(/\s+/u)
    .filter((term) => term.length > 0);
}

/** True when the filter restricts nothing. */
export function isEmptyFilter(filter: AnnotationFilter | undefined): boolean {
  if (!filter) return true;
  return (
    (filter.colors?.length ?? 0) === 0 &&
    (filter.tags?.length ?? 0) === 0 &&
    (filter.sections?.length ?? 0) === 0 &&
    filterTerms(filter.text).length === 0
  );
}

/** True when `tag` is `wanted` or one of its sub-tags (`wanted/...`), case-insensitively. */
export function tagMatches(tag: string, wanted: string): boolean {
  const t = fold(tag);
  const w = fold(wanted.trim());
  return t === w || t.startsWith(`${w}/`);
}

/** Builds the predicate for a filter (terms are folded once, not per annotation). */
export function annotationFilter(filter: AnnotationFilter | undefined): (a: FilterableAnnotation) => boolean {
  const colors = filter?.colors?.length ? new Set<string>(filter.colors) : null;
  const tags = filter?.tags?.length ? filter.tags : null;
  const sections = filter?.sections?.length ? new Set<SectionId>(filter.sections) : null;
  const terms = filterTerms(filter?.text);
  return (a) => {
    if (a.deletedAt !== null) return false;
    if (colors && !colors.has(a.color)) return false;
    if (sections && (a.section === null || !sections.has(a.section))) return false;
    if (tags && !a.tags.some((tag) => tags.some((wanted) => tagMatches(tag, wanted)))) return false;
    if (terms.length > 0) {
      const haystack = fold(`${a.exact}\n${a.note}\n${a.tags.join('\n')}`);
      if (!terms.every((term) => haystack.includes(term))) return false;
    }
    return true;
  };
}

/** True when the annotation is live and passes the filter. */
export function matchesFilter(a: FilterableAnnotation, filter: AnnotationFilter | undefined): boolean {
  return annotationFilter(filter)(a);
}

/** The filter's facets in words for an export header (colour labels, section titles); null when empty. */
export function describeFilterParts(
  filter: AnnotationFilter | undefined,
  legend: Legend,
  sectionTitle: (id: SectionId) => string,
): Array<{ facet: string; values: string[] }> | null {
  if (isEmptyFilter(filter) || !filter) return null;
  const parts: Array<{ facet: string; values: string[] }> = [];
  // Canonical order (legend, document, code units), so the same filter always reads the same.
  if (filter.colors?.length) {
    parts.push({ facet: 'colours', values: COLOR_IDS.filter((c) => filter.colors!.includes(c)).map((c) => legend[c]) });
  }
  if (filter.tags?.length) parts.push({ facet: 'tags', values: [...new Set(filter.tags)].sort() });
  if (filter.sections?.length) {
    parts.push({ facet: 'sections', values: SectionId.options.filter((s) => filter.sections!.includes(s)).map(sectionTitle) });
  }
  const terms = filterTerms(filter.text);
  if (terms.length > 0) parts.push({ facet: 'text', values: [filter.text!.trim()] });
  return parts;
}
