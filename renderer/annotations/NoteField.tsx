/**
 * A card's note: the text area (saved as you type) and its save state, with a
 * Retry when the service refused the last save. It reads the note session
 * itself, so typing re-renders the field and not the whole card.
 */
import { useId, useSyncExternalStore, type RefObject } from 'react';
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
      <p className="fm-save-state" data-state={status} role="status">
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
