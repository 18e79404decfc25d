/**
 * A code's definition: a multi-line field saved like a note (use-autosaved-text:
 * after a pause, on blur, when the sheet closes), saying only a refusal.
 */
import { useId } from 'react';
import { useAutosavedText } from '../app-state/use-autosaved-text';
import type { CodeView } from '../../preload/contract';

export interface DefinitionFieldProps {
  code: CodeView;
  readOnly: boolean;
  /** Saves the definition; resolves with the service's message when it refused. */
  onSave(description: string): Promise<string | null>;
}

export function DefinitionField({ code, readOnly, onSave }: DefinitionFieldProps) {
  const field = useAutosavedText(code.description, onSave);
  const id = useId();
  // Only a refusal is said here; the saved definition shows in the tree's counts and the field itself.
  const problem = field.status.kind === 'refused' ? field.status.message : '';

  return (
    <div className="cb-field">
      <label htmlFor={`${id}-definition`} className="fm-field-label">
        Definition
      </label>
      <textarea
        ref={field.ref}
        id={`${id}-definition`}
        className="cb-definition"
        rows={4}
        value={field.text}
        readOnly={readOnly}
        aria-describedby={`${id}-message`}
        onChange={(event) => field.change(event.target.value)}
        onBlur={field.flush}
      />
      <p id={`${id}-message`} className="cb-message" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
