/**
 * One annotation's note while it is being edited: its autosaving NoteSaver, a
 * stable snapshot of what was typed and its save state for
 * `useSyncExternalStore`, and the "not saved" alert (with Retry) that a
 * refused save raises and a later successful save takes down.
 */
import type { NotifyOptions } from '../app-state/app-context';
import { NoteSaver, type SaveStatus } from './note-saver';

export interface NoteSession {
  saver: NoteSaver;
  /** The note as typed and its save state (a stable snapshot for useSyncExternalStore). */
  status(): NoteSnapshot;
  subscribe(listener: () => void): () => void;
}

export interface NoteSnapshot {
  value: string;
  status: SaveStatus;
  error: string | null;
}

export interface SessionRecord extends NoteSession {
  /** The note as of the last commit: the "before" of the next undo step. */
  base: string;
  failureNotice: number | null;
}

export interface NoteSessionOptions {
  /** The note as stored now. */
  initial: string;
  /** Stores the note (through the service); rejects when it was refused. */
  save(text: string): Promise<void>;
  /** Where the annotation is, for the alert ("Protection ¶4"). */
  where(): string;
  notify(message: string, options?: NotifyOptions): number;
  dismiss(id: number): void;
}

export function createNoteSession(options: NoteSessionOptions): SessionRecord {
  const { initial, notify, dismiss } = options;
  const listeners = new Set<() => void>();
  let snapshot: NoteSnapshot = { value: initial, status: 'saved', error: null };
  const session: SessionRecord = {
    base: initial,
    failureNotice: null,
    saver: new NoteSaver({
      initial,
      save: options.save,
      onStatus: (status, error) => {
        const value = session.saver.value;
        if (snapshot.status !== status || snapshot.error !== error || snapshot.value !== value) snapshot = { value, status, error };
        if (status === 'failed') {
          session.failureNotice = notify(`Your note on ${options.where()} was not saved. ${error ?? ''}`.trim(), {
            kind: 'error',
            action: { label: 'Retry', run: () => session.saver.flush() },
          });
        } else if (status === 'saved' && session.failureNotice !== null) {
          dismiss(session.failureNotice);
          session.failureNotice = null;
        }
        for (const listener of [...listeners]) listener();
      },
    }),
    status: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return session;
}
