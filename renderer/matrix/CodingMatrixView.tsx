/**
 * The Coding matrix view (issue 13): a toolbar button named "Coding matrix"
 * that opens a side sheet, a region of the same name, over the report. The
 * sheet is not modal and leaves the Annotations panel in view, so a click on a
 * cell can be seen filtering the panel. Escape (or Close) shuts it and puts
 * focus back on the button.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { MatrixBody } from './MatrixBody';
import './matrix.css';

/**
 * Where the sheet starts: below the toolbar, which wraps to more lines in a
 * narrow window (and gains buttons once the layout turns narrow), so its size
 * is watched rather than the window's.
 */
function useTopBelow(anchor: RefObject<HTMLElement | null>, open: boolean): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const bar = anchor.current?.closest('header');
    if (!open || !bar) return;
    const measure = () => setTop(Math.round(bar.getBoundingClientRect().bottom));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [anchor, open]);
  return top;
}

export function CodingMatrixView() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const sheetRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const sheetId = `${titleId}-sheet`;
  const top = useTopBelow(buttonRef, open);

  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (open) sheetRef.current?.focus();
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
        Coding matrix
      </button>
      {open && (
        <section
          ref={sheetRef}
          id={sheetId}
          role="region"
          aria-labelledby={titleId}
          className="cm-sheet"
          tabIndex={-1}
          style={{ top }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !event.defaultPrevented) {
              event.preventDefault();
              close();
            }
          }}
        >
          <div className="cm-head">
            <h2 id={titleId}>Coding matrix</h2>
            <button type="button" className="cm-close" aria-label="Close coding matrix" onClick={close}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <MatrixBody />
        </section>
      )}
    </>
  );
}
