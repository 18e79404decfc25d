/**
 * A recommendation's short title, editable: saved when focus leaves the field
 * or on Enter; an empty title goes back to the default one (derived from the
 * recommendation's first clause).
 */
import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  title: string;
  readOnly: boolean;
  /** Saves the title (null: the default); resolves with the service's message when it refused. */
  onSave(title: string | null): Promise<string | null>;
}

export function TitleField({ title, readOnly, onSave }: Props) {
  const [text, setText] = useState(title);
  const [said, setSaid] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  // Emptied and saved: the default title the service answers with shows in the field, even while it has focus.
  const adopt = useRef(false);

  useEffect(() => {
    if (!adopt.current && document.activeElement === ref.current) return;
    adopt.current = false;
    setText(title);
  }, [title]);

  const save = async () => {
    const value = text.trim();
    if (value === title) return;
    setSaid('Saving…');
    adopt.current = value === '';
    const problem = await onSave(value === '' ? null : value);
    setSaid(problem ?? 'Saved');
  };

  return (
    <div className="rt-field">
      <label htmlFor={id}>Title</label>
      <input
        ref={ref}
        id={id}
        className="rt-input"
        maxLength={200}
        value={text}
        readOnly={readOnly}
        aria-describedby={`${id}-said ${id}-hint`}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
        }}
      />
      <span id={`${id}-hint`} className="rt-hint">
        Leave it empty to go back to the default title.
      </span>
      <span id={`${id}-said`} className="rt-said" aria-live="polite">
        {said}
      </span>
    </div>
  );
}
