/**
 * A multi-line field saved like a note (a code's definition, a recommendation's
 * rationale): after a second's pause in typing, when focus leaves it, and when
 * it unmounts (closing a sheet with Escape removes it without a blur). A value
 * changed elsewhere (an undo) shows in the field unless the field is being
 * edited. `status` says where the last save is: the service's message when it
 * refused, so "Saved" is only shown once the host answered.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

const PAUSE_MS = 1000;

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'refused'; message: string };

export interface AutosavedText {
  text: string;
  status: SaveStatus;
  ref: RefObject<HTMLTextAreaElement | null>;
  /** The field's onChange: shows the value and saves it after the pause. */
  change(value: string): void;
  /** The field's onBlur: saves now. */
  flush(): void;
}

/** `onSave` resolves with the service's message when it refused, else null. */
export function useAutosavedText(stored: string, onSave: (value: string) => Promise<string | null>): AutosavedText {
  const [text, setText] = useState(stored);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const ref = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const saved = useRef(stored);

  useEffect(() => {
    saved.current = stored;
    if (document.activeElement !== ref.current) setText(stored);
  }, [stored]);

  const save = async (value: string) => {
    window.clearTimeout(timer.current);
    if (value === saved.current) return;
    saved.current = value;
    setStatus({ kind: 'saving' });
    const problem = await onSave(value);
    setStatus(problem === null ? { kind: 'saved' } : { kind: 'refused', message: problem });
  };
  const unsaved = useRef<() => void>(() => undefined);
  unsaved.current = () => {
    window.clearTimeout(timer.current);
    if (text !== saved.current) void onSave(text);
  };
  useEffect(() => () => unsaved.current(), []);

  return {
    text,
    status,
    ref,
    change(value) {
      setText(value);
      setStatus({ kind: 'idle' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(value), PAUSE_MS);
    },
    flush: () => void save(text),
  };
}
