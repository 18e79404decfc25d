/**
 * The name field for a new code, at the top level or under the focused code.
 * Enter creates it, Escape cancels; a refusal (an empty name, a sibling of the
 * same name) stays beside the field with the typed name.
 */
import { useId, useState } from 'react';

export interface NewCodeFormProps {
  /** The parent's path, or null for a top-level code. */
  parentPath: string | null;
  /** Creates the code; resolves with the service's message when it refused. */
  onCreate(name: string): Promise<string | null>;
  onCancel(): void;
}

export function NewCodeForm({ parentPath, onCreate, onCancel }: NewCodeFormProps) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const label = parentPath === null ? 'Name of the new code' : `Name of the new code under ${parentPath}`;
  const create = async () => {
    setBusy(true);
    const refused = await onCreate(name);
    setBusy(false);
    if (refused) setProblem(refused);
  };
  return (
    <form
      className="cb-form"
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <label htmlFor={`${id}-name`} className="fm-field-label">
        {label}
      </label>
      <div className="cb-form-row">
        <input
          id={`${id}-name`}
          className="fm-rename-input"
          value={name}
          autoFocus
          aria-describedby={`${id}-message`}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" className="fm-button" disabled={busy}>
          Create
        </button>
        <button type="button" className="fm-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p id={`${id}-message`} className="cb-message" role={problem ? 'alert' : undefined}>
        {problem ?? ''}
      </p>
    </form>
  );
}
