/**
 * What the user does to annotations inside the text: clicking a highlight,
 * hovering it, Enter with the caret inside one, the colour keys (1–5 unless the
 * settings turn them off or remap them, WCAG 2.1.4) and
 * Ctrl/Cmd+Shift+H on a selection, and Ctrl/Cmd+Z / Shift+Ctrl/Cmd+Z / Ctrl+Y.
 * Keys typed into inputs, text areas, selects and editable content are left to them.
 */
import { useEffect, useState } from 'react';
import type { AnnotationView, ColorId, ColorKeys } from '../../preload/contract';
import type { TextSurface } from '../text/text-surface';
import { DEFAULT_COLOR } from './colors';
import { colorForKey } from '../../common/color-keys';
import { useColorKeys } from './use-color-keys';
import { byInnermost, hasVisibleText, innermostAt, spansAt } from './hit-test';

export interface TextActions {
  live: readonly AnnotationView[];
  text: string;
  create(start: number, end: number, color: ColorId): unknown;
  openCard(id: string, focusNote?: boolean): void;
  select(id: string | null): void;
  undo(): unknown;
  redo(): unknown;
}

export interface Hint {
  id: string;
  /** Viewport point the hint is shown beside. */
  x: number;
  y: number;
  via: 'pointer' | 'caret';
}

/** Whether key presses on this target belong to a text field or another control that edits text. */
function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function containsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/** The innermost annotation drawn under a viewport point, or null (a click beside a line end is not a hit). */
function annotationAtPoint(surface: TextSurface, live: readonly AnnotationView[], x: number, y: number): AnnotationView | null {
  const offset = surface.offsetAtPoint(x, y);
  if (offset === null) return null;
  const candidates = spansAt(live, offset).sort(byInnermost);
  for (const candidate of candidates) {
    const range = surface.rangeFor(candidate.start, candidate.end);
    if (range && containsPoint(range, x, y)) return candidate;
  }
  return null;
}

/** The caret's text offset when the selection is collapsed inside the surface, else null. */
function caretOffset(surface: TextSurface): number | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.isCollapsed || !sel.focusNode) return null;
  if (!surface.container.contains(sel.focusNode)) return null;
  return surface.offsetOf(sel.focusNode, sel.focusOffset);
}

/** The selection as offsets when it holds visible text inside the surface. */
export function textSelection(surface: TextSurface, text: string): { start: number; end: number } | null {
  const offsets = surface.selectionOffsets();
  if (!offsets || !hasVisibleText(text, offsets.start, offsets.end)) return null;
  return offsets;
}

function caretRect(): DOMRect | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const rect = sel.getRangeAt(0).getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 ? null : rect;
}

/** A click on a highlight opens its card (elsewhere clears the selection); hovering one gives its hint. */
function usePointerHint(surface: TextSurface | null, { live, openCard, select }: TextActions): Hint | null {
  const [pointerHint, setPointerHint] = useState<Hint | null>(null);
  useEffect(() => {
    if (!surface) return;
    const container = surface.container;
    let frame = 0;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.defaultPrevented) return;
      const sel = document.getSelection();
      if (sel && !sel.isCollapsed) return;
      const hit = annotationAtPoint(surface, live, event.clientX, event.clientY);
      if (hit) openCard(hit.id, true);
      else select(null);
    };
    const onMove = (event: MouseEvent) => {
      const { clientX: x, clientY: y } = event;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const hit = annotationAtPoint(surface, live, x, y);
        setPointerHint((current) => {
          if (!hit) return null;
          if (current?.id === hit.id) return current;
          return { id: hit.id, x, y, via: 'pointer' };
        });
      });
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      setPointerHint(null);
    };
    container.addEventListener('click', onClick);
    container.addEventListener('mousemove', onMove);
    container.addEventListener('mouseleave', onLeave);
    return () => {
      cancelAnimationFrame(frame);
      container.removeEventListener('click', onClick);
      container.removeEventListener('mousemove', onMove);
      container.removeEventListener('mouseleave', onLeave);
    };
  }, [surface, live, openCard, select]);
  return pointerHint;
}

