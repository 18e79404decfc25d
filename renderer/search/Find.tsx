/**
 * Find in the report: a toolbar button and Ctrl/Cmd+F open a find bar that
 * searches as you type. The matcher counts from the text (exact), the painter
 * marks only the blocks near the viewport, and the results list shows every
 * match grouped by section. The state lives in useFind; the bar is FindBar.
 */
import { createPortal } from 'react-dom';
import { isMac } from '../api/platform';
import { FindBar } from './FindBar';
import { useFind } from './use-find';
import './find.css';

export function Find() {
  const find = useFind();
  return (
    <>
      <button
        type="button"
        className="toolbar-button"
        aria-keyshortcuts={isMac ? 'Meta+F' : 'Control+F'}
        aria-expanded={find.open}
        onClick={() => (find.open ? find.inputRef.current?.focus() : find.openBar())}
      >
        Find
      </button>
      {find.open && createPortal(<FindBar find={find} />, document.body)}
    </>
  );
}
