/**
 * An annotation's card: a non-modal dialog beside its passage, labelled by the
 * citation, with the note (saved as you type), tags, colour and Delete. Closing
 * it (Escape, Close, a click elsewhere) saves the note first and returns focus
 * and the caret to where they were.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AnnotationView, ColorId, TagCount } from '../../preload/contract';
import type { TextSurface } from '../text/text-surface';
import type { NoteSession } from './note-session';
import type { ChangeResult } from './use-annotation-changes';
import { COLORS, colorStyle } from './colors';
import { excerpt } from './excerpt';
import { TagEditor } from './TagEditor';
import { placeBeside, type Placement } from './toolbar-position';
import { visibleBounds } from './visible-bounds';

export interface AnnotationCardProps {
  view: AnnotationView;
  surface: TextSurface | null;
  focusNote: boolean;
  readOnly: boolean;
  knownTags: readonly TagCount[];
  session: NoteSession;
  colorName(id: ColorId): string;
  onUpdate(patch: { color?: ColorId; tags?: string[] }): Promise<ChangeResult>;
  onCommitNote(): Promise<boolean>;
  onDelete(): Promise<boolean>;
  onClose(): Promise<void>;
}

function passageBox(surface: TextSurface | null, view: AnnotationView) {
  const range = surface?.rangeFor(view.start, view.end);
  const rects = range?.getClientRects();
  const rect = rects && rects.length > 0 ? rects[rects.length - 1]! : range?.getBoundingClientRect();
  if (!rect) return { left: window.innerWidth / 2, top: window.innerHeight / 3, width: 0, height: 0 };
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

export function AnnotationCard(props: AnnotationCardProps) {
  const { view, surface, session, readOnly, colorName } = props;
  const titleId = useId();
  const noteId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const [colorProblem, setColorProblem] = useState<string | null>(null);
  // The colour just chosen, shown checked while the service stores it.
  const [pendingColor, setPendingColor] = useState<ColorId | null>(null);

  const snapshot = useSyncExternalStore(session.subscribe, session.status);

  // Where focus and the caret were, to give them back on close.
  const returnTo = useRef<{ element: Element | null; range: Range | null } | null>(null);
  if (returnTo.current === null) {
    const sel = document.getSelection();
    returnTo.current = {
      element: document.activeElement,
      range: sel && sel.rangeCount > 0 && surface?.container.contains(sel.getRangeAt(0).startContainer) ? sel.getRangeAt(0).cloneRange() : null,
    };
  }

  const close = useRef(props.onClose);
  close.current = props.onClose;

  /** Gives focus (and the caret in the text) back to where they were when the card opened. */
  const giveFocusBack = () => {
    const back = returnTo.current;
    const element = back?.element;
    if (!(element instanceof HTMLElement) || !element.isConnected || ref.current?.contains(element)) return;
    element.focus({ preventScroll: true });
    if (back?.range && surface?.container.contains(back.range.startContainer)) {
      const sel = document.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(back.range);
    }
  };

  const closeAndReturn = () => {
    void close.current();
    giveFocusBack();
  };
  const closeRef = useRef(closeAndReturn);
  closeRef.current = closeAndReturn;

  useEffect(() => {
    if (props.focusNote && !readOnly && noteRef.current) {
      const note = noteRef.current;
      note.focus({ preventScroll: true });
      note.setSelectionRange(note.value.length, note.value.length);
    } else ref.current?.focus({ preventScroll: true });
    // Focus moves once, when the card opens for this annotation.
  }, [view.id]);

  // A pointer press anywhere else closes the card (the note is saved on the way out).
  useEffect(() => {
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!target || ref.current?.contains(target)) return;
      if (target instanceof Element && target.closest('.fm-highlight-toolbar, [role="alert"], [role="status"]')) return;
      void close.current();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, []);

  useLayoutEffect(() => {
    const place = () => {
      if (!ref.current) return;
      // scrollHeight: the card's natural height, even while a previous placement limits it.
      const size = { width: ref.current.offsetWidth, height: ref.current.scrollHeight + 2 };
      setPlacement(placeBeside(passageBox(surface, view), size, visibleBounds(surface), 'below'));
    };
    place();
    const scroller = surface?.scroller;
    scroller?.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    const unsubscribe = surface?.onChange(place);
    return () => {
      scroller?.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
      unsubscribe?.();
    };
  }, [surface, view]);

  const label = colorName(view.color);
  const style = colorStyle(view.color);

  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      className="fm-card"
      data-color={view.color}
      style={placement ? { left: placement.left, top: placement.top, maxHeight: placement.maxHeight } : { left: -9999, top: -9999 }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          closeRef.current();
        }
      }}
    >
      <header className="fm-card-header">
        <h2 id={titleId} className="fm-card-title">
          {view.citation}
        </h2>
        <span className="fm-color-chip" data-color={view.color}>
          <span className="fm-swatch" data-color={view.color} aria-hidden="true" />
          {label}
          <span className="sr-only">{`, ${style.swatch.toLowerCase()}, ${style.decoration} underline`}</span>
        </span>
      </header>
      <blockquote className="fm-card-quote">{excerpt(view.exact, 240)}</blockquote>

      <div className="fm-field">
        <label htmlFor={noteId} className="fm-field-label">
          Note
        </label>
        <textarea
          id={noteId}
          ref={noteRef}
          className="fm-note-input"
          rows={4}
          value={snapshot.value}
          readOnly={readOnly}
          onChange={(event) => session.saver.change(event.target.value)}
          onBlur={() => void props.onCommitNote()}
        />
        <p className="fm-save-state" data-state={snapshot.status} role="status">
          {snapshot.status === 'saved' && 'Saved'}
          {(snapshot.status === 'editing' || snapshot.status === 'saving') && 'Saving…'}
          {snapshot.status === 'failed' && (
            <>
              {`Not saved — ${snapshot.error ?? 'the note could not be saved.'} `}
              <button type="button" className="fm-link-button" onClick={() => void session.saver.flush()}>
                Retry
              </button>
            </>
          )}
        </p>
      </div>

      <TagEditor
        tags={view.tags}
        known={props.knownTags}
        disabled={readOnly}
        onChange={async (tags) => {
          const result = await props.onUpdate({ tags });
          return result.ok ? null : result.error;
        }}
      />

      <div role="radiogroup" aria-label="Colour" className="fm-color-choice">
        {COLORS.map((color) => (
          <label key={color.id} className="fm-color-option" data-color={color.id}>
            <input
              type="radio"
              name={`${titleId}-colour`}
              value={color.id}
              checked={(pendingColor ?? view.color) === color.id}
              disabled={readOnly}
              onChange={async () => {
                setPendingColor(color.id);
                const result = await props.onUpdate({ color: color.id });
                setPendingColor(null);
                setColorProblem(result.ok ? null : result.error);
              }}
            />
            <span className="fm-swatch" data-color={color.id} aria-hidden="true" />
            <span>{colorName(color.id)}</span>
          </label>
        ))}
      </div>
      {colorProblem && <p className="fm-field-message">{colorProblem}</p>}

      <footer className="fm-card-footer">
        <button
          type="button"
          className="fm-danger-button"
          disabled={readOnly}
          onClick={async () => {
            if (await props.onDelete()) giveFocusBack();
          }}
        >
          Delete
        </button>
        <button type="button" className="fm-button" title="Close (Esc)" onClick={() => closeRef.current()}>
          Close
        </button>
      </footer>
    </div>
  );
}
