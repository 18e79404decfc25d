/**
 * Caret browsing in the reading column: the arrow keys move a caret through the
 * read-only text (Shift selects), keyboard focus places a caret at the reading
 * position, and a drawn caret shows where it is (a collapsed selection in
 * read-only text is otherwise invisible).
 */
import { useEffect, type RefObject } from 'react';
import { isMac } from '../api/platform';
import type { TextSurface } from '../text/text-surface';
import { focusRect, handleCaretKey, placeCaret, selectionInside } from './caret-keys';

interface CaretElements {
  article: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
  caret: RefObject<HTMLDivElement | null>;
  /** The first visible offset: where keyboard focus places the caret. */
  anchor: RefObject<number>;
}

/** Draws the caret at the selection's focus, restarting its blink so it is visible right after it moves. */
function drawCaretAt(caret: HTMLElement, scroller: HTMLElement, rect: DOMRect | null): void {
  if (!rect) {
    caret.hidden = true;
    return;
  }
  const box = scroller.getBoundingClientRect();
  caret.hidden = false;
  caret.style.transform = `translate(${rect.left - box.left + scroller.scrollLeft}px, ${rect.top - box.top + scroller.scrollTop}px)`;
  caret.style.height = `${rect.height}px`;
  caret.classList.remove('fm-caret-blink');
  void caret.offsetWidth;
  caret.classList.add('fm-caret-blink');
}

export function useCaretBrowsing(surface: TextSurface | null, refs: CaretElements): void {
  useEffect(() => {
    if (!surface) return;
    const article = refs.article.current!;
    const scroller = refs.scroller.current!;
    const caret = refs.caret.current!;
    // The caret is drawn for keyboard users only; a mouse user sees the selection itself.
    let keyboard = false;
    const drawCaret = () => {
      const sel = document.getSelection();
      drawCaretAt(caret, scroller, keyboard && document.activeElement === article && selectionInside(surface, sel) ? focusRect(sel) : null);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (handleCaretKey(event, surface, scroller, isMac)) event.preventDefault();
    };
    const onAnyKey = (event: KeyboardEvent) => {
      if (event.key === 'Shift' || event.key === 'Control' || event.key === 'Alt' || event.key === 'Meta') return;
      keyboard = true;
    };
    const onPointer = () => {
      keyboard = false;
      caret.hidden = true;
    };
    const onFocus = () => {
      if (article.matches(':focus-visible') && !selectionInside(surface)) placeCaret(surface, refs.anchor.current);
      drawCaret();
    };
    const onBlur = () => {
      caret.hidden = true;
    };
    article.addEventListener('keydown', onKeyDown);
    article.addEventListener('focus', onFocus);
    article.addEventListener('blur', onBlur);
    window.addEventListener('keydown', onAnyKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('selectionchange', drawCaret);
    const unsubscribe = surface.onChange(drawCaret);
    return () => {
      article.removeEventListener('keydown', onKeyDown);
      article.removeEventListener('focus', onFocus);
      article.removeEventListener('blur', onBlur);
      window.removeEventListener('keydown', onAnyKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('selectionchange', drawCaret);
      unsubscribe();
    };
  }, [surface, refs.article, refs.scroller, refs.caret, refs.anchor]);
}
