/**
 * Following the scroll: the progress and current section shown in the header,
 * the first visible offset (the anchor kept through re-layouts), and the saved
 * reading position (saved after scrolling settles, and when the page is hidden
 * or left).
 */
import { useEffect, type RefObject } from 'react';
import type { ReadingPosition } from '../../preload/contract';
import type { AppValue } from '../app-state/app-context';
import type { TextSurface } from '../text/text-surface';
import { createPositionSaver } from './position-saver';
import { pinnedSection, pinSection, setReadingState } from './reading-state';
import { entryIndexAt, type TocEntry } from './sections';

/** Fraction of the scroller scrolled (1 when there is nothing to scroll). */
function scrollProgress(scroller: HTMLElement): number {
  const max = scroller.scrollHeight - scroller.clientHeight;
  if (max <= 1) return 1;
  return Math.min(1, Math.max(0, scroller.scrollTop / max));
}

/** The section being read: the one at the top of the view, or the one just jumped to while its heading is in view. */
function currentSection(surface: TextSurface, entries: readonly TocEntry[], box: DOMRect, offset: number): number {
  const line = surface.blockAtViewportY(box.top + Math.min(160, box.height / 4));
  const section = entryIndexAt(entries, line ? line.start : offset);
  const pinned = pinnedSection();
  if (pinned === null) return section;
  const heading = surface.blockElementAt(entries[pinned]?.start ?? 0)?.getBoundingClientRect();
  if (heading && heading.top >= box.top - 2 && heading.top < box.bottom) return pinned;
  pinSection(null);
  return section;
}

interface ReadingPositionDeps {
  surface: TextSurface | null;
  scrollerRef: RefObject<HTMLElement | null>;
  entries: readonly TocEntry[];
  /** The position restored at launch (already saved, so not saved again). */
  restored: ReadingPosition | null;
  anchor: RefObject<number>;
  updateSettings: AppValue['updateSettings'];
}

export function useReadingPosition({ surface, scrollerRef, entries, restored, anchor, updateSettings }: ReadingPositionDeps): void {
  useEffect(() => {
    if (!surface) return;
    const scroller = scrollerRef.current!;
    let frame = 0;
    const measure = () => {
      frame = 0;
      anchor.current = surface.firstVisibleOffset();
      setReadingState({ progress: scrollProgress(scroller), section: currentSection(surface, entries, scroller.getBoundingClientRect(), anchor.current) });
    };
    const saver = createPositionSaver({
      read: () => ({ offset: surface.firstVisibleOffset(), progress: scrollProgress(scroller) }),
      save: (readingPosition) => void updateSettings({ readingPosition }),
    });
    saver.markSaved(restored);
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
  }, [surface, scrollerRef, entries, restored, anchor, updateSettings]);
}
