/**
 * "Show these in the Annotations panel" from a sheet (the coding matrix, the
 * codebook): the sheet sets the panel's filter, then asks for the panel to be
 * shown. On a narrow window the panel is a closed drawer, so without this the
 * filter would change out of sight. The app shell listens and opens the drawer.
 */
const EVENT = 'fieldmark:reveal-annotations-panel';

/** Asks the app shell to show the Annotations panel (a no-op when it is already on screen). */
export function revealAnnotationsPanel(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `listener` whenever a sheet asks for the panel; returns the unsubscribe function. */
export function onRevealAnnotationsPanel(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
