/**
 * The reading column: a scrolling <main> with the <article> that TextSurface
 * fills. Tracks progress and the current section while scrolling, saves and
 * restores the reading position (use-reading-position), keeps the position when
 * the font or line width changes, and provides caret browsing with a drawn
 * caret (use-caret-browsing).
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useApp } from '../app-state/app-context';
import { tocEntries } from './sections';
import { TextSurface } from '../text/text-surface';
import { useCaretBrowsing } from './use-caret-browsing';
import { useReadingPosition } from './use-reading-position';

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

  useReadingPosition({ surface, scrollerRef, entries, restored: restored.current, anchor, updateSettings });

  // A new font size or line width reflows everything: keep the same text at the top.
  const { fontSize, lineWidth } = settings;
  const layoutKey = `${fontSize}/${lineWidth}`;
  const lastLayout = useRef(layoutKey);
  useEffect(() => {
    if (!surface || lastLayout.current === layoutKey) return;
    lastLayout.current = layoutKey;
    surface.scrollToOffset(anchor.current);
  }, [surface, layoutKey]);

  useCaretBrowsing(surface, { article: articleRef, scroller: scrollerRef, caret: caretRef, anchor });

  return (
    <main className="reading-pane" ref={scrollerRef} id="reading-pane">
      <article
        ref={articleRef}
        className="reading-column"
        tabIndex={0}
        aria-label={report.title}
        aria-roledescription="report"
        aria-describedby="reading-hint"
        // The highlight navigator and caret highlighting (annotations/use-highlight-navigator.ts).
        aria-keyshortcuts="Alt+ArrowDown Alt+ArrowUp Alt+Shift+S Alt+Shift+P"
      />
      <p id="reading-hint" className="sr-only">
        Use the arrow keys to move a caret through the text, and Shift with the arrow keys to select. Alt+Down and Alt+Up go to the next
        and previous highlight, Enter opens its note. Alt+Shift+S highlights the sentence at the caret, Alt+Shift+P the paragraph.
      </p>
      <div ref={caretRef} className="fm-caret" aria-hidden="true" hidden />
      {/* Filled by annotations/CaretCommands while the report has keyboard focus: one Tab after the text. */}
      <div className="fm-reading-commands" />
    </main>
  );
}
