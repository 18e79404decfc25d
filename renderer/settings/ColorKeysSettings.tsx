/**
 * The colour keys in the reading settings (issue 17, WCAG 2.1.4 Character Key
 * Shortcuts): a disclosure that turns the single-key colour shortcuts off, or
 * puts each colour on another character. A key another colour already has, or
 * anything but one character, is refused with a message and not saved; the
 * field keeps what was typed until it is fixed. Escape closes it and focus
 * returns to its button; moving focus elsewhere closes it too.
 */
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { ColorKey, type ColorId, type ColorKeys } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { COLORS, colorLabel } from '../annotations/colors';
import { useColorKeys } from '../annotations/use-color-keys';
import { keyProblem } from './color-key-problem';
import './color-keys.css';

export function ColorKeysSettings() {
  const { settings, updateSettings } = useApp();
  const colorKeys = useColorKeys();
  const [open, setOpen] = useState(false);
  const [drafts, setDrafts] = useState<Partial<Record<ColorId, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const name = (color: ColorId) => colorLabel(settings.legend, color);

  const save = (next: ColorKeys) => void updateSettings({ colorKeys: next });
  const onKey = (color: ColorId, typed: string) => {
    setDrafts((d) => ({ ...d, [color]: typed }));
    const refused = keyProblem(colorKeys.keys, color, typed, name);
    setProblem(refused);
    if (refused) return;
    setDrafts((d) => ({ ...d, [color]: undefined }));
    save({ ...colorKeys, keys: { ...colorKeys.keys, [color]: ColorKey.parse(typed) } });
  };
  const close = () => {
    setOpen(false);
    setDrafts({});
    setProblem(null);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    close();
  };
  // A popover, not a dialog: it closes when focus moves on to something outside it.
  const onBlur = (event: FocusEvent) => {
    if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) {
      setOpen(false);
      setDrafts({});
      setProblem(null);
    }
  };

  return (
    <div className="color-keys-settings" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button ref={button} type="button" className="toolbar-button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => (open ? close() : setOpen(true))}>
        Colour keys
      </button>
      {open && (
        <div id={`${id}-panel`} className="color-keys-panel" role="group" aria-label="Colour keys">
          <label className="color-keys-toggle">
            <input type="checkbox" checked={colorKeys.enabled} onChange={(event) => save({ ...colorKeys, enabled: event.target.checked })} />
            Single-key colour shortcuts
          </label>
          <p className="color-keys-hint">With text selected, a key highlights it in its colour. Each colour takes one character.</p>
          <div className="color-keys-grid">
            {COLORS.map((color) => (
              <label key={color.id} className="color-keys-row">
                <span>{name(color.id)}</span>
                <input
                  type="text"
                  className="color-keys-input"
                  aria-label={`Key for ${name(color.id)}`}
                  aria-describedby={problem ? `${id}-problem` : undefined}
                  aria-invalid={drafts[color.id] !== undefined && problem !== null}
                  disabled={!colorKeys.enabled}
                  autoComplete="off"
                  spellCheck={false}
                  value={drafts[color.id] ?? colorKeys.keys[color.id]}
                  onChange={(event) => onKey(color.id, event.target.value)}
                />
              </label>
            ))}
          </div>
          <p id={`${id}-problem`} className="color-keys-problem" role="status">
            {problem}
          </p>
        </div>
      )}
    </div>
  );
}
