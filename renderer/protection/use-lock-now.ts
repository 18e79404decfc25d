/**
 * Locking from this page (the Lock button, Ctrl/Cmd+L, the desktop's Lock
 * item): the note being typed is saved first, then the service locks (it
 * finishes pending writes and drops the key), then the page empties itself.
 * A lock made elsewhere a moment earlier ends the same way: the status says
 * locked, so the page empties.
 */
import { useCallback } from 'react';
import { useApp } from '../app-state/app-context';
import { useAnnotations } from '../annotations/annotations-context';
import { messageOf } from '../api/error-message';
import { pageLock } from './lock-signal';

export function useLockNow(): () => Promise<void> {
  const { client, notify } = useApp();
  const { flushNotes } = useAnnotations();
  return useCallback(async () => {
    await flushNotes().catch(() => false);
    let failure: unknown = null;
    try {
      await client.lock();
    } catch (error) {
      failure = error;
    }
    const status = await client.getStatus().catch(() => null);
    if (status?.locked) pageLock.raise();
    else if (failure) notify(`Fieldmark could not lock. ${messageOf(failure, 'Try again.')}`, { kind: 'error' });
  }, [client, flushNotes, notify]);
}
