/**
 * Caret browsing in the reading surface, so keyboard-only users can select text
 * (and then highlight it): arrows move a collapsed caret, Shift+arrows extend
 * the selection, Ctrl (or Alt on macOS) moves by word or paragraph, Home/End by
 * line, Ctrl+Home/End to the ends of the report, Ctrl/Cmd+A selects the report.
 * Uses Selection.modify, and never lets the caret leave the article.
 */
import type { TextSurface } from '../text/text-surface';

type Alter = 'move' | 'extend';
type Direction = 'forward' | 'backward';
type Granularity = 'character' | 'word' | 'line' | 'paragraph' | 'lineboundary';

type ModifiableSelection = Selection & {
  modify?: (alter: Alter, direction: Direction, granularity: Granularity) => void;
};

/** Places a collapsed caret at a text offset. Returns whether it worked. */
export function placeCaret(surface: TextSurface, offset: number): boolean {
  const point = surface.domPoint(offset);
  const sel = document.getSelection();
  if (!point || !sel) return false;
  sel.setBaseAndExtent(point.node, point.offset, point.node, point.offset);
  return true;
}

/** Whether the current selection's focus lies inside the surface's blocks. */
export function selectionInside(surface: TextSurface, sel: Selection | null = document.getSelection()): boolean {
  return !!sel && sel.rangeCount > 0 && !!sel.focusNode && surface.blockElementOf(sel.focusNode) !== null;
}

function movement(event: KeyboardEvent, mac: boolean): { direction: Direction; granularity: Granularity } | null {
  const byWord = mac ? event.altKey : event.ctrlKey;
  switch (event.key) {
    case 'ArrowLeft':
      return { direction: 'backward', granularity: byWord ? 'word' : 'character' };
    case 'ArrowRight':
      return { direction: 'forward', granularity: byWord ? 'word' : 'character' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: byWord ? 'paragraph' : 'line' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: byWord ? 'paragraph' : 'line' };
    case 'Home':
      return { direction: 'backward', granularity: 'lineboundary' };
    case 'End':
      return { direction: 'forward', granularity: 'lineboundary' };
    default:
      return null;
  }
}

/** Rect of the selection's focus point, for the drawn caret and for scrolling it into view. */
export function focusRect(sel: Selection | null = document.getSelection()): DOMRect | null {
  if (!sel || !sel.focusNode) return null;
  const range = document.createRange();
  range.setStart(sel.focusNode, sel.focusOffset);
  range.collapse(true);
  let rects = range.getClientRects();
  if (rects.length === 0 && sel.focusNode.nodeType === Node.TEXT_NODE) {
    const text = sel.focusNode as Text;
    // A collapsed range at the very end of a text node can have no box: measure the character before it.
    if (sel.focusOffset > 0) {
      range.setStart(text, sel.focusOffset - 1);
      range.setEnd(text, sel.focusOffset);
      const r = range.getClientRects();
      const last = r[r.length - 1];
      return last ? new DOMRect(last.right, last.top, 0, last.height) : null;
    }
    if (text.length > 0) {
      range.setEnd(text, 1);
      rects = range.getClientRects();
      const first = rects[0];
      return first ? new DOMRect(first.left, first.top, 0, first.height) : null;
    }
  }
  const rect = rects[0];
  return rect ? new DOMRect(rect.left, rect.top, 0, rect.height) : null;
}

/**
 * Scrolls the reading area just enough to show the caret, above the caret commands' bar
 * when it is up (the pane's .fm-reading-commands slot, held at its bottom; empty, it has no height).
 */
function revealCaret(scroller: HTMLElement): void {
  const rect = focusRect();
  if (!rect) return;
  const box = scroller.getBoundingClientRect();
  const margin = Math.min(48, box.height / 4);
  const bar = scroller.querySelector<HTMLElement>(':scope > .fm-reading-commands')?.offsetHeight ?? 0;
  const below = Math.min(margin + bar, box.height / 2);
  if (rect.top < box.top + margin) scroller.scrollBy({ top: rect.top - box.top - margin });
  else if (rect.bottom > box.bottom - below) scroller.scrollBy({ top: rect.bottom - box.bottom + below });
}

/**
 * Handles a keydown in the article. Returns true when the key was used (the
 * caller then prevents the default).
 */
export function handleCaretKey(event: KeyboardEvent, surface: TextSurface, scroller: HTMLElement, mac: boolean): boolean {
  const sel = document.getSelection() as ModifiableSelection | null;
  if (!sel || event.isComposing) return false;
  const blocks = surface.blocks;
  if (blocks.length === 0) return false;

  if ((event.key === 'a' || event.key === 'A') && (mac ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey) {
    const range = surface.rangeFor(blocks[0]!.start, blocks[blocks.length - 1]!.end);
    if (!range) return false;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }
  if (event.key === 'Escape' && selectionInside(surface, sel) && !sel.isCollapsed) {
    sel.collapseToEnd();
    return true;
  }
  const toEnds = (event.key === 'Home' || event.key === 'End') && (mac ? event.metaKey : event.ctrlKey);
  if (toEnds) {
    const target = event.key === 'Home' ? blocks[0]!.start : blocks[blocks.length - 1]!.end;
    const point = surface.domPoint(target, event.key === 'Home' ? 'forward' : 'backward');
    if (!point) return false;
    if (event.shiftKey && selectionInside(surface, sel)) sel.extend(point.node, point.offset);
    else sel.setBaseAndExtent(point.node, point.offset, point.node, point.offset);
    revealCaret(scroller);
    return true;
  }
  if (event.metaKey && !mac) return false;
  const move = movement(event, mac);
  if (!move || typeof sel.modify !== 'function') return false;

  if (!selectionInside(surface, sel)) {
    const start = surface.firstVisibleOffset();
    if (!placeCaret(surface, start)) return false;
    revealCaret(scroller);
    if (!event.shiftKey) return true;
  }
  const alter: Alter = event.shiftKey ? 'extend' : 'move';
  // Without Shift, a left/right arrow on a selection collapses it to that side, as in text fields.
  if (alter === 'move' && !sel.isCollapsed && move.granularity === 'character') {
    if (move.direction === 'backward') sel.collapseToStart();
    else sel.collapseToEnd();
    revealCaret(scroller);
    return true;
  }
  const before = { anchorNode: sel.anchorNode!, anchorOffset: sel.anchorOffset, focusNode: sel.focusNode!, focusOffset: sel.focusOffset };
  sel.modify(alter, move.direction, move.granularity);
  if (!selectionInside(surface, sel)) {
    sel.setBaseAndExtent(before.anchorNode, before.anchorOffset, before.focusNode, before.focusOffset);
  }
  revealCaret(scroller);
  return true;
}
