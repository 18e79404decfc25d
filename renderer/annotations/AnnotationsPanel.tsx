/**
 * The annotations panel (inside the shell's complementary "Annotations"
 * region): the colour legend, the filters with their counts, the annotations as
 * cards in document order or newest first, "Needs review" for passages that
 * could not be found, and "Recently deleted" with Restore.
 *
 * At 10,000 annotations it stays quick because it reads the store through
 * selectors, counts from maintained tallies, filters over a prefolded index in
 * a deferred render, and renders only the cards in view (AnnotationList).
 */
import { useMemo } from 'react';
import type { SectionId } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { EMPTY_FILTER, isPanelFiltered } from './annotation-filter';
import type { AnnotationSnapshot } from './annotation-store';
import { useAnnotations, useAnnotationsSelector } from './annotations-context';
import { AnnotationList } from './AnnotationList';
import { LegendEditor } from './LegendEditor';
import { PanelExtras } from './PanelExtras';
import { PanelFilters, toggleColor } from './PanelFilters';
import { usePanelView } from './use-panel-view';

function sectionTitles(blocks: ReadonlyArray<{ section: SectionId | null; sectionTitle: string | null }>): Array<{ id: SectionId; title: string }> {
  const seen = new Map<SectionId, string>();
  for (const b of blocks) if (b.section && b.sectionTitle && !seen.has(b.section)) seen.set(b.section, b.sectionTitle);
  return [...seen].map(([id, title]) => ({ id, title }));
}

const selectOrphans = (s: AnnotationSnapshot) => s.orphans;
const selectDeleted = (s: AnnotationSnapshot) => s.deleted;

export function AnnotationsPanel() {
  const { report, updateSettings } = useApp();
  const a = useAnnotations();
  const { filter, setFilter, sort } = a;
  const view = usePanelView(filter, sort);
  const orphans = useAnnotationsSelector(selectOrphans);
  const deleted = useAnnotationsSelector(selectDeleted);
  const allSections = useMemo(() => sectionTitles(report.blocks), [report.blocks]);
  const active = isPanelFiltered(filter);
  const { total, shown } = view;

  return (
    <div className="panel-inner fm-annotations-panel">
      <div className="fm-panel-toolbar">
        <h2 className="panel-heading fm-panel-heading">Annotations</h2>
        <p className="fm-panel-total">{!a.loaded ? '' : total === 1 ? '1 highlight' : `${total} highlights`}</p>
        {/* In the toolbar's row, so showing it never moves the list (the list itself is marked aria-busy). */}
        <span className="fm-panel-updating" aria-hidden="true" hidden={!view.stale}>
          Updating…
        </span>
        <button type="button" className="fm-icon-button" aria-label="Undo" aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl+Z)" onClick={() => void a.undo()}>
          <span aria-hidden="true">↶</span>
        </button>
        <button
          type="button"
          className="fm-icon-button"
          aria-label="Redo"
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          title="Redo (Shift+Ctrl+Z)"
          onClick={() => void a.redo()}
        >
          <span aria-hidden="true">↷</span>
        </button>
      </div>

      <LegendEditor
        legend={a.legend}
        counts={view.colors}
        chosen={filter.colors}
        readOnly={a.readOnly}
        onToggle={(id) => setFilter((f) => toggleColor(f, id))}
        onRename={async (id, label) => (await updateSettings({ legend: { [id]: label } })) !== null}
      />

      <PanelFilters
        filter={filter}
        setFilter={setFilter}
        sort={sort}
        setSort={a.setSort}
        sections={view.sections}
        allSections={allSections}
        tags={view.tags}
      />

      <p className="fm-panel-summary" aria-live="polite">
        {active && total > 0 ? `Showing ${shown.length} of ${total}` : ''}
      </p>

      {!a.loaded && (
        <p className="fm-panel-loading" role="status">
          Loading annotations…
        </p>
      )}

      {a.loadError && (
        <p className="fm-panel-error">
          {a.loadError}{' '}
          <button type="button" className="fm-link-button" onClick={() => void a.reload()}>
            Retry
          </button>
        </p>
      )}

      {a.loaded && total === 0 && !a.loadError && (
        <div className="fm-empty">
          <p className="fm-empty-title">No highlights yet</p>
          <p>Select a passage in the report, then pick a colour in the small toolbar that appears — or press 1 to 5.</p>
          <p>
            With the keyboard: move into the text, place the caret with the arrow keys, hold Shift to select, then press a colour key. Enter on a
            highlight opens its note.
          </p>
        </div>
      )}
      {total > 0 && shown.length === 0 && (
        <div className="fm-empty">
          <p>No annotations match these filters.</p>
          <button type="button" className="fm-button" onClick={() => setFilter(EMPTY_FILTER)}>
            Clear filters
          </button>
        </div>
      )}
      {shown.length > 0 && (
        <AnnotationList shown={shown} terms={view.terms} stale={view.stale} legend={a.legend} goTo={a.goTo} openCard={a.openCard} selection={a.selection} />
      )}

      <PanelExtras
        orphans={orphans}
        deleted={deleted}
        readOnly={a.readOnly}
        colorName={a.colorName}
        onDelete={(id) => void a.remove(id)}
        onRestore={(id) => void a.restore(id)}
      />
    </div>
  );
}
