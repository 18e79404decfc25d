/**
 * Where the find bar floats: over the reading column's top-right corner, clear
 * of the side panels, following resizes of the window and of the column.
 */
import { useLayoutEffect, useState, type CSSProperties } from 'react';
import type { TextSurface } from '../text/text-surface';

export function useBarPlacement(open: boolean, surface: TextSurface | null): CSSProperties | undefined {
  const [place, setPlace] = useState<CSSProperties | undefined>(undefined);
  useLayoutEffect(() => {
    if (!open || !surface) return;
    const update = () => {
      const rect = surface.scroller.getBoundingClientRect();
      setPlace({
        top: rect.top + 8,
        right: Math.max(8, window.innerWidth - rect.right + 16),
        maxWidth: Math.max(280, rect.width - 32),
        maxHeight: Math.max(160, window.innerHeight - rect.top - 24),
      });
    };
    update();
    // The layout switches to drawers after the window's resize event: observe the column itself.
    const observer = new ResizeObserver(update);
    observer.observe(surface.scroller);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [open, surface]);
  return place;
}
