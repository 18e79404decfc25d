/**
 * Which highlights to register with the browser when there are many. Chromium
 * rebuilds the markers of every registered highlight range after any DOM or
 * style change anywhere in the document (a card rendered in the panel, a "Saving…"
 * label), so 10,000 registered ranges make every interaction pay for all of
 * them. Above WINDOW_ABOVE live annotations only those overlapping the text on
 * screen, plus half a screen's worth above and below, are registered; the window
 * moves as the reader scrolls. Below it, everything is painted, which costs
 * little and lets scrolling show highlights without any work from us.
 */

export interface TextSpan {
  start: number;
  end: number;
}

/** Live annotations above which painting is limited to a window around the visible text. */
export const WINDOW_ABOVE = 2000;
/** The least text kept painted on each side of the visible text, in characters. */
const MIN_MARGIN = 1500;

function marginFor(visible: TextSpan): number {
  return Math.max(MIN_MARGIN, (visible.end - visible.start) / 2);
}

/** The window to paint for the visible text: the visible span plus a margin on each side. */
export function windowFor(visible: TextSpan): TextSpan {
  const margin = marginFor(visible);
  return { start: Math.max(0, visible.start - margin), end: visible.end + margin };
}

/** Whether the visible text has come close to (within half a margin of) the window's edges. */
export function needsNewWindow(current: TextSpan | null, visible: TextSpan): boolean {
  if (!current) return true;
  const slack = marginFor(visible) / 2;
  const nearStart = current.start > 0 && visible.start - slack < current.start;
  const nearEnd = visible.end + slack > current.end;
  return nearStart || nearEnd;
}

/** The annotations overlapping the window (all of them when there is no window). */
export function inWindow<T extends TextSpan>(list: readonly T[], window: TextSpan | null): readonly T[] {
  if (!window) return list;
  return list.filter((a) => a.start < window.end && a.end > window.start);
}
