/**
 * A recommendation's rationale: a multi-line field saved like a note, after a
 * second's pause in typing, when focus leaves it, and when the sheet closes
 * (which unmounts it without a blur). "Saved" appears only once the host has
 * answered. An undo from elsewhere shows in the field unless it is being edited.
 */
import { useEffect, useId, useRef, useState } from 'react';

const PAUSE_MS = 1000;

export interface RationaleFieldProps {
  rationale: string;
  readOnly: boolean;
  /** Saves the rationale; resolves with the service's message when it refused. */
  onSave(rationale: string): Promise<string | null>;
}

export function RationaleField({ rationale, readOnly, onSave }: RationaleFieldProps) {
  const [text, setText] = useState(rationale);
  const [said, setSaid] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const saved = useRef(rationale);
  const id = useId();

  useEffect(() => {
    saved.current = rationale;
    if (document.activeElement !== ref.current) setText(rationale);
  }, [rationale]);

  const save = async (value: string) => {
    window.clearTimeout(timer.current);
    if (value === saved.current) return;
    saved.current = value;
    setSaid('Saving…');
    const problem = await onSave(value);
    setSaid(problem ?? 'Saved');
  };
  const unsaved = useRef<() => void>(() => undefined);
  unsaved.current = () => {
    window.clearTimeout(timer.current);
    if (text !== saved.current) void onSave(text);
  };
  useEffect(() => () => unsaved.current(), []);

  return (
    <div className="rt-field">
      <label htmlFor={id}>Rationale</label>
      <textarea
        ref={ref}
        id={id}
        className="rt-rationale-input"
        rows={5}
        value={text}
        readOnly={readOnly}
        aria-describedby={`${id}-said`}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          setSaid('');
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void save(value), PAUSE_MS);
        }}
        onBlur={() => void save(text)}
      />
      <span id={`${id}-said`} className="rt-said" aria-live="polite">
        {said}
      </span>
    </div>
  );
}
