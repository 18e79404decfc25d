/**
 * Remove protection: the store is written back in plain text after the
 * passphrase is confirmed. Said plainly, since anyone with the disk can then
 * read the notes.
 */
import { useId, useState, type FormEvent } from 'react';
import { useApp } from '../app-state/app-context';
import type { DialogTask } from '../export/use-dialog-task';

interface RemoveProtectionFormProps {
  task: DialogTask;
  onRemoved(): void;
}

export function RemoveProtectionForm({ task, onRemoved }: RemoveProtectionFormProps) {
  const { client } = useApp();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.length === 0) {
      task.setError('Type your passphrase to remove the protection.');
      return;
    }
    void task.run('Removing the protection', async () => {
      await client.unprotectStore({ passphrase });
      setPassphrase('');
      onRemoved();
    });
  };

  return (
    <form className="export-section protection-fields" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`} className="export-section-title">
        Remove protection
      </h3>
      <p className="export-hint">Your notes will be stored unencrypted again: anyone who has this computer&rsquo;s disk can read them.</p>
      <label htmlFor={`${id}-passphrase`}>Passphrase</label>
      <input
        id={`${id}-passphrase`}
        className="protection-input"
        type="password"
        autoComplete="current-password"
        spellCheck={false}
        value={passphrase}
        disabled={task.busy !== null}
        onChange={(event) => setPassphrase(event.target.value)}
      />
      <div className="export-actions">
        <button type="submit" className="export-button danger" disabled={task.busy !== null}>
          Remove protection
        </button>
      </div>
    </form>
  );
}
