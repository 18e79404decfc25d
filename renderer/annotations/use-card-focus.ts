/**
 * A card's focus: it takes focus once when it opens (into the note, or the card
 * itself), a pointer press anywhere else closes it, and closing gives focus and
 * the caret in the text back to where they were when it opened.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { TextSurface } from '../text/text-surface';

interface CardFocusOptions {
  cardRef: RefObject<HTMLElement | null>;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  surface: TextSurface | null;
  /** The annotation shown: focus moves once per annotation. */
  id: string;
  focusNote: boolean;
  readOnly: boolean;
  onClose(): Promise<void>;
}

export interface CardFocus {
  /** Gives focus (and the caret in the text) back to where they were when the card opened. */
  giveFocusBack(): void;
  /** Closes the card (saving the note) and gives focus back. */
  closeAndReturn(): void;
}

/** Where focus and the caret are now. */
function currentFocus(surface: TextSurface | null) {
  const sel = document.getSelection();
  return {
    element: document.activeElement,
    range: sel && sel.rangeCount > 0 && surface?.container.contains(sel.getRangeAt(0).startContainer) ? sel.getRangeAt(0).cloneRange() : null,
  };
}

export function useCardFocus({ cardRef, noteRef, surface, id, focusNote, readOnly, onClose }: CardFocusOptions): CardFocus {
  // Where focus and the caret were, to give them back on close.
  const returnTo = useRef<{ element: Element | null; range: Range | null } | null>(null);
  if (returnTo.current === null) returnTo.current = currentFocus(surface);
  const close = useRef(onClose);
  close.current = onClose;

  const giveFocusBack = () => {
    const back = returnTo.current;
    const element = back?.element;
    if (!(element instanceof HTMLElement) || !element.isConnected || cardRef.current?.contains(element)) return;
    element.focus({ preventScroll: true });
    if (back?.range && surface?.container.contains(back.range.startContainer)) {
      const sel = document.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(back.range);
    }
  };

  useEffect(() => {
    if (focusNote && !readOnly && noteRef.current) {
      const note = noteRef.current;
      note.focus({ preventScroll: true });
      note.setSelectionRange(note.value.length, note.value.length);
    } else cardRef.current?.focus({ preventScroll: true });
    // Focus moves once, when the card opens for this annotation.
  }, [id]);

  // A pointer press anywhere else closes the card (the note is saved on the way out).
  useEffect(() => {
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!target || cardRef.current?.contains(target)) return;
      if (target instanceof Element && target.closest('.fm-highlight-toolbar, [role="alert"], [role="status"]')) return;
      void close.current();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [cardRef]);

  return {
    giveFocusBack,
    closeAndReturn: () => {
      void close.current();
      giveFocusBack();
    },
  };
}
