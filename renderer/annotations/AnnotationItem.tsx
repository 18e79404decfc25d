/**
 * One card in the panel's list: the citation (a button that scrolls the text to
 * the passage), Edit, the colour label, the quote, tags and note with the
 * filter's terms emphasised. Memoised and subscribed to the selection by its
 * own id, so moving the selection re-renders two cards, not the list.
 */
import { memo, useCallback, useId, type Ref } from 'react';
import type { AnnotationView } from '../../preload/contract';
import { Emphasis } from './Emphasis';
import { excerpt } from './excerpt';
import { useSelector, type ValueStore } from './value-store';

export interface AnnotationItemProps {
  view: AnnotationView;
  label: string;
  terms: readonly string[];
  /** Position in the filtered list (0-based) and its length, for aria-posinset / aria-setsize. */
  index: number;
  setSize: number;
  /** Whether this card is the list's one tab stop (the others are reached with the arrow keys). */
  tabbable: boolean;
  /** Where the virtual list places the card, in pixels from the list's top. */
  top: number;
  itemRef: Ref<HTMLLIElement>;
  /** The selected annotation's id (a prop, not context: the context changes with every filter key). */
  selection: ValueStore<string | null>;
  onGo(id: string): void;
  onEdit(id: string): void;
}

export const AnnotationItem = memo(function AnnotationItem({ view, label, terms, index, setSize, tabbable, top, itemRef, selection, onGo, onEdit }: AnnotationItemProps) {
  const quoteId = useId();
  const selected = useSelector(
    selection,
    useCallback((id: string | null) => id === view.id, [view.id]),
  );
  const note = view.note.trim();
  const tabIndex = tabbable ? 0 : -1;
  return (
    <li
      ref={itemRef}
      className="fm-item-card"
      style={{ transform: `translateY(${top}px)` }}
      data-index={index}
      data-color={view.color}
      data-annotation-id={view.id}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-current={selected ? 'true' : undefined}
      onClick={(event) => {
        if (!(event.target instanceof Element && event.target.closest('button'))) onGo(view.id);
      }}
    >
      <div className="fm-item-head">
        <button type="button" className="fm-item-go" tabIndex={tabIndex} aria-describedby={quoteId} onClick={() => onGo(view.id)}>
          {view.citation}
        </button>
        <button
          type="button"
          className="fm-icon-button"
          tabIndex={tabIndex}
          aria-label={`Edit note and tags, ${view.citation}`}
          title="Edit note and tags"
          onClick={() => onEdit(view.id)}
        >
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
});
