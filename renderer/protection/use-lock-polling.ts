/**
 * While the app is open, asks the service every few seconds whether the store
 * is still unlocked, so a lock made elsewhere (another tab's Lock, the idle
 * timer, the desktop's suspend) empties this page promptly even when it makes
 * no calls of its own. getStatus does not count as activity for the idle timer.
 */
import { useEffect } from 'react';
import type { FieldmarkClient } from '../api/client';

export const LOCK_POLL_MS = 5000;

export function useLockPolling(client: FieldmarkClient, active: boolean, onLocked: () => void): void {
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const check = async () => {
      try {
        const status = await client.getStatus();
        if (!stopped && status.locked) onLocked();
      } catch {
        // An unreachable host is said by the calls the user makes; the poll stays quiet.
      }
    };
    const timer = window.setInterval(() => void check(), LOCK_POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [client, active, onLocked]);
}
