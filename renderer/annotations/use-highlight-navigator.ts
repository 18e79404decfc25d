/**
 * Keyboard access to highlights from the reading surface, without a visible
 * selection:
 * - Alt+↓ / Alt+↑ move the caret (and focus) to the next or previous highlight in
 *   document order, select it (the panel's card follows), and announce it:
 *   "Highlight 3 of 12, Gap or failure: '…', has a note, 2 tags".
 * - Enter, with the caret still where the navigator put it, opens that highlight's
 *   card; Esc in the card gives focus and the caret back (use-card-focus).
 * - Alt+Shift+S and Alt+Shift+P highlight the sentence or the paragraph holding
 *   the caret (in the first colour), and announce it. The same two commands are
 *   buttons under the text while the report has keyboard focus (CaretCommands).
 * The keys are read on the window in the capture phase, before caret browsing
 * (on macOS Alt+↓ would otherwise move by paragraph), and only when the article
 * (or nothing) has focus. The article's text nodes are never touched: the caret
 * is a collapsed DOM selection. The article declares these keys in
 * aria-keyshortcuts (reader/Reader.tsx).
 */
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
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

/** The keys' actions over one surface; `lastId` is the highlight the navigator put the caret on. */
class Navigator {
  constructor(
    private readonly surface: TextSurface,
    private readonly actions: () => NavigatorActions,
    private readonly announce: (message: string) => void,
    readonly lastId: { current: string | null },
  ) {}

  /** Alt+↓ / Alt+↑. */
  move(direction: 1 | -1): void {
    const { live, goTo, colorName } = this.actions();
    const offset = caretAt(this.surface) ?? this.surface.firstVisibleOffset();
    const index = navigatorTarget(live, { offset, lastId: this.lastId.current }, direction);
    if (index === null) {
      this.announce(live.length === 0 ? 'There are no highlights.' : direction === 1 ? 'No next highlight.' : 'No previous highlight.');
      return;
    }
    const view = live[index]!;
    this.lastId.current = view.id;
    goTo(view.id, 'center');
    putCaret(this.surface, view.start);
    this.announce(`${navigatorWords(view, index + 1, live.length, colorName)}. Enter opens it.`);
  }

  /** Enter: opens the card of the highlight the caret was put on, if it is still there. */
  openNavigated(): boolean {
    const view = this.navigated();
    if (!view || caretAt(this.surface) !== view.start || !document.getSelection()?.isCollapsed) return false;
    this.actions().openCard(view.id, true);
    return true;
  }

  /** Alt+Shift+S / Alt+Shift+P. */
  highlightAtCaret(unit: 'sentence' | 'paragraph'): void {
    const offset = caretAt(this.surface);
    const block = offset === null ? null : this.surface.blockAt(offset);
    if (offset === null || !block) {
      this.announce('Move the caret into the text first: press Tab to reach the report, then the arrow keys.');
      return;
    }
    const { text, create } = this.actions();
    const span: Span | null = unit === 'paragraph' ? paragraphSpan(text, block) : sentenceSpan(text, block, offset);
    if (span) void create(span.start, span.end, DEFAULT_COLOR, `the ${unit}`);
  }

  /** Whether the key was one of the navigator's (and was handled). */
  onKey(event: KeyboardEvent): boolean {
    const plainAlt = event.altKey && !event.ctrlKey && !event.metaKey;
    if (plainAlt && !event.shiftKey && event.key === 'ArrowDown') this.move(1);
    else if (plainAlt && !event.shiftKey && event.key === 'ArrowUp') this.move(-1);
    else if (plainAlt && event.shiftKey && event.code === 'KeyS') this.highlightAtCaret('sentence');
    else if (plainAlt && event.shiftKey && event.code === 'KeyP') this.highlightAtCaret('paragraph');
    else if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) return this.openNavigated();
    else return false;
    return true;
  }

  /**
   * The caret moved elsewhere in the text: the next move starts from the caret. (Focus in
   * the card leaves no caret in the text; Esc puts it back where it was, which keeps the place.)
   */
  onSelection(): void {
    const at = caretAt(this.surface);
    if (this.lastId.current === null || at === null) return;
    if (this.navigated()?.start !== at) this.lastId.current = null;
  }

  private navigated(): AnnotationView | undefined {
    const id = this.lastId.current;
    return id === null ? undefined : this.actions().live.find((v) => v.id === id);
  }
}

export interface HighlightNavigator {
  /** The highlight the navigator put the caret on, while the caret is still there (else null). */
  navigated: RefObject<string | null>;
  /**
   * Highlights the sentence or paragraph at the caret, as Alt+Shift+S/P do, for the caret
   * commands' buttons: focus goes back to the report first, so the card opened for the note
   * gives it back there.
   */
  highlightAtCaret(unit: 'sentence' | 'paragraph'): void;
}

export function useHighlightNavigator(surface: TextSurface | null, actions: NavigatorActions): HighlightNavigator {
  const announce = useAnnounce();
  const lastId = useRef<string | null>(null);
  const latest = useRef(actions);
  latest.current = actions;
  const current = useRef<Navigator | null>(null);

  useEffect(() => {
    if (!surface) return;
    const navigator = new Navigator(surface, () => latest.current, announce, lastId);
    current.current = navigator;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !onSurface(event, surface) || !navigator.onKey(event)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    const onSelection = () => navigator.onSelection();
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('selectionchange', onSelection);
    return () => {
      current.current = null;
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('selectionchange', onSelection);
    };
  }, [surface, announce]);

  const highlightAtCaret = useCallback(
    (unit: 'sentence' | 'paragraph') => {
      if (surface && document.activeElement !== surface.container) surface.container.focus({ preventScroll: true });
      current.current?.highlightAtCaret(unit);
    },
    [surface],
  );
  return useMemo(() => ({ navigated: lastId, highlightAtCaret }), [highlightAtCaret]);
}
