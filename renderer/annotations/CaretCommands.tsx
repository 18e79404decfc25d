/**
 * "Highlight sentence" and "Highlight paragraph" as buttons, shown under the text
 * while the report has keyboard focus with a caret in it (issue 17). Alt+Shift+S
 * and Alt+Shift+P do the same from the text; the buttons make the two commands
 * visible to a sighted keyboard user, who would otherwise only find them in the
 * README. In the Tab order they come right after the report (after the badges of
 * any recommendations below the caret), and they stay while focus moves there.
 *
 * Shown only on keyboard focus (`:focus-visible`): a click in the text, which
 * leaves a caret too, does not bring it up, so mouse readers keep the selection
 * toolbar alone. It sits in the reading pane's own slot (reader/Reader.tsx), right
 * after the article, sticky at the bottom of the pane, and stays while focus is on
 * its buttons. A press keeps the caret (mousedown is cancelled, and the navigator
 * puts focus back on the report before it highlights).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { TextSurface } from '../text/text-surface';

export interface CaretCommandsProps {
  surface: TextSurface | null;
  /** The colour a new highlight takes, by its label. */
  colorLabel: string;
  highlightAtCaret(unit: 'sentence' | 'paragraph'): void;
}

const COMMANDS = [
  { unit: 'sentence', label: 'Highlight sentence', keys: 'Alt+Shift+S' },
  { unit: 'paragraph', label: 'Highlight paragraph', keys: 'Alt+Shift+P' },
] as const;

/**
 * Whether the report (or a control in it, such as a recommendation's badge) has keyboard focus
 * and the caret is collapsed inside one of its blocks.
 */
function caretWithKeyboardFocus(surface: TextSurface): boolean {
  const focused = document.activeElement;
  if (!focused || !surface.container.contains(focused) || !focused.matches(':focus-visible')) return false;
  const sel = document.getSelection();
  return !!sel && sel.rangeCount > 0 && sel.isCollapsed && !!sel.focusNode && surface.blockElementOf(sel.focusNode) !== null;
}

export function CaretCommands({ surface, colorLabel, highlightAtCaret }: CaretCommandsProps) {
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const slot = useMemo(() => surface?.container.parentElement?.querySelector<HTMLElement>(':scope > .fm-reading-commands') ?? null, [surface]);

  useEffect(() => {
    if (!surface) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const onButtons = ref.current?.contains(document.activeElement) ?? false;
        setShown(onButtons || caretWithKeyboardFocus(surface));
      });
    };
    document.addEventListener('focusin', update);
    document.addEventListener('focusout', update);
    document.addEventListener('selectionchange', update);
    update();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('focusin', update);
      document.removeEventListener('focusout', update);
      document.removeEventListener('selectionchange', update);
    };
  }, [surface]);

  if (!slot || !shown) return null;
  return createPortal(
    <div ref={ref} role="group" aria-label="Highlight at the caret" className="fm-caret-commands">
      {COMMANDS.map((command) => (
        <button
          key={command.unit}
          type="button"
          className="fm-caret-command"
          aria-keyshortcuts={command.keys}
          title={`${command.label} as ${colorLabel} (${command.keys})`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => highlightAtCaret(command.unit)}
        >
          {command.label}
          <kbd className="fm-highlight-key" aria-hidden="true">
            {command.keys}
          </kbd>
        </button>
      ))}
    </div>,
    slot,
  );
}
