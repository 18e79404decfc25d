/**
 * The find keys: Ctrl/Cmd+F opens (or refocuses) the bar; F3 / Shift+F3 (and
 * Cmd/Ctrl+G) step through the matches while it is open.
 */
import { useEffect } from 'react';
import { isMac } from '../api/platform';

export function useFindShortcuts(open: boolean, openBar: () => void, step: (delta: 1 | -1) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = isMac ? event.metaKey : event.ctrlKey;
      // A modal dialog (Export and import) makes the rest of the page inert: leave its keys alone.
      if (document.querySelector('dialog:modal')) return;
      if (mod && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        openBar();
        return;
      }
      if (!open) return;
      if (event.key === 'F3' || (mod && !event.altKey && event.key.toLowerCase() === 'g')) {
        event.preventDefault();
        step(event.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open, openBar, step]);
}
