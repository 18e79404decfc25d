/**
 * Keeps the painted highlights in step with the annotations and the surface:
 * when the annotations change, only the changed ranges are updated; when the
 * surface says its DOM changed (a render, search marks added or removed), every
 * range is rebuilt, because the old ones point into replaced text nodes. With
 * many annotations only a window around the visible text is painted, and it
 * follows the scroll (highlight-window.ts says why).
 */
import { useEffect, useRef } from 'react';
import type { AnnotationView } from '../../preload/contract';
import type { TextSurface } from '../text/text-surface';
import { HighlightPainter } from './highlight-painter';
import { WINDOW_ABOVE, inWindow, needsNewWindow, windowFor, type TextSpan } from './highlight-window';

/** Paints `live` on the surface and marks the selected annotation. */
export function useHighlightPainting(surface: TextSurface | null, live: readonly AnnotationView[], selected: AnnotationView | null): void {
  const painter = useRef<HighlightPainter | null>(null);
  painter.current ??= new HighlightPainter();
  const latest = useRef(live);
  latest.current = live;
  const shownWindow = useRef<TextSpan | null>(null);

  useEffect(() => {
    const p = painter.current!;
    return () => p.clear();
  }, []);

  // What to paint now: everything, or the window around the visible text.
  const wanted = (s: TextSurface) => {
    const list = latest.current;
    if (list.length <= WINDOW_ABOVE) {
      shownWindow.current = null;
      return list;
    }
    const visible = s.visibleRange();
    if (needsNewWindow(shownWindow.current, visible)) shownWindow.current = windowFor(visible);
    return inWindow(list, shownWindow.current);
  };

  // A new surface or new DOM inside it: rebuild from scratch. Scrolling moves the window.
  useEffect(() => {
    if (!surface) return;
    const p = painter.current!;
    const rebuild = () => p.paint(surface, wanted(surface));
    rebuild();
    let frame = 0;
    const onScroll = () => {
      if (frame || latest.current.length <= WINDOW_ABOVE) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const before = shownWindow.current;
        const list = wanted(surface);
        if (shownWindow.current !== before) p.sync(surface, list);
      });
    };
    const scroller = surface.scroller;
    scroller.addEventListener('scroll', onScroll, { passive: true });
    // A resize, a panel opening or closing, another font size or line width shows
    // other text without a scroll event: the window must follow those too.
    const resized = new ResizeObserver(onScroll);
    resized.observe(scroller);
    resized.observe(surface.container);
    const unsubscribe = surface.onChange(rebuild);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      resized.disconnect();
      unsubscribe();
    };
    // `wanted` reads refs only.
  }, [surface]);

  // New annotations on the same DOM: touch only what changed.
  useEffect(() => {
    if (surface) painter.current!.sync(surface, wanted(surface));
  }, [surface, live]);

  useEffect(() => {
    if (!surface) return;
    const p = painter.current!;
    const paint = () => p.paintSelected(surface, selected);
    paint();
    return surface.onChange(paint);
  }, [surface, selected]);
}
