/**
 * The confirmation before a code is deleted: a modal dialog that says how many
 * annotations lose it and how many sub-codes go with it (a code with children
 * is deleted only together with them), and that undo brings it all back.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CodeView } from '../../preload/contract';

export interface DeleteCodeDialogProps {
  code: CodeView;
  /** How many codes lie under it. */
  descendants: number;
  /** Deletes it; resolves with the service's message when it refused. */
  onConfirm(withDescendants: boolean): Promise<string | null>;
  onCancel(): void;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function usesSentence(code: CodeView, descendants: number): string {
  const subject = descendants > 0 ? 'It and its sub-codes are' : 'It is';
  if (code.totalCount === 0) return `${subject} not applied to any annotation.`;
  return `${subject} applied to ${plural(code.totalCount, 'annotation', 'annotations')}; ${code.totalCount === 1 ? 'that use' : 'those uses'} will be removed.`;
}

export function DeleteCodeDialog({ code, descendants, onConfirm, onCancel }: DeleteCodeDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Cancel is the default: showModal alone would focus the first button, Delete.
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);
  const confirm = async () => {
    setBusy(true);
    const refused = await onConfirm(descendants > 0);
    setBusy(false);
    setProblem(refused);
  };
  return (
    <dialog
      ref={ref}
      className="cb-confirm"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        // Escape closes this dialog only, not the Codebook sheet around it.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <h3 id={titleId}>Delete code</h3>
      <p>Delete “{code.path}”?</p>
      {descendants > 0 && <p>Its {plural(descendants, 'sub-code', 'sub-codes')} will be deleted with it.</p>}
      <p>{usesSentence(code, descendants)}</p>
      <p className="cb-hint">Undo (Ctrl+Z) brings the code and its uses back.</p>
      {problem && (
        <p className="cb-message" role="alert">
          {problem}
        </p>
      )}
      <div className="cb-form-row">
        <button type="button" className="fm-danger-button" disabled={busy} onClick={() => void confirm()}>
          Delete
        </button>
        <button ref={cancelRef} type="button" className="fm-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
