/**
 * The small toolbar that appears beside a text selection, one button per
 * colour ("Highlight as Key finding"). Pressing a button keeps the selection
 * (mousedown is cancelled) and creates one annotation for the whole selection,
 * even when it crosses paragraphs and sections.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { ColorId } from '../../preload/contract';
import type { TextSurface } from '../text/text-surface';
import { COLORS } from './colors';
import { useColorKeys } from './use-color-keys';
import { placeBeside, type Placement } from './toolbar-position';
import { visibleBounds } from './visible-bounds';
import { textSelection } from './use-text-interactions';

interface ToolbarState {
  start: number;
  end: number;
  /** The focus end of the selection, where the toolbar sits. */
  anchor: { left: number; top: number; width: number; height: number };
  below: boolean;
}

export interface SelectionToolbarProps {
  surface: TextSurface | null;
  text: string;
  colorName(id: ColorId): string;
  onHighlight(start: number, end: number, color: ColorId): unknown;
}

/** Where the selection's focus point is on screen, and whether it is the selection's end. */
function focusBox(): { box: ToolbarState['anchor']; forward: boolean } | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.focusNode) return null;
  const range = sel.getRangeAt(0);
  const forward = range.endContainer === sel.focusNode && range.endOffset === sel.focusOffset;
  const rects = range.getClientRects();
  const rect = rects.length > 0 ? (forward ? rects[rects.length - 1]! : rects[0]!) : range.getBoundingClientRect();
  return { box: { left: rect.left, top: rect.top, width: rect.width, height: rect.height }, forward };
}

export function SelectionToolbar({ surface, text, colorName, onHighlight }: SelectionToolbarProps) {
  const [state, setState] = useState<ToolbarState | null>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const colorKeys = useColorKeys();
  const keyOf = (id: ColorId) => (colorKeys.enabled ? colorKeys.keys[id] : undefined);

  useEffect(() => {
    if (!surface) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const range = dragging.current ? null : textSelection(surface, text);
        const focus = range ? focusBox() : null;
        setState(range && focus ? { ...range, anchor: focus.box, below: focus.forward } : null);
      });
    };
    const onDown = (event: PointerEvent) => {
      if (event.button === 0 && surface.container.contains(event.target as Node)) dragging.current = true;
    };
    const onUp = () => {
      if (!dragging.current) return;
      dragging.current = false;
      update();
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('pointerup', onUp, true);
    const scroller = surface.scroller;
    scroller.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('pointerup', onUp, true);
      scroller.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [surface, text]);

  useLayoutEffect(() => {
    if (!state || !ref.current) {
      setPlacement(null);
      return;
    }
    const size = { width: ref.current.offsetWidth, height: ref.current.offsetHeight };
    setPlacement(placeBeside(state.anchor, size, visibleBounds(surface), state.below ? 'below' : 'above'));
  }, [state, surface]);

  if (!state) return null;

  // Arrow keys move between the buttons (WAI-ARIA toolbar pattern); Tab leaves the toolbar.
  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
    event.preventDefault();
  };

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Highlight"
      aria-orientation="horizontal"
      className="fm-highlight-toolbar"
      style={placement ? { left: placement.left, top: placement.top } : { left: -9999, top: -9999 }}
      onKeyDown={onKeyDown}
    >
      {COLORS.map((color, i) => {
        const label = colorName(color.id);
        return (
          <button
            key={color.id}
            type="button"
            className="fm-highlight-button"
            data-color={color.id}
            aria-label={`Highlight as ${label}`}
            aria-keyshortcuts={keyOf(color.id)}
            title={keyOf(color.id) ? `${label} (${keyOf(color.id)})` : label}
            tabIndex={i === 0 ? 0 : -1}
            // Keeps the selection (and the caret) where they are.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              const { start, end } = state;
              setState(null);
              void onHighlight(start, end, color.id);
            }}
          >
            <span className="fm-sample fm-sample-small" data-color={color.id} aria-hidden="true">
              Aa
            </span>
            <span className="fm-highlight-label" aria-hidden="true">
              {label}
            </span>
            {keyOf(color.id) && (
              <kbd className="fm-highlight-key" aria-hidden="true">
                {keyOf(color.id)}
              </kbd>
            )}
          </button>
        );
      })}
    </div>
  );
}
