/**
 * What the panel shows for a filter: the matching annotations in order and the
 * faceted counts beside each colour, section and tag. With no filter the counts
 * are the maintained tallies and the list is the store's own ordered array (no
 * walk at all). With a filter, one pass over the annotations computes the list
 * and every facet together, using the prefolded text and tag keys of the filter
 * index; each facet is decided by common/annotation-filter.ts, the rule the
 * exports apply. Typing more of a word only narrows: when the new terms refine
 * the previous pass's (same store version, same other facets), the pass walks
 * only the annotations whose text matched last time, not all 10,000.
 */
import type { AnnotationView, ColorId, SectionId } from '../../preload/contract';
import { filterFacets, filterTerms } from '../../common/annotation-filter';
import { isPanelFiltered, toContractFilter, type PanelFilter } from './annotation-filter';
import { emptyColorCounts, listTags, type Tallies } from './annotation-tallies';
import type { FilterIndex } from './filter-index';

export interface PanelView {
  shown: readonly AnnotationView[];
  colors: Record<ColorId, number>;
  sections: ReadonlyMap<SectionId, number>;
  tags: Array<{ tag: string; count: number }>;
}

/**
 * What a filtered pass leaves for the next one: the live annotations (in document
 * order) whose text matched `terms`, valid only under the same `key` (the store's
 * version and the filter's other facets).
 */
export interface TextPass {
  key: string;
  terms: readonly string[];
  passed: readonly AnnotationView[];
}

/**
 * True when every annotation matching `next` also matches `previous`: each old
 * term occurs inside some new term (the text facet wants every term as a substring).
 */
export function refines(next: readonly string[], previous: readonly string[]): boolean {
  return previous.every((old) => next.some((term) => term.includes(old)));
}

export interface PanelSource {
  /** Live annotations in document order. */
  live: readonly AnnotationView[];
  /** The same annotations in the order the panel is sorted by. */
  ordered: readonly AnnotationView[];
  index: FilterIndex;
  tallies: Tallies;
}

/**
 * The panel's list and counts for `filter`, and the text pass a refined filter
 * may start from (null without a filter). `previous` is the last pass and `key`
 * names the store version and the other facets this one is computed under.
 */
export function panelView(source: PanelSource, filter: PanelFilter, previous: TextPass | null = null, key = ''): PanelView & { pass: TextPass | null } {
  const { live, ordered, index, tallies } = source;
  if (!isPanelFiltered(filter)) {
    return { shown: ordered, colors: { ...tallies.colors }, sections: new Map(tallies.sections), tags: listTags(tallies, live, tallies.tagTotals, filter.tags), pass: null };
  }
  const facets = filterFacets(toContractFilter(filter));
  const terms = filterTerms(filter.text);
  // Annotations that failed the old terms fail the refined ones too, so they are not visited at all.
  const pool = previous !== null && previous.key === key && refines(terms, previous.terms) ? previous.passed : live;
  // An id filter (a recommendation's evidence) is a limit on the pool, not a facet with counts of its own.
  const only = filter.ids ? new Set(filter.ids) : null;
  const colors = emptyColorCounts();
  const sections = new Map<SectionId, number>();
  const tagPool = new Map<string, number>();
  const passed: AnnotationView[] = [];
  const matching: AnnotationView[] = [];
  for (const a of pool) {
    if (only !== null && !only.has(a.id)) continue;
    // Sensitivity (issue 16), like the id limit, narrows the pool without counts of its own.
    if (!facets.sensitivity(a)) continue;
    const color = facets.color(a);
    const section = facets.section(a);
    const tags = facets.tags(index.tagsOf(a));
    if (!(color && section) && !(color && tags) && !(section && tags)) continue;
    if (!facets.text(index.textOf(a))) continue;
    passed.push(a);
    // Each facet's count ignores that facet's own choice (choosing a colour does not zero the others).
    if (section && tags) colors[a.color]++;
    if (color && tags && a.section !== null) sections.set(a.section, (sections.get(a.section) ?? 0) + 1);
    if (color && section) for (const k of index.tagsOf(a)) tagPool.set(k, (tagPool.get(k) ?? 0) + 1);
    if (color && section && tags) matching.push(a);
  }
  // The pool is in document order; another order takes the matches from the ordered list.
  const ids = ordered === live ? null : new Set(matching.map((a) => a.id));
  const shown = ids === null ? matching : ordered.filter((a) => ids.has(a.id));
  return { shown, colors, sections, tags: listTags(tallies, live, tagPool, filter.tags), pass: { key, terms, passed } };
}
