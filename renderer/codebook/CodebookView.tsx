/**
 * The Codebook view (issue 13): a toolbar button named "Codebook" that opens a
 * side sheet, a region of the same name, beside the report. The sheet is not
 * modal, so "Show in panel" can be seen working in the Annotations panel while
 * it stays open. Escape (or Close) shuts it and puts focus back on the button.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { CodebookBody } from './CodebookBody';
import { useSheetTop } from './use-sheet-top';
import './codebook.css';

export function CodebookView() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const sheetRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const sheetId = `${titleId}-sheet`;
  const top = useSheetTop(buttonRef, open);

  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);

  // Focus goes into the sheet as it opens (the tree, or "New code" when it is empty).
  useEffect(() => {
    if (!open) return;
    const sheet = sheetRef.current;
    const first = sheet?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"], [data-codebook-start]');
    (first ?? sheet)?.focus();
  }, [open]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="toolbar-button"
        aria-expanded={open}
        aria-controls={open ? sheetId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Codebook
      </button>
      {open && (
        <section
          ref={sheetRef}
          id={sheetId}
          role="region"
          aria-labelledby={titleId}
          className="cb-sheet"
          tabIndex={-1}
          style={{ top }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !event.defaultPrevented) {
              event.preventDefault();
              close();
            }
          }}
        >
          <div className="cb-head">
            <h2 id={titleId}>Codebook</h2>
            <button type="button" className="cb-close" aria-label="Close codebook" onClick={close}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <CodebookBody />
        </section>
      )}
    </>
  );
}
