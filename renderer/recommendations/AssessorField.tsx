/**
 * Who assesses: a name typed once and kept in the settings (shared by every
 * recommendation), written as "assessed by" with each status or rationale
 * change. Saved when focus leaves the field or on Enter; "Saved" appears only
 * once the host has answered.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../app-state/app-context';

export function AssessorField() {
  const { settings, updateSettings, status } = useApp();
  const [text, setText] = useState(settings.assessor);
  const [said, setSaid] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  const saved = useRef(settings.assessor);
  const id = useId();

  useEffect(() => {
    saved.current = settings.assessor;
    if (document.activeElement !== ref.current) setText(settings.assessor);
  }, [settings.assessor]);

  const save = async () => {
    const value = text.trim();
    if (value === saved.current) return;
    saved.current = value;
    setSaid('Saving…');
    const answer = await updateSettings({ assessor: value });
    setSaid(answer ? 'Saved' : 'Not saved');
  };

  return (
    <div className="rt-assessor">
      <label htmlFor={id}>Assessor</label>
      <input
        ref={ref}
        id={id}
        className="rt-input"
        maxLength={100}
        value={text}
        readOnly={status.readOnly}
        placeholder="Your name or initials"
        aria-describedby={`${id}-said`}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
        }}
      />
      <span id={`${id}-said`} className="rt-said" aria-live="polite">
        {said}
      </span>
    </div>
  );
}
