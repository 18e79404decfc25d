/**
 * Below the list: "Needs review" (passages that could not be found in this
 * edition, with their original quotes) and "Recently deleted" with Restore.
 */
import { useId, useState } from 'react';
import type { AnnotationView, ColorId } from '../../preload/contract';
import { colorStyle } from './colors';
import { excerpt } from './excerpt';

const TRASH_SHOWN = 50;

interface ExtrasProps {
  orphans: readonly AnnotationView[];
  deleted: readonly AnnotationView[];
  readOnly: boolean;
  colorName(id: ColorId): string;
  onDelete(id: string): void;
  onRestore(id: string): void;
}

export function PanelExtras({ orphans, deleted, readOnly, colorName, onDelete, onRestore }: ExtrasProps) {
  const [trashOpen, setTrashOpen] = useState(false);
  const trashId = useId();
  return (
    <>
      {orphans.length > 0 && (
        <section className="fm-review" aria-labelledby={`${trashId}-review`}>
          <h3 id={`${trashId}-review`} className="fm-panel-subtitle">
            {`Needs review (${orphans.length})`}
          </h3>
          <p className="fm-help">These passages could not be found in this edition of the report. Nothing was moved or dropped: the original quotes are kept below.</p>
          <ul className="fm-item-list">
            {orphans.map((view) => (
              <li key={view.id} className="fm-item-card fm-orphan" data-color={view.color}>
                <p className="fm-item-meta">{`${view.citation} · ${colorName(view.color)} · ${colorStyle(view.color).swatch}`}</p>
                <blockquote className="fm-item-quote">{view.exact}</blockquote>
                {view.note.trim() && <p className="fm-item-note">{excerpt(view.note, 300)}</p>}
                {view.tags.length > 0 && <p className="fm-item-meta">{view.tags.join(', ')}</p>}
                <button type="button" className="fm-link-button" aria-label={`Delete the annotation that needs review, ${view.citation}`} onClick={() => onDelete(view.id)}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {deleted.length > 0 && (
        <section className="fm-trash">
          <button type="button" className="fm-disclosure" aria-expanded={trashOpen} aria-controls={trashId} onClick={() => setTrashOpen((o) => !o)}>
            {`Recently deleted (${deleted.length})`}
          </button>
          <ul id={trashId} className="fm-item-list" hidden={!trashOpen} aria-label="Recently deleted">
            {deleted.slice(0, TRASH_SHOWN).map((view) => (
              <li key={view.id} className="fm-item-card fm-deleted" data-color={view.color}>
                <p className="fm-item-meta">{`${view.citation} · ${colorName(view.color)}`}</p>
                <p className="fm-item-quote">{excerpt(view.exact, 140)}</p>
                {view.note.trim() && <p className="fm-item-note">{excerpt(view.note, 100)}</p>}
                <button type="button" className="fm-button" disabled={readOnly} onClick={() => onRestore(view.id)}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
