/**
 * The question before a restore replaces every annotation: a modal alert
 * dialog nested in the Export and import dialog. Esc cancels the restore only,
 * not the dialog around it.
 */
import { useId, type RefObject } from 'react';

const RESTORE_QUESTION = 'Replace all annotations with this backup?';

interface RestoreConfirmProps {
  /** The dialog element; the Export dialog shows it as a modal after itself, so it sits on top. */
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** The backup file waiting for the answer, or null when no restore is asked about. */
  fileName: string | null;
  error: string | null;
  disabled: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function RestoreConfirm({ dialogRef, fileName, error, disabled, onConfirm, onCancel }: RestoreConfirmProps) {
  const titleId = useId();
  const textId = useId();

  return (
    <dialog
      ref={dialogRef}
      className="export-confirm"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <h3 id={titleId}>{RESTORE_QUESTION}</h3>
      <p id={textId}>
        A backup of your current annotations is taken first.
        {fileName !== null && <> The file to restore is “{fileName}”.</>}
      </p>
      {error && fileName !== null && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
      <div className="export-actions">
        <button type="button" className="export-button danger" disabled={disabled} onClick={onConfirm}>
          Replace all annotations
        </button>
        <button type="button" className="export-button" disabled={disabled} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
