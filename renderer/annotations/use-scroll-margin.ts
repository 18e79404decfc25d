/** The virtual list's offset inside the scrolling panel, kept current as the filters above it change height. */
import { useLayoutEffect, useState } from 'react';

export function useScrollMargin(list: HTMLElement | null, scroller: HTMLElement | null): number {
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    if (!list || !scroller) return;
    const measure = () => {
      const next = Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
      setMargin((current) => (current === next ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (let el = list.previousElementSibling; el; el = el.previousElementSibling) observer.observe(el);
    return () => observer.disconnect();
  }, [list, scroller]);
  return margin;
}
