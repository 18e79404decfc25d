/**
 * The panel's filters: free text, section, sort, tag chips with their counts and
 * Clear filters. The text field is bound to the filter as typed; the counts are
 * those of the (possibly deferred) panel view.
 */
import { memo } from 'react';
import type { ColorId, SectionId } from '../../preload/contract';
import { sameTag, tagKey } from '../../common/tag-identity';
import { EMPTY_FILTER, isPanelFiltered, type PanelFilter, type SortOrder } from './annotation-filter';
import { SensitivityFilter } from './SensitivityFilter';

export interface PanelFiltersProps {
  filter: PanelFilter;
  setFilter(update: PanelFilter | ((current: PanelFilter) => PanelFilter)): void;
  sort: SortOrder;
  setSort(order: SortOrder): void;
  sections: ReadonlyMap<SectionId, number>;
  allSections: ReadonlyArray<{ id: SectionId; title: string }>;
  tags: ReadonlyArray<{ tag: string; count: number }>;
}

/** Adds or removes a colour from the filter. */
export function toggleColor(f: PanelFilter, id: ColorId): PanelFilter {
  return { ...f, colors: f.colors.includes(id) ? f.colors.filter((c) => c !== id) : [...f.colors, id] };
}

function toggleTag(f: PanelFilter, tag: string): PanelFilter {
  const has = f.tags.some((t) => sameTag(t, tag));
  return { ...f, tags: has ? f.tags.filter((t) => !sameTag(t, tag)) : [...f.tags, tag] };
}

/** Memoised: its inputs change with the filter and the counts, not when a card opens or a note is typed. */
export const PanelFilters = memo(function PanelFilters({ filter, setFilter, sort, setSort, sections, allSections, tags }: PanelFiltersProps) {
  return (
    <section className="fm-filters" aria-label="Filters">
      <input
        type="search"
        className="fm-filter-text"
        aria-label="Filter annotations"
        placeholder="Filter by quote, note or tag"
        value={filter.text}
        maxLength={1000}
        onChange={(event) => {
          const text = event.target.value;
          setFilter((f) => ({ ...f, text }));
        }}
      />
      <div className="fm-filter-row">
        <select
          aria-label="Section"
          value={filter.section ?? ''}
          onChange={(event) => {
            const section = (event.target.value || null) as SectionId | null;
            setFilter((f) => ({ ...f, section }));
          }}
        >
          <option value="">All sections</option>
          {allSections.map((s) => (
            <option key={s.id} value={s.id}>
              {`${s.title} (${sections.get(s.id) ?? 0})`}
            </option>
          ))}
        </select>
        <select aria-label="Sort" value={sort} onChange={(event) => setSort(event.target.value as SortOrder)}>
          <option value="document">Document order</option>
          <option value="newest">Newest first</option>
        </select>
      </div>
      <SensitivityFilter filter={filter} setFilter={setFilter} />
      {tags.length > 0 && (
        <div role="group" aria-label="Tags" className="fm-tag-filters">
          {tags.map(({ tag, count }) => (
            <button
              key={tagKey(tag)}
              type="button"
              className="fm-filter-toggle fm-tag-toggle"
              aria-pressed={filter.tags.some((t) => sameTag(t, tag))}
              aria-label={`${tag} (${count})`}
              onClick={() => setFilter((f) => toggleTag(f, tag))}
            >
              <span className="fm-tag-text">{tag}</span>
              <span className="fm-count">{count}</span>
            </button>
          ))}
        </div>
      )}
      {filter.ids && (
        <button
          type="button"
          className="fm-filter-toggle fm-ids-chip"
          aria-label={`${filter.idsLabel || 'Chosen annotations'}: remove this filter`}
          onClick={() => setFilter((f) => ({ ...f, ids: null, idsLabel: '' }))}
        >
          {filter.idsLabel || 'Chosen annotations'} <span aria-hidden="true">×</span>
        </button>
      )}
      {isPanelFiltered(filter) && (
        <button type="button" className="fm-link-button" onClick={() => setFilter(EMPTY_FILTER)}>
          Clear filters
        </button>
      )}
    </section>
  );
});
