/**
 * While the app is open, asks the service every few seconds whether the store
 * is still unlocked, so a lock made elsewhere (another tab's Lock, the idle
 * timer, the desktop's suspend) empties this page promptly even when it makes
 * no calls of its own. getStatus does not count as activity for the idle timer.
 *
 * The timer runs only while the store is protected (a plain store cannot lock,
 * and a poll racing a host restart would log a refused connection). A page
 * that still believes the store is plain (another tab protected and then
 * locked it) asks once whenever it is shown or focused again, so it empties
 * itself before the user can read from it, not only at its next call.
 */
import { useEffect } from 'react';
import type { FieldmarkClient } from '../api/client';

export const LOCK_POLL_MS = 5000;

export function useLockPolling(client: FieldmarkClient, active: boolean, onLocked: () => void): void {
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      try {
        const status = await client.getStatus();
        if (!stopped && status.locked) onLocked();
      } catch {
        // An unreachable host is said by the calls the user makes; the poll stays quiet.
      }
    };
    const onShown = () => {
      if (document.visibilityState === 'visible') void check();
    };
    document.addEventListener('visibilitychange', onShown);
    window.addEventListener('focus', onShown);
    const timer = active ? window.setInterval(() => void check(), LOCK_POLL_MS) : undefined;
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onShown);
      window.removeEventListener('focus', onShown);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [client, active, onLocked]);
}
