/**
 * The import's question for an encrypted file (issue 16): its passphrase, then
 * the usual review. A wrong passphrase is said in the dialog and the field stays.
 */
import { useId, useState, type FormEvent } from 'react';
import './encrypt.css';

interface PassphrasePromptProps {
  fileName: string;
  busy: boolean;
  onOpen(passphrase: string): void;
  onCancel(): void;
}

export function PassphrasePrompt({ fileName, busy, onOpen, onCancel }: PassphrasePromptProps) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.length > 0) onOpen(passphrase);
  };
  return (
    <form className="export-body export-encrypt-fields" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`} className="export-section-title">
        {fileName} is encrypted
      </h3>
      <p className="export-hint">Type the passphrase it was exported with. Nothing is imported before the review.</p>
      <label htmlFor={id}>Passphrase for this file</label>
      <input
        id={id}
        className="export-input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={passphrase}
        disabled={busy}
        autoFocus
        onChange={(event) => setPassphrase(event.target.value)}
      />
      <div className="export-actions">
        <button type="submit" className="export-button primary" disabled={busy || passphrase.length === 0}>
          Open
        </button>
        <button type="button" className="export-button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
