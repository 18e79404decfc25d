/**
 * The one request the Export and import dialog runs at a time: while it runs
 * the dialog's buttons are off and its status line says what is happening; a
 * failure is shown in the dialog and changes nothing.
 */
import { useCallback, useState } from 'react';
import { messageOf } from '../api/error-message';

export interface DialogTask {
  /** What is running ("Importing"), or null. */
  busy: string | null;
  error: string | null;
  setError(error: string | null): void;
  /** Runs one request with the dialog marked busy; errors are shown in the dialog and change nothing. */
  run(label: string, task: () => Promise<void>): Promise<void>;
  /** Forgets the error and the busy mark (the dialog goes back to its options). */
  clear(): void;
}

/** The message of anything thrown, even a non-Error. */
export const reasonOf = (error: unknown): string => messageOf(error, String(error));

export function useDialogTask(): DialogTask {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (label: string, task: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await task();
    } catch (err) {
      setError(`${label} did not work. ${reasonOf(err)}`);
    } finally {
      setBusy(null);
    }
  }, []);

  const clear = useCallback(() => {
    setError(null);
    setBusy(null);
  }, []);

  return { busy, error, setError, run, clear };
}
