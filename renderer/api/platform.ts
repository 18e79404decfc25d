/**
 * The platform the page runs on, where it changes the keys: Cmd on a Mac
 * (and iPhone or iPad), Ctrl elsewhere.
 */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