/**
 * The caret inside a highlight shows its label, for keyboard users. Which highlight holds the caret
 * is found when the selection changes; a scroll only moves (or hides) the label of that one, and
 * costs nothing while the caret is in no highlight.
 */
function useCaretHint(surface: TextSurface | null, live: readonly AnnotationView[]): Hint | null {
  const [caretHint, setCaretHint] = useState<Hint | null>(null);
  useEffect(() => {
    if (!surface) return;
    let frame = 0;
    let scrollFrame = 0;
    let hitId: string | null = null;
    const place = () => {
      const rect = hitId === null ? null : caretRect();
      // A caret scrolled out of the reading pane shows no label (it would float over the toolbar).
      const pane = rect ? surface.scroller.getBoundingClientRect() : null;
      const seen = rect !== null && pane !== null && rect.bottom > pane.top && rect.top < pane.bottom;
      const id = hitId;
      setCaretHint((current) => {
        if (id === null || !rect || !seen) return null;
        if (current?.id === id && current.x === rect.left && current.y === rect.bottom) return current;
        return { id, x: rect.left, y: rect.bottom, via: 'caret' };
      });
    };
    const onSelection = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const offset = caretOffset(surface);
        hitId = offset === null ? null : (innermostAt(live, offset)?.id ?? null);
        place();
      });
    };
    // The label follows the caret when the text scrolls under it.
    const onScroll = () => {
      if (hitId === null) return;
      cancelAnimationFrame(scrollFrame);
      scrollFrame = requestAnimationFrame(place);
    };
    const scroller = surface.scroller;
    document.addEventListener('selectionchange', onSelection);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    onSelection();
    return () => {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(scrollFrame);
      document.removeEventListener('selectionchange', onSelection);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [surface, live]);
  return caretHint;
}

/** Creates a highlight of the selection in `color` (the key is the user's only when there is one). */
function highlightSelection(event: KeyboardEvent, surface: TextSurface, actions: TextActions, color: ColorId): void {
  const range = textSelection(surface, actions.text);
  if (!range) return;
  event.preventDefault();
  void actions.create(range.start, range.end, color);
}

/** Opens the card of the highlight holding the caret (Enter in the text). */
function openAtCaret(event: KeyboardEvent, surface: TextSurface, actions: TextActions): void {
  const target = event.target;
  if (target instanceof Node && target !== document.body && !surface.container.contains(target)) return;
  const offset = caretOffset(surface);
  if (offset === null) return;
  const hit = innermostAt(actions.live, offset);
  if (!hit) return;
  event.preventDefault();
  actions.openCard(hit.id, true);
}

/** Undo, redo, the highlight keys and Enter, for a key pressed anywhere outside a text field. */
function onAnnotationKey(event: KeyboardEvent, surface: TextSurface, actions: TextActions, colorKeys: ColorKeys): void {
  if (event.defaultPrevented || event.isComposing || isEditableTarget(event.target)) return;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey && key === 'z') {
    event.preventDefault();
    void (event.shiftKey ? actions.redo() : actions.undo());
    return;
  }
  if (event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey && key === 'y') {
    event.preventDefault();
    void actions.redo();
    return;
  }
  if (mod && event.shiftKey && !event.altKey && key === 'h') return highlightSelection(event, surface, actions, DEFAULT_COLOR);
  if (mod || event.altKey) return;
  const color = colorForKey(colorKeys, event.key);
  if (color) return highlightSelection(event, surface, actions, color);
  if (event.key === 'Enter' && !event.shiftKey) openAtCaret(event, surface, actions);
}

/** Wires clicks, hovering and keys; returns the highlight hint to show (pointer or caret). */
export function useTextInteractions(surface: TextSurface | null, actions: TextActions): Hint | null {
  const pointerHint = usePointerHint(surface, actions);
  const caretHint = useCaretHint(surface, actions.live);
  const { live, text, create, openCard, select, undo, redo } = actions;
  const colorKeys = useColorKeys();

  useEffect(() => {
    if (!surface) return;
    const current: TextActions = { live, text, create, openCard, select, undo, redo };
    const onKey = (event: KeyboardEvent) => onAnnotationKey(event, surface, current, colorKeys);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [surface, live, text, create, openCard, select, undo, redo, colorKeys]);

  return pointerHint ?? caretHint;
}
