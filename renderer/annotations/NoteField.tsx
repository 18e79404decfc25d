/**
 * A card's note: the text area (saved as you type) and its save state, with a
 * Retry when the service refused the last save. It reads the note session
 * itself, so typing re-renders the field and not the whole card. A save that
 * lands is said in the app's one polite live region ("Note saved."); a refused
 * one raises the alert with Retry (note-session.ts).
 */
import { useEffect, useId, useRef, useSyncExternalStore, type RefObject } from 'react';
import { useAnnounce } from '../app-state/announcer';
import type { NoteSession } from './note-session';

interface NoteFieldProps {
  session: NoteSession;
  readOnly: boolean;
  /** The highlight itself is not saved yet: nothing says "Saved" before the service answered. */
  unsaved?: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onCommit(): void;
}

export function NoteField({ session, readOnly, unsaved = false, inputRef, onCommit }: NoteFieldProps) {
  const noteId = useId();
  const snapshot = useSyncExternalStore(session.subscribe, session.status);
  const status = unsaved && snapshot.status === 'saved' ? 'saving' : snapshot.status;
  const announce = useAnnounce();
  const before = useRef(snapshot.status);
  useEffect(() => {
    if (snapshot.status === 'saved' && before.current === 'saving') announce('Note saved.');
    before.current = snapshot.status;
  }, [snapshot.status, announce]);
  return (
    <div className="fm-field">
      <label htmlFor={noteId} className="fm-field-label">
        Note
      </label>
      <textarea
        id={noteId}
        ref={inputRef}
        className="fm-note-input"
        rows={4}
        value={snapshot.value}
        readOnly={readOnly}
        onChange={(event) => session.saver.change(event.target.value)}
        onBlur={onCommit}
      />
      <p className="fm-save-state" data-state={status}>
        {status === 'saved' && 'Saved'}
        {(status === 'editing' || status === 'saving') && 'Saving…'}
        {status === 'failed' && (
          <>
            {`Not saved — ${snapshot.error ?? 'the note could not be saved.'} `}
            <button type="button" className="fm-link-button" onClick={() => void session.saver.flush()}>
              Retry
            </button>
          </>
        )}
      </p>
    </div>
  );
}
