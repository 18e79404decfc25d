/**
 * The panel's list of highlights, virtualised: only the cards in and near the
 * panel's viewport are in the DOM, so 10,000 annotations cost what 20 do. It
 * stays a list to assistive technology (each card carries aria-setsize and
 * aria-posinset), the arrow keys, Home and End move between cards and scroll
 * the list, and a card selected from the text is scrolled into view even when
 * it was never rendered.
 * https://tanstack.com/virtual/latest/docs/api/virtualizer
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { AnnotationView, Legend } from '../../preload/contract';
import type { AnnotationsValue } from './annotations-context';
import { AnnotationItem } from './AnnotationItem';
import { lazyIndexOf, moveTarget, tabStop, withKept } from './card-keys';
import { colorLabel } from './colors';
import { useFocusedCard } from './use-focused-card';
import { useScrollMargin } from './use-scroll-margin';
import { useSelector } from './value-store';

/** A card's height before it is measured (most are 100–160 px). */
const ESTIMATED_CARD = 130;
const GAP = 8;
const OVERSCAN = 3;
/** How many frames a keyboard move waits for its card to be rendered. */
const FOCUS_FRAMES = 20;

export interface AnnotationListProps {
  shown: readonly AnnotationView[];
  terms: readonly string[];
  /** The list is for an older filter than the one typed (marked aria-busy while it catches up). */
  stale: boolean;
  /** The colour names (a prop, so renaming one re-renders the memoised list and its cards' labels). */
  legend: Legend;
  /**
   * Passed in rather than read from the annotations context, so the list (memoised)
   * does not re-render when something else in the context changes, such as an open card.
   */
  goTo: AnnotationsValue['goTo'];
  openCard: AnnotationsValue['openCard'];
  selection: AnnotationsValue['selection'];
}

const estimateSize = () => ESTIMATED_CARD;
const identity = <T,>(value: T): T => value;

export const AnnotationList = memo(function AnnotationList({ shown, terms, stale, legend, goTo, openCard, selection }: AnnotationListProps) {
  const selectedId = useSelector(selection, identity);
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const scroller = useMemo(() => list?.closest<HTMLElement>('.panel') ?? null, [list]);
  const scrollMargin = useScrollMargin(list, scroller);
  // The virtualiser recomputes every item's offset when getItemKey changes: only for a new list, not per render.
  const getItemKey = useCallback((i: number) => shown[i]?.id ?? i, [shown]);
  const getScrollElement = useCallback(() => scroller, [scroller]);
  const indexById = useMemo(() => lazyIndexOf(shown), [shown]);
  const { focusedId, onFocus, onBlur } = useFocusedCard();
  const stop = tabStop(indexById, focusedId, selectedId, shown.length);
  // The tab-stop card stays rendered out of view: unmounting a focused card would drop focus to the page.
  const rangeExtractor = useCallback((range: Range) => withKept(defaultRangeExtractor(range), stop, range.count), [stop]);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    gap: GAP,
    scrollMargin,
    rangeExtractor,
  });


  // The card selected from the text (or by undo) is brought into view, as a rendered card once was.
  useEffect(() => {
    const index = selectedId ? indexById.get(selectedId) : undefined;
    if (index === undefined) return;
    // After the frame that shows the change itself (a new highlight and its card, a card opened): the
    // scroll re-renders the list synchronously (flushSync) and, inside this commit, held that frame
    // back by a second render and layout (Chrome traces of creating a highlight at 10,000).
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => virtualizer.scrollToIndex(index, { align: 'auto' }));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // Only a new selection, or the list's first mount (its scroller is known a render later, as after
    // "No annotations match"), scrolls; a new filter does not, so indexById and virtualizer are read, not watched.
  }, [selectedId, scroller]);

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
    const next = moveTarget(event.key, Number(item.dataset.index), shown.length);
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
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const view = shown[item.index]!;
        return (
          <AnnotationItem
            key={view.id}
            view={view}
            label={colorLabel(legend, view.color)}
            terms={terms}
            index={item.index}
            setSize={shown.length}
            tabbable={item.index === stop}
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
});
