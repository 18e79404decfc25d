/**
 * The toolbar's "Lock" button (only while the store is protected), with
 * Ctrl/Cmd+L and the desktop menu's Lock item doing the same.
 */
import { useEffect } from 'react';
import { onMenuEvent } from '../api/menu-events';
import { isMac } from '../api/platform';
import { isLockShortcut } from './lock-shortcut';
import { useLockNow } from './use-lock-now';

export function LockButton() {
  const lockNow = useLockNow();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isLockShortcut(event, isMac)) return;
      event.preventDefault();
      void lockNow();
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = onMenuEvent((event) => {
      if (event.action === 'lock') void lockNow();
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe?.();
    };
  }, [lockNow]);

  return (
    <button type="button" className="toolbar-button" aria-keyshortcuts={isMac ? 'Meta+L' : 'Control+L'} onClick={() => void lockNow()}>
      Lock
    </button>
  );
}
