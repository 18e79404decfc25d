/**
 * What the panel shows for a filter: the matching annotations in order and the
 * faceted counts beside each colour, section and tag. With no filter the counts
 * are the maintained tallies and the list is the store's own ordered array (no
 * walk at all). With a filter, one pass over the annotations computes the list
 * and every facet together, using the prefolded text and tag keys of the filter
 * index; each facet is decided by common/annotation-filter.ts, the rule the
 * exports apply.
 */
import type { AnnotationView, ColorId, SectionId } from '../../preload/contract';
import { filterFacets } from '../../common/annotation-filter';
import { isFilterActive, toContractFilter, type PanelFilter } from './annotation-filter';
import { emptyColorCounts, listTags, type Tallies } from './annotation-tallies';
import type { FilterIndex } from './filter-index';

export interface PanelView {
  shown: readonly AnnotationView[];
  colors: Record<ColorId, number>;
  sections: ReadonlyMap<SectionId, number>;
  tags: Array<{ tag: string; count: number }>;
}

export interface PanelSource {
  /** Live annotations in document order. */
  live: readonly AnnotationView[];
  /** The same annotations in the order the panel is sorted by. */
  ordered: readonly AnnotationView[];
  index: FilterIndex;
  tallies: Tallies;
}

/** The panel's list and counts for `filter`. */
export function panelView(source: PanelSource, filter: PanelFilter): PanelView {
  const { live, ordered, index, tallies } = source;
  if (!isFilterActive(filter)) {
    return { shown: ordered, colors: { ...tallies.colors }, sections: new Map(tallies.sections), tags: listTags(tallies, live, tallies.tagTotals, filter.tags) };
  }
  const facets = filterFacets(toContractFilter(filter));
  const colors = emptyColorCounts();
  const sections = new Map<SectionId, number>();
  const tagPool = new Map<string, number>();
  const passes = new Set<string>();
  for (const a of live) {
    const color = facets.color(a);
    const section = facets.section(a);
    const tags = facets.tags(index.tagsOf(a));
    if (!(color && section) && !(color && tags) && !(section && tags)) continue;
    if (!facets.text(index.textOf(a))) continue;
    // Each facet's count ignores that facet's own choice (choosing a colour does not zero the others).
    if (section && tags) colors[a.color]++;
    if (color && tags && a.section !== null) sections.set(a.section, (sections.get(a.section) ?? 0) + 1);
    if (color && section) for (const key of index.tagsOf(a)) tagPool.set(key, (tagPool.get(key) ?? 0) + 1);
    if (color && section && tags) passes.add(a.id);
  }
  const shown = ordered.filter((a) => passes.has(a.id));
  return { shown, colors, sections, tags: listTags(tallies, live, tagPool, filter.tags) };
}
