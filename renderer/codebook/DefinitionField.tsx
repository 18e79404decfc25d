/**
 * A code's definition: a multi-line field saved like a note, after a pause in
 * typing and when focus leaves it. An undo from elsewhere shows in the field
 * unless the field is being edited.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CodeView } from '../../preload/contract';

const PAUSE_MS = 1000;

export interface DefinitionFieldProps {
  code: CodeView;
  readOnly: boolean;
  /** Saves the definition; resolves with the service's message when it refused. */
  onSave(description: string): Promise<string | null>;
}

export function DefinitionField({ code, readOnly, onSave }: DefinitionFieldProps) {
  const [text, setText] = useState(code.description);
  const [problem, setProblem] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const saved = useRef(code.description);
  const id = useId();

  useEffect(() => {
    saved.current = code.description;
    if (document.activeElement !== ref.current) setText(code.description);
  }, [code.description]);

  const save = async (value: string) => {
    window.clearTimeout(timer.current);
    if (value === saved.current) return;
    saved.current = value;
    setProblem(await onSave(value));
  };
  // Closing the sheet (Escape) unmounts the field without a blur: what was typed is saved then.
  const unsaved = useRef<() => void>(() => undefined);
  unsaved.current = () => {
    window.clearTimeout(timer.current);
    if (text !== saved.current) void onSave(text);
  };
  useEffect(() => () => unsaved.current(), []);

  return (
    <div className="cb-field">
      <label htmlFor={`${id}-definition`} className="fm-field-label">
        Definition
      </label>
      <textarea
        ref={ref}
        id={`${id}-definition`}
        className="cb-definition"
        rows={4}
        value={text}
        readOnly={readOnly}
        aria-describedby={`${id}-message`}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void save(value), PAUSE_MS);
        }}
        onBlur={() => void save(text)}
      />
      <p id={`${id}-message`} className="cb-message" aria-live="polite">
        {problem ?? ''}
      </p>
    </div>
  );
}
