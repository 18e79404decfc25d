/**
 * The reading column: a scrolling <main> with the <article> that TextSurface
 * fills. Tracks progress and the current section while scrolling, saves and
 * restores the reading position, keeps the position when the font or line width
 * changes, and provides caret browsing with a drawn caret.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useApp } from '../app-state/app-context';
import { focusRect, handleCaretKey, placeCaret, selectionInside } from './caret-keys';
import { createPositionSaver } from './position-saver';
import { pinnedSection, pinSection, setReadingState } from './reading-state';
import { entryIndexAt, tocEntries } from './sections';
import { TextSurface } from '../text/text-surface';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Fraction of the scroller scrolled (1 when there is nothing to scroll). */
function scrollProgress(scroller: HTMLElement): number {
  const max = scroller.scrollHeight - scroller.clientHeight;
  if (max <= 1) return 1;
  return Math.min(1, Math.max(0, scroller.scrollTop / max));
}

export function Reader() {
  const { report, settings, surface, setSurface, updateSettings } = useApp();
  const scrollerRef = useRef<HTMLElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const caretRef = useRef<HTMLDivElement>(null);
  const entries = useMemo(() => tocEntries(report), [report]);
  const restored = useRef(settings.readingPosition);
  /** The first visible offset, kept up to date while scrolling (the anchor for re-layouts). */
  const anchor = useRef(settings.readingPosition?.offset ?? 0);

  // Build the surface and go back to where the reader left off.
  useLayoutEffect(() => {
    const built = new TextSurface(articleRef.current!, { scroller: scrollerRef.current! });
    built.render(report);
    const position = restored.current;
    if (position && position.offset > 0) built.scrollToOffset(position.offset);
    setSurface(built);
    return () => {
      setSurface(null);
      built.destroy();
    };
  }, [report, setSurface]);

  // Progress, current section and the saved reading position follow the scroll.
  useEffect(() => {
    if (!surface) return;
    const scroller = scrollerRef.current!;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const box = scroller.getBoundingClientRect();
      anchor.current = surface.firstVisibleOffset();
      const line = surface.blockAtViewportY(box.top + Math.min(160, box.height / 4));
      let section = entryIndexAt(entries, line ? line.start : anchor.current);
      const pinned = pinnedSection();
      if (pinned !== null) {
        const heading = surface.blockElementAt(entries[pinned]?.start ?? 0)?.getBoundingClientRect();
        if (heading && heading.top >= box.top - 2 && heading.top < box.bottom) section = pinned;
        else pinSection(null);
      }
      setReadingState({ progress: scrollProgress(scroller), section });
    };
    const saver = createPositionSaver({
      read: () => ({ offset: surface.firstVisibleOffset(), progress: scrollProgress(scroller) }),
      save: (readingPosition) => void updateSettings({ readingPosition }),
    });
    saver.markSaved(restored.current);
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
      saver.schedule();
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') saver.flush();
    };
    const onPageHide = () => saver.flush();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    frame = requestAnimationFrame(measure);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      saver.flush();
      saver.cancel();
    };
  }, [surface, entries, updateSettings]);

  // A new font size or line width reflows everything: keep the same text at the top.
  const { fontSize, lineWidth } = settings;
  const layoutKey = `${fontSize}/${lineWidth}`;
  const lastLayout = useRef(layoutKey);
  useEffect(() => {
    if (!surface || lastLayout.current === layoutKey) return;
    lastLayout.current = layoutKey;
    surface.scrollToOffset(anchor.current);
  }, [surface, layoutKey]);

  // Caret browsing: keys, a caret placed on keyboard focus, and a drawn caret (a
  // collapsed selection in read-only text is otherwise invisible).
  useEffect(() => {
    if (!surface) return;
    const article = articleRef.current!;
    const scroller = scrollerRef.current!;
    const caret = caretRef.current!;
    // The caret is drawn for keyboard users only; a mouse user sees the selection itself.
    let keyboard = false;
    const drawCaret = () => {
      const sel = document.getSelection();
      const rect = keyboard && document.activeElement === article && selectionInside(surface, sel) ? focusRect(sel) : null;
      if (!rect) {
        caret.hidden = true;
        return;
      }
      const box = scroller.getBoundingClientRect();
      caret.hidden = false;
      caret.style.transform = `translate(${rect.left - box.left + scroller.scrollLeft}px, ${rect.top - box.top + scroller.scrollTop}px)`;
      caret.style.height = `${rect.height}px`;
      // Restart the blink so the caret is visible right after it moves.
      caret.classList.remove('fm-caret-blink');
      void caret.offsetWidth;
      caret.classList.add('fm-caret-blink');
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
      if (article.matches(':focus-visible') && !selectionInside(surface)) placeCaret(surface, anchor.current);
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
  }, [surface]);

  return (
    <main className="reading-pane" ref={scrollerRef} id="reading-pane">
      <article
        ref={articleRef}
        className="reading-column"
        tabIndex={0}
        aria-label={report.title}
        aria-roledescription="report"
        aria-describedby="reading-hint"
      />
      <p id="reading-hint" className="sr-only">
        Use the arrow keys to move a caret through the text, and Shift with the arrow keys to select.
      </p>
      <div ref={caretRef} className="fm-caret" aria-hidden="true" hidden />
    </main>
  );
}
