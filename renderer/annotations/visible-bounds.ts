/** The area floating annotation UI may cover. */
import type { TextSurface } from '../text/text-surface';
import type { Box } from './toolbar-position';

/** The part of the viewport the reading pane covers (floating UI never hides the app's toolbar). */
export function visibleBounds(surface: TextSurface | null): Box {
  const viewport = { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
  const pane = surface?.scroller.getBoundingClientRect();
  if (!pane || pane.width === 0 || pane.height === 0) return viewport;
  const top = Math.max(0, pane.top);
  const left = Math.max(0, pane.left);
  return { left, top, width: Math.min(window.innerWidth, pane.right) - left, height: Math.min(window.innerHeight, pane.bottom) - top };
}
