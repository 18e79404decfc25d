/**
 * Where a side sheet starts: just below the toolbar. The toolbar wraps to more
 * lines in a narrow window (and changes its buttons below 1000px), so its size
 * is watched with a ResizeObserver while the sheet is open, not the window's.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useTopBelowToolbar(anchor: RefObject<HTMLElement | null>, open: boolean): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const bar = anchor.current?.closest('header') ?? anchor.current;
    if (!open || !bar) return;
    const measure = () => setTop(Math.round(bar.getBoundingClientRect().bottom));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [anchor, open]);
  return top;
}
