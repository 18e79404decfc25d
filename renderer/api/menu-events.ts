/**
 * The desktop main process's messages to the page (File menu results, View
 * zoom, the flush before quitting). Only the Electron preload's
 * `window.fieldmark` has `onMenu`; in a browser there are none.
 */
import type { MenuEvent } from '../../preload/bridge';

/** Subscribes to menu events; returns the unsubscribe function, or null where there is no desktop bridge. */
export function onMenuEvent(listener: (event: MenuEvent) => void): (() => void) | null {
  const bridge = window.fieldmark as { onMenu?: (cb: (event: MenuEvent) => void) => () => void } | undefined;
  return typeof bridge?.onMenu === 'function' ? bridge.onMenu(listener) : null;
}
