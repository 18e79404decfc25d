/**
 * A recommendation's rationale: a multi-line field saved like a note, after a
 * second's pause in typing, when focus leaves it, and when the sheet closes
 * (which unmounts it without a blur). "Saved" appears only once the host has
 * answered. An undo from elsewhere shows in the field unless it is being edited.
 */
import { useId } from 'react';
import { useAutosavedText, type SaveStatus } from '../app-state/use-autosaved-text';

export interface RationaleFieldProps {
  rationale: string;
  readOnly: boolean;
  /** Saves the rationale; resolves with the service's message when it refused. */
  onSave(rationale: string): Promise<string | null>;
}

const SAID: Record<SaveStatus['kind'], string> = { idle: '', saving: 'Saving…', saved: 'Saved', refused: '' };

export function RationaleField({ rationale, readOnly, onSave }: RationaleFieldProps) {
  const field = useAutosavedText(rationale, onSave);
  const id = useId();
  const said = field.status.kind === 'refused' ? field.status.message : SAID[field.status.kind];

  return (
    <div className="rt-field">
      <label htmlFor={id}>Rationale</label>
      <textarea
        ref={field.ref}
        id={id}
        className="rt-rationale-input"
        rows={5}
        value={field.text}
        readOnly={readOnly}
        aria-describedby={`${id}-said`}
        onChange={(event) => field.change(event.target.value)}
        onBlur={field.flush}
      />
      <span id={`${id}-said`} className="rt-said" aria-live="polite">
        {said}
      </span>
    </div>
  );
}
