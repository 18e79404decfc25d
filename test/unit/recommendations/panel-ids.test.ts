/**
 * The panel's id filter (issue 14: a recommendation's evidence count filters
 * the Annotations panel to exactly the annotations it counts): it makes the
 * filter active, limits the list to those ids in the panel's order, combines
 * with the other facets, and Clear filters (EMPTY_FILTER) drops it.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, isFilterActive, isPanelFiltered, type PanelFilter } from '../../../renderer/annotations/annotation-filter';
import { AnnotationStore } from '../../../renderer/annotations/annotation-store';
import { panelView, type PanelSource } from '../../../renderer/annotations/panel-view';
import { view } from '../renderer/annotations/fixtures';

function source(): { source: PanelSource; ids: string[] } {
  const store = new AnnotationStore();
  const views = [
    view({ color: 'gap', exact: 'victims were not identified', start: 10, end: 20 }),
    view({ color: 'key', exact: 'shelters for victims', start: 30, end: 40 }),
    view({ color: 'gap', exact: 'interns fled', start: 50, end: 60 }),
    view({ color: 'progress', exact: 'a new action plan', start: 70, end: 80 }),
  ];
  store.replaceAll(views);
  const s = store.getSnapshot();
  return { source: { live: s.live, ordered: s.live, index: s.index, tallies: s.tallies }, ids: s.live.map((a) => a.id) };
}

describe('the panel id filter', () => {
  it('filters the panel with ids, even an empty list, and not without', () => {
    expect(isPanelFiltered(EMPTY_FILTER)).toBe(false);
    expect(isPanelFiltered({ ...EMPTY_FILTER, ids: [] })).toBe(true);
    expect(isPanelFiltered({ ...EMPTY_FILTER, ids: null, idsLabel: 'x' })).toBe(false);
    expect(isPanelFiltered({ ...EMPTY_FILTER, text: 'victims' })).toBe(true);
  });

  it('is no filter the exports share (they cannot say "these ids"), so an export never claims to be what the panel shows', () => {
    expect(isFilterActive({ ...EMPTY_FILTER, ids: ['00000000-0000-4000-8000-00000000000a'] })).toBe(false);
  });

  it('shows exactly the listed annotations in document order', () => {
    const { source: src, ids } = source();
    const filter: PanelFilter = { ...EMPTY_FILTER, ids: [ids[3]!, ids[0]!], idsLabel: 'Evidence for Recommendation 2 (gap)' };
    expect(panelView(src, filter).shown.map((a) => a.id)).toEqual([ids[0], ids[3]]);
  });

  it('combines with the text and colour facets, and counts only what it leaves', () => {
    const { source: src, ids } = source();
    const filter: PanelFilter = { ...EMPTY_FILTER, ids: [ids[0]!, ids[1]!, ids[2]!], text: 'victims' };
    const result = panelView(src, filter);
    expect(result.shown.map((a) => a.id)).toEqual([ids[0], ids[1]]);
    expect(result.colors.gap).toBe(1);
    expect(result.colors.key).toBe(1);
    expect(result.colors.progress).toBe(0);
    expect(panelView(src, { ...filter, colors: ['gap'] }).shown.map((a) => a.id)).toEqual([ids[0]]);
  });

  it('an empty id list shows nothing; Clear filters shows everything again', () => {
    const { source: src } = source();
    expect(panelView(src, { ...EMPTY_FILTER, ids: [] }).shown).toHaveLength(0);
    expect(panelView(src, EMPTY_FILTER).shown).toHaveLength(4);
  });
});
