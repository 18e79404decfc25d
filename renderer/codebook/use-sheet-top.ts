/**
 * Where the Codebook sheet starts: just below the toolbar, which wraps to more
 * lines in a narrow window, so it is measured when the sheet opens and on resize.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useSheetTop(anchor: RefObject<HTMLElement | null>, open: boolean): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    if (!open) return;
    const measure = () => {
      const bar = anchor.current?.closest('header') ?? anchor.current;
      setTop(bar ? Math.round(bar.getBoundingClientRect().bottom) : 0);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [anchor, open]);
  return top;
}
