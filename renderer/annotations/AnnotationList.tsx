/**
 * The panel's list of highlights, virtualised: only the cards in and near the
 * panel's viewport are in the DOM, so 10,000 annotations cost what 20 do. It
 * stays a list to assistive technology (each card carries aria-setsize and
 * aria-posinset), the arrow keys, Home and End move between cards and scroll
 * the list, and a card selected from the text is scrolled into view even when
 * it was never rendered.
 * https://tanstack.com/virtual/latest/docs/api/virtualizer
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { AnnotationView, ColorId } from '../../preload/contract';
import { useAnnotations, useSelectedId } from './annotations-context';
import { AnnotationItem } from './AnnotationItem';

/** A card's height before it is measured (most are 100–160 px). */
const ESTIMATED_CARD = 130;
const GAP = 8;
const OVERSCAN = 6;
/** How many frames a keyboard move waits for its card to be rendered. */
const FOCUS_FRAMES = 20;

export interface AnnotationListProps {
  shown: readonly AnnotationView[];
  terms: readonly string[];
  /** The list is for an older filter than the one typed (marked aria-busy while it catches up). */
  stale: boolean;
  colorName(id: ColorId): string;
}

const estimateSize = () => ESTIMATED_CARD;

/** The card to move to for a key, or null when the key is not a move. */
function target(key: string, from: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, from + 1);
    case 'ArrowUp':
      return Math.max(0, from - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Keeps the list's offset inside the scrolling panel (the filters above it change height). */
function useScrollMargin(list: HTMLElement | null, scroller: HTMLElement | null): number {
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

export function AnnotationList({ shown, terms, stale, colorName }: AnnotationListProps) {
  const { goTo, openCard, selection } = useAnnotations();
  const selectedId = useSelectedId();
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const scroller = useMemo(() => list?.closest<HTMLElement>('.panel') ?? null, [list]);
  const scrollMargin = useScrollMargin(list, scroller);
  // The virtualiser recomputes every item's offset when getItemKey changes: only for a new list, not per render.
  const getItemKey = useCallback((i: number) => shown[i]?.id ?? i, [shown]);
  const getScrollElement = useCallback(() => scroller, [scroller]);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    gap: GAP,
    scrollMargin,
  });

  const indexById = useMemo(() => new Map(shown.map((view, i) => [view.id, i])), [shown]);

  // The card selected from the text (or by undo) is brought into view, as a rendered card once was.
  useEffect(() => {
    const index = selectedId ? indexById.get(selectedId) : undefined;
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only a new selection scrolls (not a new filter), so indexById and virtualizer are read, not watched.
  }, [selectedId]);

  const focusIndex = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      let frames = 0;
      const tryFocus = () => {
        const button = list?.querySelector<HTMLElement>(`li[data-index="${index}"] .fm-item-go`);
        if (button) button.focus();
        else if (frames++ < FOCUS_FRAMES) requestAnimationFrame(tryFocus);
      };
      requestAnimationFrame(tryFocus);
    },
    [list, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const item = event.target instanceof Element ? event.target.closest<HTMLElement>('li[data-index]') : null;
    if (!item) return;
    const next = target(event.key, Number(item.dataset.index), shown.length);
    if (next === null) return;
    event.preventDefault();
    focusIndex(next);
  };

  const onGo = useCallback((id: string) => goTo(id), [goTo]);
  const onEdit = useCallback(
    (id: string) => {
      goTo(id, 'start');
      openCard(id, true);
    },
    [goTo, openCard],
  );

  return (
    <ol
      ref={setList}
      className="fm-item-list fm-virtual-list"
      aria-label="Highlights"
      aria-busy={stale}
      style={{ height: virtualizer.getTotalSize() }}
      onKeyDown={onKeyDown}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const view = shown[item.index]!;
        return (
          <AnnotationItem
            key={view.id}
            view={view}
            label={colorName(view.color)}
            terms={terms}
            index={item.index}
            setSize={shown.length}
            top={item.start - scrollMargin}
            itemRef={virtualizer.measureElement}
            selection={selection}
            onGo={onGo}
            onEdit={onEdit}
          />
        );
      })}
    </ol>
  );
}
