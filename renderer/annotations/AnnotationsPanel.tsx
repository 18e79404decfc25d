/**
 * The annotations panel (inside the shell's complementary "Annotations"
 * region): the colour legend, the filters with their counts, the annotations as
 * cards in document order or newest first, "Needs review" for passages that
 * could not be found, and "Recently deleted" with Restore.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AnnotationView, ColorId, SectionId } from '../../preload/contract';
import { useApp } from '../app/app-context';
import {
  EMPTY_FILTER,
  colorCounts,
  filterAnnotations,
  isFilterActive,
  searchTerms,
  sectionCounts,
  sortAnnotations,
  tagCounts,
  type SortOrder,
} from './annotation-filter';
import { useAnnotations } from './annotations-context';
import { colorStyle } from './colors';
import { Emphasis } from './Emphasis';
import { excerpt } from './excerpt';
import { LegendEditor } from './LegendEditor';

const TRASH_SHOWN = 50;

function sectionTitles(blocks: ReadonlyArray<{ section: SectionId | null; sectionTitle: string | null }>): Array<{ id: SectionId; title: string }> {
  const seen = new Map<SectionId, string>();
  for (const b of blocks) if (b.section && b.sectionTitle && !seen.has(b.section)) seen.set(b.section, b.sectionTitle);
  return [...seen].map(([id, title]) => ({ id, title }));
}

function AnnotationItem({
  view,
  label,
  selected,
  terms,
  onGo,
  onEdit,
}: {
  view: AnnotationView;
  label: string;
  selected: boolean;
  terms: readonly string[];
  onGo(): void;
  onEdit(): void;
}) {
  const ref = useRef<HTMLLIElement>(null);
  const quoteId = useId();
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const note = view.note.trim();
  return (
    <li
      ref={ref}
      className="fm-item-card"
      data-color={view.color}
      data-annotation-id={view.id}
      aria-current={selected ? 'true' : undefined}
      onClick={(event) => {
        if (!(event.target instanceof Element && event.target.closest('button'))) onGo();
      }}
    >
      <div className="fm-item-head">
        <button type="button" className="fm-item-go" aria-describedby={quoteId} onClick={onGo}>
          {view.citation}
        </button>
        <button type="button" className="fm-icon-button" aria-label={`Edit note and tags, ${view.citation}`} title="Edit note and tags" onClick={onEdit}>
          <span aria-hidden="true">✎</span>
        </button>
      </div>
      <span className="fm-color-chip" data-color={view.color}>
        <span className="fm-sample fm-sample-small" data-color={view.color} aria-hidden="true">
          Aa
        </span>
        <span className="fm-chip-label">{label}</span>
      </span>
      <p id={quoteId} className="fm-item-quote">
        <Emphasis text={excerpt(view.exact, 180)} terms={terms} />
      </p>
      {view.tags.length > 0 && (
        <ul className="fm-tag-list fm-tag-list-small" aria-label="Tags">
          {view.tags.map((tag) => (
            <li key={tag} className="fm-tag">
              <Emphasis text={tag} terms={terms} />
            </li>
          ))}
        </ul>
      )}
      {note && (
        <p className="fm-item-note">
          <Emphasis text={excerpt(note, 140)} terms={terms} />
        </p>
      )}
    </li>
  );
}

export function AnnotationsPanel() {
  const { report, updateSettings } = useApp();
  const a = useAnnotations();
  const { live, filter, setFilter, sort } = a;
  const [trashOpen, setTrashOpen] = useState(false);
  const trashId = useId();

  const terms = useMemo(() => searchTerms(filter.text), [filter.text]);
  const shown = useMemo(() => sortAnnotations(filterAnnotations(live, filter), sort), [live, filter, sort]);
  const colors = useMemo(() => colorCounts(live, filter), [live, filter]);
  const tags = useMemo(() => tagCounts(live, filter), [live, filter]);
  const sections = useMemo(() => sectionCounts(live, filter), [live, filter]);
  const allSections = useMemo(() => sectionTitles(report.blocks), [report.blocks]);
  const active = isFilterActive(filter);

  const toggleColor = (id: ColorId) =>
    setFilter((f) => ({ ...f, colors: f.colors.includes(id) ? f.colors.filter((c) => c !== id) : [...f.colors, id] }));
  const toggleTag = (tag: string) =>
    setFilter((f) => {
      const has = f.tags.some((t) => t.toLowerCase() === tag.toLowerCase());
      return { ...f, tags: has ? f.tags.filter((t) => t.toLowerCase() !== tag.toLowerCase()) : [...f.tags, tag] };
    });

  return (
    <div className="panel-inner fm-annotations-panel">
      <div className="fm-panel-toolbar">
        <h2 className="panel-heading fm-panel-heading">Annotations</h2>
        <p className="fm-panel-total">{live.length === 1 ? '1 highlight' : `${live.length} highlights`}</p>
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
        counts={colors}
        chosen={filter.colors}
        readOnly={a.readOnly}
        onToggle={toggleColor}
        onRename={async (id, label) => (await updateSettings({ legend: { [id]: label } })) !== null}
      />

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
          <select aria-label="Sort" value={sort} onChange={(event) => a.setSort(event.target.value as SortOrder)}>
            <option value="document">Document order</option>
            <option value="newest">Newest first</option>
          </select>
        </div>
        {tags.length > 0 && (
          <div role="group" aria-label="Tags" className="fm-tag-filters">
            {tags.map(({ tag, count }) => (
              <button
                key={tag.toLowerCase()}
                type="button"
                className="fm-filter-toggle fm-tag-toggle"
                aria-pressed={filter.tags.some((t) => t.toLowerCase() === tag.toLowerCase())}
                aria-label={`${tag} (${count})`}
                onClick={() => toggleTag(tag)}
              >
                <span className="fm-tag-text">{tag}</span>
                <span className="fm-count">{count}</span>
              </button>
            ))}
          </div>
        )}
        {active && (
          <button type="button" className="fm-link-button" onClick={() => setFilter(EMPTY_FILTER)}>
            Clear filters
          </button>
        )}
      </section>

      <p className="fm-panel-summary" aria-live="polite">
        {active && live.length > 0 ? `Showing ${shown.length} of ${live.length}` : ''}
      </p>

      {a.loadError && (
        <p className="fm-panel-error">
          {a.loadError}{' '}
          <button type="button" className="fm-link-button" onClick={() => void a.reload()}>
            Retry
          </button>
        </p>
      )}

      {a.loaded && live.length === 0 && !a.loadError && (
        <div className="fm-empty">
          <p className="fm-empty-title">No highlights yet</p>
          <p>Select a passage in the report, then pick a colour in the small toolbar that appears — or press 1 to 5.</p>
          <p>
            With the keyboard: move into the text, place the caret with the arrow keys, hold Shift to select, then press a colour key. Enter on a
            highlight opens its note.
          </p>
        </div>
      )}
      {live.length > 0 && shown.length === 0 && (
        <div className="fm-empty">
          <p>No annotations match these filters.</p>
          <button type="button" className="fm-button" onClick={() => setFilter(EMPTY_FILTER)}>
            Clear filters
          </button>
        </div>
      )}
      {shown.length > 0 && (
        <ol className="fm-item-list" aria-label="Highlights">
          {shown.map((view) => (
            <AnnotationItem
              key={view.id}
              view={view}
              label={a.colorName(view.color)}
              selected={view.id === a.selectedId}
              terms={terms}
              onGo={() => a.goTo(view.id)}
              onEdit={() => {
                a.goTo(view.id, 'start');
                a.openCard(view.id, true);
              }}
            />
          ))}
        </ol>
      )}

      {a.orphans.length > 0 && (
        <section className="fm-review" aria-labelledby={`${trashId}-review`}>
          <h3 id={`${trashId}-review`} className="fm-panel-subtitle">
            {`Needs review (${a.orphans.length})`}
          </h3>
          <p className="fm-help">These passages could not be found in this edition of the report. Nothing was moved or dropped: the original quotes are kept below.</p>
          <ul className="fm-item-list">
            {a.orphans.map((view) => (
              <li key={view.id} className="fm-item-card fm-orphan" data-color={view.color}>
                <p className="fm-item-meta">
                  {`${view.citation} · ${a.colorName(view.color)} · ${colorStyle(view.color).swatch}`}
                </p>
                <blockquote className="fm-item-quote">{view.exact}</blockquote>
                {view.note.trim() && <p className="fm-item-note">{excerpt(view.note, 300)}</p>}
                {view.tags.length > 0 && <p className="fm-item-meta">{view.tags.join(', ')}</p>}
                <button type="button" className="fm-link-button" aria-label={`Delete the annotation that needs review, ${view.citation}`} onClick={() => void a.remove(view.id)}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {a.deleted.length > 0 && (
        <section className="fm-trash">
          <button type="button" className="fm-disclosure" aria-expanded={trashOpen} aria-controls={trashId} onClick={() => setTrashOpen((o) => !o)}>
            {`Recently deleted (${a.deleted.length})`}
          </button>
          <ul id={trashId} className="fm-item-list" hidden={!trashOpen} aria-label="Recently deleted">
            {a.deleted.slice(0, TRASH_SHOWN).map((view) => (
              <li key={view.id} className="fm-item-card fm-deleted" data-color={view.color}>
                <p className="fm-item-meta">{`${view.citation} · ${a.colorName(view.color)}`}</p>
                <p className="fm-item-quote">{excerpt(view.exact, 140)}</p>
                {view.note.trim() && <p className="fm-item-note">{excerpt(view.note, 100)}</p>}
                <button type="button" className="fm-button" disabled={a.readOnly} onClick={() => void a.restore(view.id)}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
