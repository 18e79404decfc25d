/**
 * One side sheet is open at a time: the sheets announce their opening with a
 * window event, and each closes when another opens, since they would cover
 * each other. SideSheet uses it, and so does the Recommendations view, which
 * keeps its own sheet as it is also opened from outside (a badge in the text,
 * a card's link) and gives focus back to where it was opened from.
 */
import { useEffect } from 'react';

const OPENED = 'fieldmark:sheet-opened';

export function useOneSheet(open: boolean, sheetId: string, onOtherOpened: () => void): void {
  useEffect(() => {
    if (!open) return;
    window.dispatchEvent(new CustomEvent(OPENED, { detail: sheetId }));
    const closeIfOther = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== sheetId) onOtherOpened();
    };
    window.addEventListener(OPENED, closeIfOther);
    return () => window.removeEventListener(OPENED, closeIfOther);
  }, [open, sheetId, onOtherOpened]);
}
