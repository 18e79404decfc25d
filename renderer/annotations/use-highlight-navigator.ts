/**
 * Keyboard access to highlights from the reading surface, without a visible
 * selection:
 * - Alt+↓ / Alt+↑ move the caret (and focus) to the next or previous highlight in
 *   document order, select it (the panel's card follows), and announce it:
 *   "Highlight 3 of 12, Gap or failure: '…', has a note, 2 tags".
 * - Enter, with the caret still where the navigator put it, opens that highlight's
 *   card; Esc in the card gives focus and the caret back (use-card-focus).
 * - Alt+Shift+S and Alt+Shift+P highlight the sentence or the paragraph holding
 *   the caret (in the first colour), and announce it.
 * The keys are read on the window in the capture phase, before caret browsing
 * (on macOS Alt+↓ would otherwise move by paragraph), and only when the article
 * (or nothing) has focus. The article's text nodes are never touched: the caret
 * is a collapsed DOM selection. The article declares these keys in
 * aria-keyshortcuts (reader/Reader.tsx).
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { AnnotationView, ColorId } from '../../preload/contract';
import { useAnnounce } from '../app-state/announcer';
import type { TextSurface } from '../text/text-surface';
import { DEFAULT_COLOR } from './colors';
import { navigatorTarget } from './highlight-navigator';
import { navigatorWords } from './highlight-words';
import { paragraphSpan, sentenceSpan, type Span } from './text-units';
import type { AnnouncedCreate } from './use-announced-create';

interface NavigatorActions {
  live: readonly AnnotationView[];
  text: string;
  goTo(id: string, align?: 'center' | 'start'): void;
  openCard(id: string, focusNote?: boolean): void;
  colorName(id: ColorId): string;
  create: AnnouncedCreate;
}

/** The caret's (selection focus's) text offset when it is in the surface, else null. */
function caretAt(surface: TextSurface): number | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.focusNode || surface.blockElementOf(sel.focusNode) === null) return null;
  return surface.offsetOf(sel.focusNode, sel.focusOffset);
}

function putCaret(surface: TextSurface, offset: number): void {
  const point = surface.domPoint(offset);
  if (point) document.getSelection()?.setBaseAndExtent(point.node, point.offset, point.node, point.offset);
  if (document.activeElement !== surface.container) surface.container.focus({ preventScroll: true });
}

/** Whether a key press is the reading surface's: aimed at the article or at nothing. */
function onSurface(event: KeyboardEvent, surface: TextSurface): boolean {
  return event.target === surface.container || event.target === document.body || event.target === document.documentElement;
}

export function useHighlightNavigator(surface: TextSurface | null, actions: NavigatorActions): RefObject<string | null> {
  const announce = useAnnounce();
  const lastId = useRef<string | null>(null);
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    if (!surface) return;
    const move = (direction: 1 | -1) => {
      const { live, goTo, colorName } = latest.current;
      const offset = caretAt(surface) ?? surface.firstVisibleOffset();
      const index = navigatorTarget(live, { offset, lastId: lastId.current }, direction);
      if (index === null) {
        announce(live.length === 0 ? 'There are no highlights.' : direction === 1 ? 'No next highlight.' : 'No previous highlight.');
        return;
      }
      const view = live[index]!;
      lastId.current = view.id;
      goTo(view.id, 'center');
      putCaret(surface, view.start);
      announce(`${navigatorWords(view, index + 1, live.length, colorName)}. Enter opens it.`);
    };
    const openNavigated = (): boolean => {
      const id = lastId.current;
      const view = id ? latest.current.live.find((v) => v.id === id) : undefined;
      if (!view || caretAt(surface) !== view.start || !document.getSelection()?.isCollapsed) return false;
      latest.current.openCard(view.id, true);
      return true;
    };
    const highlightAtCaret = (unit: 'sentence' | 'paragraph') => {
      const offset = caretAt(surface);
      const block = offset === null ? null : surface.blockAt(offset);
      if (offset === null || !block) {
        announce('Move the caret into the text first: press Tab to reach the report, then the arrow keys.');
        return;
      }
      const { text, create } = latest.current;
      const span: Span | null = unit === 'paragraph' ? paragraphSpan(text, block) : sentenceSpan(text, block, offset);
      if (span) void create(span.start, span.end, DEFAULT_COLOR, `the ${unit}`);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !onSurface(event, surface)) return;
      const plainAlt = event.altKey && !event.ctrlKey && !event.metaKey;
      let handled = true;
      if (plainAlt && !event.shiftKey && event.key === 'ArrowDown') move(1);
      else if (plainAlt && !event.shiftKey && event.key === 'ArrowUp') move(-1);
      else if (plainAlt && event.shiftKey && event.code === 'KeyS') highlightAtCaret('sentence');
      else if (plainAlt && event.shiftKey && event.code === 'KeyP') highlightAtCaret('paragraph');
      else if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) handled = openNavigated();
      else handled = false;
      if (!handled) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [surface, announce]);

  return lastId;
}
