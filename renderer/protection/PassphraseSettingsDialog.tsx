/**
 * Settings of a protected store: lock automatically, change passphrase (with
 * the passphrase or the recovery key) and remove protection, in one dialog
 * opened from the toolbar's "Passphrase settings".
 */
import { useId, useRef, useState } from 'react';
import { useApp } from '../app-state/app-context';
import { useDialogTask } from '../export/use-dialog-task';
import { useModal } from '../export/use-modal';
import { AutoLockField } from './AutoLockField';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { RemoveProtectionForm } from './RemoveProtectionForm';
import '../export/export.css';
import './protection.css';

export function PassphraseSettingsDialog() {
  const { refreshStatus, notify } = useApp();
  const [open, setOpen] = useState(false);
  const task = useDialogTask();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModal(dialogRef, open);

  const close = () => {
    setOpen(false);
    task.clear();
  };

  const removed = () => {
    close();
    void refreshStatus();
    notify('Protection is removed. Your notes are stored unencrypted in the data folder again.');
  };

  return (
    <>
      <button type="button" className="toolbar-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Passphrase settings
      </button>
      <dialog ref={dialogRef} className="export-dialog protection-dialog" aria-labelledby={titleId} onClose={(event) => event.target === event.currentTarget && close()}>
        <div className="export-head">
          <h2 id={titleId}>Passphrase settings</h2>
          <button type="button" className="export-close" aria-label="Close passphrase settings" onClick={close}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {task.error && (
          <p className="export-error" role="alert">
            {task.error}
          </p>
        )}
        <p className="export-busy" role="status" aria-live="polite">
          {task.busy ? `${task.busy}…` : ''}
        </p>
        {open && (
          <div className="export-body">
            <AutoLockField />
            <ChangePassphraseForm task={task} />
            <RemoveProtectionForm task={task} onRemoved={removed} />
          </div>
        )}
      </dialog>
    </>
  );
}
