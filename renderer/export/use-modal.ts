/**
 * Shows a <dialog> as a modal while `open` is true: the native modal dialog
 * gives focus trapping, Esc and the inert background.
 */
import { useEffect, type RefObject } from 'react';

export function useModal(ref: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [ref, open]);
}
