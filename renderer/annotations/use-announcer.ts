/**
 * "What just happened" messages (deleted, restored, undid…): one at a time, a
 * new one replacing the last instead of stacking up in the notice area.
 */
import { useCallback, useRef } from 'react';
import type { AppValue } from '../app-state/app-context';

export function useAnnouncer({ notify, dismiss }: Pick<AppValue, 'notify' | 'dismiss'>): (message: string) => void {
  const lastAnnouncement = useRef<number | null>(null);
  return useCallback(
    (message: string) => {
      if (lastAnnouncement.current !== null) dismiss(lastAnnouncement.current);
      lastAnnouncement.current = notify(message);
    },
    [dismiss, notify],
  );
}
