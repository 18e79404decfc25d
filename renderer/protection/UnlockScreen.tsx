/**
 * The locked page (issue 16): one field, "Passphrase or recovery key", and
 * one button, "Unlock". It is all the page shows while the store is locked:
 * nothing of the user's data is held or drawn until the store opens again.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { FieldmarkClient } from '../api/client';
import { unlockWith } from './unlock-attempt';
import './protection.css';

interface UnlockScreenProps {
  client: FieldmarkClient;
  /** Called once the store is open; the page then loads as at start. */
  onUnlocked(): void;
  /** True when the page was just locked (not opened locked): the status region says so once. */
  justLocked?: boolean;
}

/** Said once in the screen's status region after a lock (the app's own live region went with the app). */
export const LOCKED_ANNOUNCEMENT = 'Locked. Your notes are hidden until you unlock.';

export function UnlockScreen({ client, onUnlocked, justLocked = false }: UnlockScreenProps) {
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const errorId = useId();

  useEffect(() => {
    document.title = 'Locked — Fieldmark';
    fieldRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!justLocked) return;
    // Filled after the region is in the page, so screen readers hear it as a change.
    const timer = window.setTimeout(() => setSaid(LOCKED_ANNOUNCEMENT), 150);
    return () => window.clearTimeout(timer);
  }, [justLocked]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || secret.length === 0) return;
    setBusy(true);
    setError(null);
    const problem = await unlockWith(client, secret);
    setBusy(false);
    if (problem === null) {
      setSecret('');
      onUnlocked();
      return;
    }
    setError(problem);
    fieldRef.current?.select();
  };

  return (
    <main className="unlock-screen">
      <form className="unlock-card" aria-labelledby={`${fieldId}-title`} onSubmit={(event) => void submit(event)}>
        <h1 id={`${fieldId}-title`}>Fieldmark is locked</h1>
        <p className="unlock-hint">Your notes are encrypted on this computer. Type your passphrase, or the recovery key you wrote down, to open them.</p>
        <label htmlFor={fieldId}>Passphrase or recovery key</label>
        <input
          ref={fieldRef}
          id={fieldId}
          className="protection-input"
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          value={secret}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setSecret(event.target.value)}
        />
        <p id={errorId} className="protection-error" role="alert">
          {error ?? ''}
        </p>
        <p className="unlock-status" role="status">
          {busy ? 'Unlocking…' : said}
        </p>
        <button type="submit" className="protection-button primary" disabled={busy}>
          Unlock
        </button>
      </form>
    </main>
  );
}
