/**
 * Which find match is current and moving between matches: the current match is
 * marked by the painter and scrolled to unless it is already in view, and a
 * match the find bar (with its results list) would cover is moved out from
 * under it once the surface has settled.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { TextSurface } from '../text/text-surface';
import type { MatchPainter } from './match-painter';
import type { TextMatch } from './matcher';

export interface MatchNavigation {
  matches: readonly TextMatch[];
  /** The current match's index, or -1. */
  current: number;
  /** Shows a new search's matches with `first` current (painted, not yet scrolled to). */
  setFound(found: readonly TextMatch[], first: number): void;
  /** Forgets the matches (the bar closed). */
  clear(): void;
  /** Makes match `index` current and scrolls to it unless it is already in view. */
  goTo(index: number): void;
  /** The next (1) or previous (-1) match, wrapping around. */
  step(delta: 1 | -1): void;
  /** Moves match `index` out from under the bar when the bar covers it. */
  clearOfBar(index: number): void;
  /** The current match as of the last change, for effects that must not re-run on every step. */
  latest(): { matches: readonly TextMatch[]; current: number };
}

interface NavigationDeps {
  surface: TextSurface | null;
  painterRef: RefObject<MatchPainter | null>;
  barRef: RefObject<HTMLDivElement | null>;
}

/** Whether a painted mark lies inside the reading viewport and not under the find bar. */
function markInView(surface: TextSurface | null, bar: HTMLElement | null, mark: HTMLElement | null): boolean {
  if (!mark || !surface) return false;
  const m = mark.getBoundingClientRect();
  const view = surface.scroller.getBoundingClientRect();
  if (m.top < view.top || m.bottom > view.bottom) return false;
  const b = bar?.getBoundingClientRect();
  return !b || !(m.bottom > b.top && m.top < b.bottom && m.right > b.left && m.left < b.right);
}

export function useMatchNavigation({ surface, painterRef, barRef }: NavigationDeps): MatchNavigation {
  const [matches, setMatches] = useState<readonly TextMatch[]>([]);
  const [current, setCurrent] = useState(-1);
  const stateRef = useRef({ matches, current });
  stateRef.current = { matches, current };

  const setFound = useCallback(
    (found: readonly TextMatch[], first: number) => {
      stateRef.current = { matches: found, current: first };
      setMatches(found);
      setCurrent(first);
      painterRef.current?.setMatches(found, first);
    },
    [painterRef],
  );

  const clear = useCallback(() => {
    setMatches([]);
    setCurrent(-1);
  }, []);

  // Waits for the surface to settle a scroll (it corrects over two frames) before measuring.
  const clearOfBar = useCallback(
    (index: number) => {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const mark = painterRef.current?.markOf(index);
          const bar = barRef.current;
          if (!surface || !mark || !bar || markInView(surface, bar, mark)) return;
          const m = mark.getBoundingClientRect();
          const below = bar.getBoundingClientRect().bottom + 24;
          const view = surface.scroller.getBoundingClientRect();
          if (m.top < below && below + m.height < view.bottom) surface.scroller.scrollBy({ top: m.top - below });
        }),
      );
    },
    [surface, painterRef, barRef],
  );

  const goTo = useCallback(
    (index: number) => {
      const match = stateRef.current.matches[index];
      if (!match) return;
      setCurrent(index);
      const painter = painterRef.current;
      painter?.setCurrent(index);
      if (!surface || markInView(surface, barRef.current, painter?.markOf(index) ?? null)) return;
      surface.scrollToOffset(match.start, { align: 'center' });
      clearOfBar(index);
    },
    [surface, painterRef, barRef, clearOfBar],
  );

  const step = useCallback(
    (delta: 1 | -1) => {
      const { matches: list, current: at } = stateRef.current;
      if (list.length === 0) return;
      const next = at < 0 ? (delta === 1 ? 0 : list.length - 1) : (at + delta + list.length) % list.length;
      goTo(next);
    },
    [goTo],
  );

  const latest = useCallback(() => stateRef.current, []);

  return { matches, current, setFound, clear, goTo, step, clearOfBar, latest };
}
