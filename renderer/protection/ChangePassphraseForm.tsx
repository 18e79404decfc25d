/**
 * Change passphrase: with the current passphrase or the recovery key (so a
 * user who forgot the passphrase but kept the key can set a new one). Only the
 * data key is re-wrapped; the notes are not re-encrypted.
 */
import { useId, useState, type FormEvent } from 'react';
import { useApp } from '../app-state/app-context';
import type { DialogTask } from '../export/use-dialog-task';
import { PassphraseFields } from '../export/PassphraseFields';
import { newPassphraseProblem } from '../../common/passphrase-rules';
import { withSecret } from './unlock-attempt';

interface ChangePassphraseFormProps {
  task: DialogTask;
}

export function ChangePassphraseForm({ task }: ChangePassphraseFormProps) {
  const { client, notify } = useApp();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = current.length === 0 ? 'Type your current passphrase or your recovery key.' : newPassphraseProblem(next, repeated);
    if (problem) {
      task.setError(problem);
      return;
    }
    void task.run('Changing the passphrase', async () => {
      const refused = await withSecret(current, (credential) => client.changePassphrase({ ...credential, newPassphrase: next }));
      if (refused) throw new Error(refused);
      setCurrent('');
      setNext('');
      setRepeated('');
      notify('Your passphrase is changed. Your recovery key stays the same.');
    });
  };

  return (
    <form className="export-section protection-fields" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`} className="export-section-title">
        Change passphrase
      </h3>
      <label htmlFor={`${id}-current`}>Current passphrase or recovery key</label>
      <input
        id={`${id}-current`}
        className="protection-input"
        type="password"
        autoComplete="current-password"
        spellCheck={false}
        value={current}
        disabled={task.busy !== null}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <PassphraseFields
        label="New passphrase"
        repeatLabel="Repeat the new passphrase"
        value={next}
        repeated={repeated}
        disabled={task.busy !== null}
        onChange={setNext}
        onRepeatChange={setRepeated}
      />
      <div className="export-actions">
        <button type="submit" className="export-button" disabled={task.busy !== null}>
          Change passphrase
        </button>
      </div>
    </form>
  );
}
