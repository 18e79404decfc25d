/**
 * The recovery key, shown once after protecting: the user writes it down and
 * types its last characters back, which proves it was copied before the
 * dialog lets go.
 */
import { useId, useState } from 'react';
import { CHECK_CHARACTERS, matchesRecoveryKeyCheck } from './recovery-key-check';

interface RecoveryKeyStepProps {
  recoveryKey: string;
  onDone(): void;
}

export function RecoveryKeyStep({ recoveryKey, onDone }: RecoveryKeyStepProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const matches = matchesRecoveryKeyCheck(recoveryKey, typed);

  return (
    <form
      className="export-body protection-form"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (matches) onDone();
      }}
    >
      <p className="protection-done" role="status">
        Your notes are now protected with your passphrase.
      </p>
      <h3 className="export-section-title" id={`${id}-key-title`}>
        Your recovery key
      </h3>
      <p className="export-hint">
        Write it down on paper, or save it in a password manager, and keep it away from this computer. It opens your notes if you forget the
        passphrase. Fieldmark shows it only this once and cannot show it again.
      </p>
      <p className="recovery-key">
        <code>{recoveryKey}</code>
      </p>
      <div className="protection-fields">
        <label htmlFor={`${id}-check`}>Type the last {CHECK_CHARACTERS} characters of the recovery key</label>
        <input
          id={`${id}-check`}
          className="protection-input"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          aria-invalid={tried && !matches}
          aria-describedby={`${id}-check-error`}
          onChange={(event) => setTyped(event.target.value)}
        />
        <p id={`${id}-check-error`} className="protection-error" role="alert">
          {tried && !matches ? `These are not the last ${CHECK_CHARACTERS} characters of the key above. Check what you wrote down.` : ''}
        </p>
      </div>
      <div className="export-actions">
        <button type="submit" className="export-button primary">
          I have written it down
        </button>
      </div>
    </form>
  );
}
