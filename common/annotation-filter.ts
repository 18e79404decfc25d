/**
 * The annotation filter: the one rule the panel and the exports share, so that
 * "export what the panel shows" means exactly that.
 *
 * - deleted annotations (tombstones) never match;
 * - within one facet any value matches (colours: key OR gap), across facets all
 *   must match (colour AND tag AND section AND text);
 * - a tag matches itself and its sub-tags: `legal` matches `legal` and
 *   `legal/visa`, by the tag rule of tag-identity.ts ("TITP" = "ＴＩＴＰ");
 * - a code (by id) matches annotations coded with it or with any code under
 *   it; who is under whom is the codebook's (`CodeParents`), and without one
 *   only the code itself matches;
 * - free text is split on white space and every term must occur, case-insensitively,
 *   in the quote, the note or a tag;
 * - sensitivity (issue 16) matches the annotation's mark; a record without one is 'normal';
 * - an absent or empty facet does not filter.
 *
 * The panel counts each facet apart (faceted counts) over text it folded once, so
 * the rule is also offered facet by facet (`filterFacets`).
 */
import { COLOR_IDS, SENSITIVITY_LABELS, SectionId, Sensitivity, type AnnotationFilter, type AnnotationView, type Legend } from '../preload/contract';
import { tagKey, tagKeys, uniqueTags } from './tag-identity';

/** The fields of an annotation the filter looks at. */
export type FilterableAnnotation = Pick<AnnotationView, 'color' | 'tags' | 'codeIds' | 'section' | 'exact' | 'note' | 'deletedAt'> & {
  sensitivity?: Sensitivity;
};

/** A code's parent id (null at the top, undefined for an unknown code): enough to find every code under a filtered one. */
export type CodeParents = (id: string) => string | null | undefined;

/** Whether any of `codeIds`, or any code above one of them, is among `wanted`. */
function codedWithin(codeIds: readonly string[], wanted: ReadonlySet<string>, parentOf: CodeParents | undefined): boolean {
  for (const id of codeIds) {
    const seen = new Set<string>();
    for (let at: string | null | undefined = id; at != null && !seen.has(at); at = parentOf?.(at)) {
      if (wanted.has(at)) return true;
      seen.add(at);
    }
  }
  return false;
}

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

/** The folded text the free-text terms are looked for in: quote, note and tags, one per line (so no term spans two). */
export function foldSearchText(a: Pick<AnnotationView, 'exact' | 'note' | 'tags'>): string {
  return fold(`${a.exact}\n${a.note}\n${a.tags.join('\n')}`);
}

/** True when the filter restricts nothing. */
export function isEmptyFilter(filter: AnnotationFilter | undefined): boolean {
  if (!filter) return true;
  return (
    (filter.colors?.length ?? 0) === 0 &&
    (filter.tags?.length ?? 0) === 0 &&
    (filter.codes?.length ?? 0) === 0 &&
    (filter.sections?.length ?? 0) === 0 &&
    (filter.sensitivity?.length ?? 0) === 0 &&
    filterTerms(filter.text).length === 0
  );
}

/** One test per facet; each passes everything when its facet is empty. */
export interface FilterFacets {
  color(a: Pick<AnnotationView, 'color'>): boolean;
  section(a: Pick<AnnotationView, 'section'>): boolean;
  /** `keys` are the annotation's `tagKeys` (its tags and their parents). */
  tags(keys: ReadonlySet<string>): boolean;
  /** The annotation's code ids. */
  codes(codeIds: readonly string[]): boolean;
  /** `folded` is the annotation's `foldSearchText`. */
  text(folded: string): boolean;
  sensitivity(a: { sensitivity?: Sensitivity }): boolean;
}

/** The filter's facets, with its values folded once (not per annotation). */
export function filterFacets(filter: AnnotationFilter | undefined, parentOf?: CodeParents): FilterFacets {
  const colors = filter?.colors?.length ? new Set<string>(filter.colors) : null;
  const sections = filter?.sections?.length ? new Set<SectionId>(filter.sections) : null;
  const wanted = filter?.tags?.length ? filter.tags.map(tagKey) : null;
  const codes = filter?.codes?.length ? new Set(filter.codes) : null;
  const terms = filterTerms(filter?.text);
  const marks = filter?.sensitivity?.length ? new Set<Sensitivity>(filter.sensitivity) : null;
  return {
    color: (a) => !colors || colors.has(a.color),
    section: (a) => !sections || (a.section !== null && sections.has(a.section)),
    tags: (keys) => !wanted || wanted.some((key) => keys.has(key)),
    codes: (codeIds) => !codes || codedWithin(codeIds, codes, parentOf),
    text: (folded) => terms.every((term) => folded.includes(term)),
    sensitivity: (a) => !marks || marks.has(a.sensitivity ?? 'normal'),
  };
}

/** Builds the predicate for a filter. */
export function annotationFilter(filter: AnnotationFilter | undefined, parentOf?: CodeParents): (a: FilterableAnnotation) => boolean {
  const facets = filterFacets(filter, parentOf);
  return (a) =>
    a.deletedAt === null &&
    facets.color(a) &&
    facets.section(a) &&
    facets.tags(tagKeys(a.tags)) &&
    facets.codes(a.codeIds) &&
    facets.sensitivity(a) &&
    facets.text(foldSearchText(a));
}

/** True when the annotation is live and passes the filter. */
export function matchesFilter(a: FilterableAnnotation, filter: AnnotationFilter | undefined, parentOf?: CodeParents): boolean {
  return annotationFilter(filter, parentOf)(a);
}

/** The filter's facets in words for an export header (colour labels, section titles); null when empty. */
export function describeFilterParts(
  filter: AnnotationFilter | undefined,
  legend: Legend,
  sectionTitle: (id: SectionId) => string,
  codePath: (id: string) => string = (id) => id,
): Array<{ facet: string; values: string[] }> | null {
  if (isEmptyFilter(filter) || !filter) return null;
  const parts: Array<{ facet: string; values: string[] }> = [];
  // Canonical order (legend, document, code units), so the same filter always reads the same.
  if (filter.colors?.length) {
    parts.push({ facet: 'colours', values: COLOR_IDS.filter((c) => filter.colors!.includes(c)).map((c) => legend[c]) });
  }
  // One entry per tag by the tag rule, so "TITP" and "titp" in one filter are described once.
  if (filter.tags?.length) parts.push({ facet: 'tags', values: uniqueTags(filter.tags).sort() });
  if (filter.codes?.length) parts.push({ facet: 'codes', values: [...new Set(filter.codes.map(codePath))].sort() });
  if (filter.sections?.length) {
    parts.push({ facet: 'sections', values: SectionId.options.filter((s) => filter.sections!.includes(s)).map(sectionTitle) });
  }
  if (filter.sensitivity?.length) {
    parts.push({ facet: 'sensitivity', values: Sensitivity.options.filter((s) => filter.sensitivity!.includes(s)).map((s) => SENSITIVITY_LABELS[s]) });
  }
  const terms = filterTerms(filter.text);
  if (terms.length > 0) parts.push({ facet: 'text', values: [filter.text!.trim()] });
  return parts;
}
