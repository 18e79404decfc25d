/**
 * Where a card sits: beside its passage (below it when there is room), inside
 * the visible part of the reading column, following scrolls, resizes and
 * changes of the surface.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { AnnotationView } from '../../preload/contract';
import type { TextSurface } from '../text/text-surface';
import { placeBeside, type Placement } from './toolbar-position';
import { visibleBounds } from './visible-bounds';

/** The passage's last line box (where the selection ended), or the middle of the window when it is not rendered. */
function passageBox(surface: TextSurface | null, view: AnnotationView) {
  const range = surface?.rangeFor(view.start, view.end);
  const rects = range?.getClientRects();
  const rect = rects && rects.length > 0 ? rects[rects.length - 1]! : range?.getBoundingClientRect();
  if (!rect) return { left: window.innerWidth / 2, top: window.innerHeight / 3, width: 0, height: 0 };
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

export function useCardPlacement(ref: RefObject<HTMLElement | null>, surface: TextSurface | null, view: AnnotationView): Placement | null {
  const [placement, setPlacement] = useState<Placement | null>(null);
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
  }, [ref, surface, view]);
  return placement;
}
