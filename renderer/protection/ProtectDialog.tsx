/**
 * Settings → "Protect with a passphrase" (issue 16): says plainly that losing
 * both the passphrase and the recovery key loses the notes, offers a backup
 * first, takes the passphrase twice, then shows the recovery key once
 * (RecoveryKeyStep) and lets go only once part of it is typed back.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../app-state/app-context';
import { useDialogTask } from '../export/use-dialog-task';
import { useExportDownload } from '../export/use-export-download';
import { useModal } from '../export/use-modal';
import { PassphraseFields } from '../export/PassphraseFields';
import { newPassphraseProblem } from '../../common/passphrase-rules';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import '../export/export.css';
import './protection.css';

export function ProtectDialog() {
  const { client, refreshStatus, notify } = useApp();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const { busy, error, setError, run, clear } = useDialogTask();
  const download = useExportDownload(run);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModal(dialogRef, open);

  const close = () => {
    setOpen(false);
    setPassphrase('');
    setRepeated('');
    clear();
  };

  const protect = (event: FormEvent) => {
    event.preventDefault();
    const problem = newPassphraseProblem(passphrase, repeated);
    if (problem) {
      setError(problem);
      return;
    }
    void run('Protecting your notes', async () => {
      const result = await client.protectStore({ passphrase });
      setPassphrase('');
      setRepeated('');
      setRecoveryKey(result.recoveryKey);
    });
  };

  const finish = () => {
    setRecoveryKey(null);
    close();
    void refreshStatus();
    notify('Your notes are protected. Fieldmark asks for the passphrase or the recovery key when it opens and after it locks.');
  };

  return (
    <>
      <button type="button" className="toolbar-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Protect with a passphrase
      </button>
      <dialog
        ref={dialogRef}
        className="export-dialog protection-dialog"
        aria-labelledby={titleId}
        onCancel={(event) => {
          // The recovery key is shown once: Esc must not dismiss it unseen.
          if (recoveryKey !== null) event.preventDefault();
        }}
        onClose={(event) => event.target === event.currentTarget && recoveryKey === null && close()}
      >
        <div className="export-head">
          <h2 id={titleId}>Protect with a passphrase</h2>
          {recoveryKey === null && (
            <button type="button" className="export-close" aria-label="Close protect with a passphrase" onClick={close}>
              <span aria-hidden="true">×</span>
            </button>
          )}
        </div>
        {recoveryKey !== null ? (
          <RecoveryKeyStep recoveryKey={recoveryKey} onDone={finish} />
        ) : (
          <form className="export-body protection-form" onSubmit={protect}>
            <p className="protection-warning">
              <strong>If you lose both your passphrase and your recovery key, your notes are lost.</strong> Nobody, not even Fieldmark&rsquo;s
              makers, can open them without one of the two.
            </p>
            <p className="export-hint">
              Everything in the data folder is then encrypted: annotations, notes, tags, codes, settings and backups. Fieldmark asks for the
              passphrase when it starts and after it locks.
            </p>
            <section className="export-section" aria-labelledby={`${titleId}-backup`}>
              <h3 id={`${titleId}-backup`} className="export-section-title">
                First, a backup
              </h3>
              <p className="export-hint">This backup is not encrypted: keep it somewhere safe, or delete it once you have checked that unlocking works.</p>
              <div className="export-actions">
                <button
                  type="button"
                  className="export-button"
                  disabled={busy !== null}
                  onClick={() => void download('Backing up', () => client.exportBackup(), (name) => `Backup saved as ${name}.`)}
                >
                  Download a backup first
                </button>
              </div>
            </section>
            <section className="export-section protection-fields" aria-labelledby={`${titleId}-passphrase`}>
              <h3 id={`${titleId}-passphrase`} className="export-section-title">
                Your passphrase
              </h3>
              <PassphraseFields
                label="New passphrase"
                repeatLabel="Repeat the passphrase"
                value={passphrase}
                repeated={repeated}
                disabled={busy !== null}
                onChange={setPassphrase}
                onRepeatChange={setRepeated}
              />
            </section>
            {error && (
              <p className="protection-error" role="alert">
                {error}
              </p>
            )}
            <p className="export-busy" role="status" aria-live="polite">
              {busy ? `${busy}…` : ''}
            </p>
            <div className="export-actions">
              <button type="submit" className="export-button primary" disabled={busy !== null}>
                Protect
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
