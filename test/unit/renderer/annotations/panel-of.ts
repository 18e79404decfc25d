/**
 * Test helpers for the panel's filter: the panel as the app computes it (through
 * the store, its filter index and tallies), and the same answers by definition,
 * straight from the shared predicate of common/annotation-filter.ts: what the panel
 * shows is what that predicate keeps among live annotations, and a facet's count is
 * the count under the filter without that facet.
 */
import { COLOR_IDS, type AnnotationView, type ColorId, type SectionId } from '../../../../preload/contract';
import { annotationFilter, matchesFilter } from '../../../../common/annotation-filter';
import { tagKey } from '../../../../common/tag-identity';
import { isLive, toContractFilter, type PanelFilter, type SortOrder } from '../../../../renderer/annotations/annotation-filter';
import { AnnotationStore } from '../../../../renderer/annotations/annotation-store';
import { panelView, type PanelView } from '../../../../renderer/annotations/panel-view';

/** The panel's list and counts for `list` and `filter`, as the app computes them. */
export function panelOf(list: readonly AnnotationView[], filter: PanelFilter, sort: SortOrder = 'document'): PanelView {
  const store = new AnnotationStore();
  store.replaceAll([...list]);
  const s = store.getSnapshot();
  return panelView({ live: s.live, ordered: sort === 'newest' ? s.newest : s.live, index: s.index, tallies: s.tallies }, filter);
}

/** The live annotations the shared predicate keeps, in the order given. */
export function referenceShown(list: readonly AnnotationView[], filter: PanelFilter): AnnotationView[] {
  const keep = annotationFilter(toContractFilter(filter));
  return list.filter((a) => isLive(a) && keep(a));
}

export function referenceColorCounts(list: readonly AnnotationView[], filter: PanelFilter): Record<ColorId, number> {
  const counts = Object.fromEntries(COLOR_IDS.map((id) => [id, 0])) as Record<ColorId, number>;
  for (const a of referenceShown(list, { ...filter, colors: [] })) counts[a.color]++;
  return counts;
}

export function referenceSectionCounts(list: readonly AnnotationView[], filter: PanelFilter): Map<SectionId, number> {
  const counts = new Map<SectionId, number>();
  for (const a of referenceShown(list, { ...filter, section: null })) {
    if (a.section !== null) counts.set(a.section, (counts.get(a.section) ?? 0) + 1);
  }
  return counts;
}

/** Each tag in use (first spelling in `list` order) and chosen tag, with how many annotations choosing it alone would add. */
export function referenceTagCounts(list: readonly AnnotationView[], filter: PanelFilter): Array<{ tag: string; count: number }> {
  const pool = referenceShown(list, { ...filter, tags: [] });
  const distinct = new Map<string, string>();
  for (const tag of [...list.filter(isLive).flatMap((a) => a.tags), ...filter.tags]) {
    if (!distinct.has(tagKey(tag))) distinct.set(tagKey(tag), tag);
  }
  return [...distinct.values()]
    .map((tag) => ({ tag, count: pool.filter((a) => matchesFilter(a, { tags: [tag] })).length }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
