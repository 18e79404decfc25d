/**
 * A toolbar button and the side sheet it opens (the Codebook, the Coding
 * matrix, Recommendations): the button is named as the view, the sheet is a
 * region of the same name below the toolbar, beside the report. The sheet is
 * not modal, so what it does to the Annotations panel (a filter) stays in
 * view. Escape or Close shuts it and puts focus back on the button. One sheet
 * is open at a time: opening one closes the others, which would otherwise
 * cover each other.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useOneSheet } from './use-one-sheet';
import { useTopBelowToolbar } from './use-top-below-toolbar';
import './sheet.css';

export interface SideSheetProps {
  /** The button's text and the region's name. */
  name: string;
  /** The Close button's accessible name ("Close codebook"). */
  closeLabel: string;
  /** 'narrow': a column at the left edge; 'wide': from the left edge up to the Annotations panel. */
  width: 'narrow' | 'wide';
  /** Extra class for the sheet (the view's own styles). */
  className?: string;
  /** Where focus goes as the sheet opens; the sheet itself when this returns null. */
  initialFocus?: (sheet: HTMLElement) => HTMLElement | null;
  children: ReactNode;
}

export function SideSheet({ name, closeLabel, width, className, initialFocus, children }: SideSheetProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const sheetRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const sheetId = `${titleId}-sheet`;
  const top = useTopBelowToolbar(buttonRef, open);

  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);

  const closeQuietly = useCallback(() => setOpen(false), []);
  useOneSheet(open, sheetId, closeQuietly);

  useEffect(() => {
    if (!open) return;
    const sheet = sheetRef.current;
    if (sheet) (initialFocus?.(sheet) ?? sheet).focus();
    // initialFocus is read once, as the sheet opens, so it is not a dependency.
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
        {name}
      </button>
      {open && (
        <section
          ref={sheetRef}
          id={sheetId}
          role="region"
          aria-labelledby={titleId}
          className={className ? `fm-sheet ${className}` : 'fm-sheet'}
          data-width={width}
          tabIndex={-1}
          style={{ top }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !event.defaultPrevented) {
              event.preventDefault();
              close();
            }
          }}
        >
          <div className="fm-sheet-head">
            <h2 id={titleId}>{name}</h2>
            <button type="button" className="fm-sheet-close" aria-label={closeLabel} onClick={close}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          {children}
        </section>
      )}
    </>
  );
}
