/**
 * The reading surface: the report's blocks built imperatively inside the
 * <article> that React renders empty. Each block element holds exactly its
 * block's text (`report.text.slice(start, end)`), so DOM positions and text
 * offsets map 1:1. Everything else (paragraph numbers, list markers) comes from
 * CSS generated content and never enters the text nodes. The one element added
 * inside a block, a recommendation's status badge (renderer/recommendations),
 * holds no text node, so walking a block's text nodes still yields exactly its text.
 *
 * React never owns these nodes: a 100× document stays fast, and mark.js, Range
 * objects and the CSS Custom Highlight API can work on them without fighting
 * reconciliation. Whoever changes the DOM inside (mark.js) calls `notifyChanged()`.
 */
import type { Block, Report } from '../../preload/contract';
import { firstIndexWhere, indexAtOffset } from '../../common/offset-lookup';

export type Affinity = 'forward' | 'backward';

export interface ScrollOptions {
  /** Briefly highlights this range after scrolling (CSS highlight "fieldmark-flash"). */
  flash?: { start: number; end: number };
  behavior?: ScrollBehavior;
  /** Where the offset lands in the viewport: near the top (default) or centred. */
  align?: 'start' | 'center';
}

export interface SurfaceOptions {
  /** The element that scrolls the article; defaults to the nearest scrollable ancestor. */
  scroller?: HTMLElement;
}

const FLASH_HIGHLIGHT = 'fieldmark-flash';
/** Top-level nodes (blocks, or a whole recommendations list) per skippable chunk. */
const CHUNK_NODES = 24;
const FLASH_MS = 1400;
/** Space kept above an offset scrolled to the top, in CSS pixels. */
const TOP_MARGIN = 24;
/** A jump is settled after this many frames and this long without a correction, or after SETTLE_MAX_MS. */
const SETTLE_FRAMES = 6;
const SETTLE_QUIET_MS = 400;
const SETTLE_MAX_MS = 2000;

/** The element a block is rendered as, and its class. */
function tagFor(block: Block): { tag: string; className: string } {
  switch (block.kind) {
    case 'title':
      return { tag: 'h1', className: 'fm-title' };
    case 'tier':
      return { tag: 'p', className: 'fm-tier' };
    case 'heading':
      return { tag: 'h2', className: 'fm-heading' };
    case 'recommendation':
      return { tag: 'li', className: 'fm-block fm-item' };
    default:
      return { tag: 'p', className: 'fm-block fm-para' };
  }
}

export class TextSurface {
  readonly container: HTMLElement;
  private scrollerOverride: HTMLElement | undefined;
  private current: Report | null = null;
  private blockList: Block[] = [];
  private elements: HTMLElement[] = [];
  private readonly listeners = new Set<() => void>();
  private flashTimer: number | undefined;
  /** Stops the current post-jump correction, if one is running. */
  private settling: (() => void) | null = null;

  constructor(container: HTMLElement, options: SurfaceOptions = {}) {
    this.container = container;
    this.scrollerOverride = options.scroller;
  }

  /** The report last rendered, or null before the first render. */
  get report(): Report | null {
    return this.current;
  }

  /** The rendered blocks, in document order (parallel to `blockElements()`). */
  get blocks(): readonly Block[] {
    return this.blockList;
  }

  /** The element whose scrolling moves the article. */
  get scroller(): HTMLElement {
    if (this.scrollerOverride) return this.scrollerOverride;
    let el: HTMLElement | null = this.container;
    while (el) {
      const overflow = getComputedStyle(el).overflowY;
      if (overflow === 'auto' || overflow === 'scroll') return el;
      el = el.parentElement;
    }
    return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
  }

  /**
   * Builds the block elements: h1 title, tier line, h2 headings, p paragraphs and
   * ol > li recommendations, grouped in `div.fm-chunk` wrappers. Each block element
   * carries data-block-id, data-start, data-end (and data-para for numbered blocks)
   * and one text node.
   */
  render(report: Report): void {
    const text = report.text;
    const fragment = document.createDocumentFragment();
    const elements: HTMLElement[] = [];
    let list: HTMLOListElement | null = null;
    // Top-level nodes are grouped into chunks that content-visibility can skip as a whole:
    // the browser then neither styles nor lays out the text of chunks off screen.
    let chunk: HTMLElement | null = null;
    let chunkNodes = 0;
    let chunkChars = 0;
    let chunkBlocks = 0;
    const closeChunk = () => {
      if (!chunk) return;
      chunk.style.setProperty('--fm-chars', String(chunkChars));
      chunk.style.setProperty('--fm-blocks', String(chunkBlocks));
    };
    const place = (node: HTMLElement) => {
      if (!chunk || chunkNodes >= CHUNK_NODES) {
        closeChunk();
        chunk = document.createElement('div');
        chunk.className = 'fm-chunk';
        fragment.appendChild(chunk);
        chunkNodes = 0;
        chunkChars = 0;
        chunkBlocks = 0;
      }
      chunk.appendChild(node);
      chunkNodes++;
    };
    for (const block of report.blocks) {
      const { tag, className } = tagFor(block);
      const el = document.createElement(tag);
      el.className = className;
      el.setAttribute('data-block-id', block.id);
      el.setAttribute('data-start', String(block.start));
      el.setAttribute('data-end', String(block.end));
      if (block.kind === 'heading') {
        el.id = `fm-${block.id}`;
      } else if (block.kind === 'paragraph' || block.kind === 'intro') {
        el.setAttribute('data-para', String(block.paragraph ?? ''));
      }
      if (block.kind === 'paragraph' || block.kind === 'intro' || block.kind === 'recommendation') {
        // Feeds the CSS size estimate used while content-visibility skips the block. Set through
        // the CSSOM (not a style attribute) so a CSP without 'unsafe-inline' allows it.
        el.style.setProperty('--fm-chars', String(block.end - block.start));
      }
      el.textContent = text.slice(block.start, block.end);
      if (block.kind === 'recommendation') {
        if (!list) {
          list = document.createElement('ol');
          list.className = 'fm-recommendations';
          place(list);
        }
        list.appendChild(el);
      } else {
        list = null;
        place(el);
      }
      chunkChars += block.end - block.start;
      chunkBlocks++;
      elements.push(el);
    }
    closeChunk();
    this.container.replaceChildren(fragment);
    this.current = report;
    this.blockList = report.blocks.slice();
    this.elements = elements;
    this.emit();
  }

  /** Block elements in document order. */
  blockElements(): HTMLElement[] {
    return this.elements.slice();
  }

  /** The block containing `offset` (or the last block starting before it), or null. */
  blockAt(offset: number): Block | null {
    const i = indexAtOffset(this.blockList, offset);
    return i < 0 ? null : this.blockList[i]!;
  }

  /** The element of the block containing `offset` (or the last one starting before it). */
  blockElementAt(offset: number): HTMLElement | null {
    const i = indexAtOffset(this.blockList, offset);
    return i < 0 ? null : this.elements[i]!;
  }

  /** The block element that contains a DOM node, or null outside the surface. */
  blockElementOf(node: Node): HTMLElement | null {
    const el = node instanceof Element ? node : node.parentElement;
    const block = el?.closest<HTMLElement>('[data-block-id]') ?? null;
    return block && this.container.contains(block) ? block : null;
  }

  /**
   * Text offset → DOM point. Walks the block's text nodes, so it still works when
   * mark.js has split them. An offset between blocks snaps to the next block's
   * start (`forward`, the default) or the previous block's end (`backward`).
   */
  domPoint(offset: number, affinity: Affinity = 'forward'): { node: Text; offset: number } | null {
    if (this.blockList.length === 0 || !Number.isFinite(offset)) return null;
    let i = indexAtOffset(this.blockList, offset);
    let target = offset;
    if (i < 0) {
      i = 0;
      target = this.blockList[0]!.start;
    } else if (offset > this.blockList[i]!.end) {
      if (affinity === 'forward' && i + 1 < this.blockList.length) {
        i += 1;
        target = this.blockList[i]!.start;
      } else target = this.blockList[i]!.end;
    }
    const block = this.blockList[i]!;
    const el = this.elements[i]!;
    let remaining = target - block.start;
    const first = el.firstChild;
    if (first && first === el.lastChild && first.nodeType === Node.TEXT_NODE) {
      return { node: first as Text, offset: Math.min(remaining, (first as Text).length) };
    }
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      // At a boundary between two text nodes, forward affinity prefers the start of the next one.
      if (remaining < node.length || (remaining === node.length && affinity === 'backward')) {
        return { node, offset: remaining };
      }
      remaining -= node.length;
      last = node;
    }
    return last ? { node: last, offset: last.length } : null;
  }

  /** DOM point → text offset, or null when the point is outside the surface. */
  offsetOf(node: Node, offset: number): number | null {
    if (!this.container.contains(node)) return null;
    const blockEl = this.blockElementOf(node);
    if (blockEl) {
      const start = Number(blockEl.getAttribute('data-start'));
      const end = Number(blockEl.getAttribute('data-end'));
      if (node.nodeType === Node.TEXT_NODE && node.parentNode === blockEl && blockEl.childNodes.length === 1) {
        return start + Math.min(offset, end - start);
      }
      const range = document.createRange();
      range.selectNodeContents(blockEl);
      try {
        range.setEnd(node, offset);
      } catch {
        return null;
      }
      return start + Math.min(range.toString().length, end - start);
    }
    // A point between blocks (in the article or the list): the next block's start.
    const next = node.childNodes[offset] ?? null;
    const after = next ? this.firstBlockFrom(next) : null;
    if (after) return Number(after.getAttribute('data-start'));
    const before = this.lastBlockBefore(node, offset);
    return before ? Number(before.getAttribute('data-end')) : null;
  }

  /** A live Range covering [start, end) (may span blocks), or null if empty or nothing is rendered. */
  rangeFor(start: number, end: number): Range | null {
    if (!(end > start)) return null;
    const from = this.domPoint(start, 'forward');
    const to = this.domPoint(end, 'backward');
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range.collapsed ? null : range;
  }

  /** The current selection as text offsets, clipped to the surface; null if empty or outside. */
  selectionOffsets(sel: Selection | null = document.getSelection()): { start: number; end: number } | null {
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (this.elements.length === 0 || !range.intersectsNode(this.container)) return null;
    const whole = document.createRange();
    whole.selectNodeContents(this.container);
    const start =
      range.compareBoundaryPoints(Range.START_TO_START, whole) <= 0
        ? this.blockList[0]!.start
        : this.offsetOf(range.startContainer, range.startOffset);
    const end =
      range.compareBoundaryPoints(Range.END_TO_END, whole) >= 0
        ? this.blockList[this.blockList.length - 1]!.end
        : this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }

  /** The text offset under a viewport point, or null when the point is not over the text. */
  offsetAtPoint(x: number, y: number): number | null {
    const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
    if (typeof doc.caretPositionFromPoint === 'function') {
      const pos = doc.caretPositionFromPoint(x, y);
      return pos ? this.offsetOf(pos.offsetNode, pos.offset) : null;
    }
    const range = doc.caretRangeFromPoint?.(x, y) ?? null;
    return range ? this.offsetOf(range.startContainer, range.startOffset) : null;
  }

  /**
   * Scrolls so that `offset` is at the top of the reading area (or centred), then
   * corrects once the newly visible paragraphs have been laid out (their size was
   * an estimate while content-visibility skipped them).
   */
  scrollToOffset(offset: number, opts: ScrollOptions = {}): void {
    const scroller = this.scroller;
    const place = (behavior: ScrollBehavior) => {
      const rect = this.rectForOffset(offset);
      if (!rect) return 0;
      const box = this.viewportBox(scroller);
      const desired = opts.align === 'center' ? box.top + (box.bottom - box.top - rect.height) / 2 : box.top + TOP_MARGIN;
      const delta = rect.top - desired;
      if (Math.abs(delta) >= 1) scroller.scrollBy({ top: delta, behavior });
      return delta;
    };
    const behavior = opts.behavior ?? 'auto';
    this.settling?.();
    place(behavior);
    if (behavior !== 'smooth') this.settle(scroller, () => place('auto'));
    if (opts.flash) this.flash(opts.flash.start, opts.flash.end);
  }

  /**
   * Keeps the target in place for a few frames: paragraphs near the viewport are
   * laid out only in the frames after the jump, and their real height replaces the
   * estimate. Stops when the target has been still for a while, or as soon as the
   * reader scrolls by hand.
   */
  private settle(scroller: HTMLElement, place: () => number): void {
    let frame = 0;
    let still = 0;
    const started = performance.now();
    let lastMove = started;
    const events = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
    const stop = () => {
      cancelAnimationFrame(frame);
      for (const type of events) scroller.removeEventListener(type, stop);
      if (this.settling === stop) this.settling = null;
    };
    const tick = () => {
      const now = performance.now();
      if (Math.abs(place()) >= 1) {
        still = 0;
        lastMove = now;
      } else still++;
      const settled = still >= SETTLE_FRAMES && now - lastMove >= SETTLE_QUIET_MS;
      if (settled || now - started > SETTLE_MAX_MS) stop();
      else frame = requestAnimationFrame(tick);
    };
    for (const type of events) scroller.addEventListener(type, stop, { passive: true });
    frame = requestAnimationFrame(tick);
    this.settling = stop;
  }

  /** Offsets of the first and last blocks that are (at least partly) in the viewport. */
  visibleRange(): { start: number; end: number } {
    if (this.elements.length === 0) return { start: 0, end: 0 };
    const box = this.viewportBox(this.scroller);
    const first = this.firstIndexBelow(box.top + 1);
    const last = Math.max(first, this.firstIndexBelow(box.bottom, 'top') - 1);
    return { start: this.blockList[first]!.start, end: this.blockList[last]!.end };
  }

  /** The block at a viewport y coordinate (the nearest one below it, or the last block). */
  blockAtViewportY(y: number): Block | null {
    if (this.elements.length === 0) return null;
    return this.blockList[this.firstIndexBelow(y)]!;
  }

  /**
   * Offset of the first text at the top of the reading area: the start of the line
   * at the margin that scrollToOffset leaves above its target, so that saving this
   * offset and scrolling back to it lands on the same line (no drift).
   */
  firstVisibleOffset(): number {
    if (this.elements.length === 0) return 0;
    const box = this.viewportBox(this.scroller);
    const line = box.top + TOP_MARGIN;
    const i = this.firstIndexBelow(line + 1);
    const el = this.elements[i]!;
    const block = this.blockList[i]!;
    const rect = el.getBoundingClientRect();
    if (rect.top >= line - 1) return block.start;
    const style = getComputedStyle(el);
    const x = rect.left + parseFloat(style.paddingLeft || '0') + 2;
    const lineHeight = parseFloat(style.lineHeight) || 24;
    const y = line + Math.min(lineHeight / 2, rect.bottom - line - 1);
    const at = this.offsetAtPoint(x, y);
    if (at === null || at < block.start || at > block.end) return block.start;
    return at;
  }

  /** Listens for render() and notifyChanged(); returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells listeners that the DOM inside the surface changed (e.g. after mark.js). */
  notifyChanged(): void {
    this.emit();
  }

  /** Removes the rendered blocks and listeners. */
  destroy(): void {
    window.clearTimeout(this.flashTimer);
    this.settling?.();
    this.container.replaceChildren();
    this.elements = [];
    this.blockList = [];
    this.current = null;
    this.listeners.clear();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private flash(start: number, end: number): void {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    const range = this.rangeFor(start, end);
    if (!registry || !range) return;
    registry.set(FLASH_HIGHLIGHT, new Highlight(range));
    window.clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => registry.delete(FLASH_HIGHLIGHT), FLASH_MS);
  }

  private rectForOffset(offset: number): DOMRect | null {
    const i = indexAtOffset(this.blockList, offset);
    const index = Math.max(0, i);
    const block = this.blockList[index];
    const el = this.elements[index];
    if (!block || !el) return null;
    if (offset <= block.start || offset >= block.end) return el.getBoundingClientRect();
    const range = this.rangeFor(offset, Math.min(offset + 1, block.end));
    const rects = range?.getClientRects();
    return rects && rects.length > 0 ? rects[0]! : el.getBoundingClientRect();
  }

  private viewportBox(scroller: HTMLElement): { top: number; bottom: number } {
    if (scroller === document.scrollingElement || scroller === document.documentElement) {
      return { top: 0, bottom: window.innerHeight };
    }
    const rect = scroller.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom };
  }

  /** Index of the first block whose bottom (or top) edge is below `y`; clamps to the last block. */
  private firstIndexBelow(y: number, edge: 'bottom' | 'top' = 'bottom'): number {
    const count = this.elements.length;
    const first = firstIndexWhere(count, (i) => {
      const rect = this.elements[i]!.getBoundingClientRect();
      return (edge === 'bottom' ? rect.bottom : rect.top) > y;
    });
    return edge === 'top' ? first : Math.min(first, count - 1);
  }

  private firstBlockFrom(node: Node): HTMLElement | null {
    for (let n: Node | null = node; n; n = n.nextSibling) {
      if (n instanceof HTMLElement) {
        if (n.hasAttribute('data-block-id')) return n;
        const inner = n.querySelector<HTMLElement>('[data-block-id]');
        if (inner) return inner;
      }
    }
    const parent = node.parentNode;
    if (parent && parent !== this.container && this.container.contains(parent) && parent.nextSibling) {
      return this.firstBlockFrom(parent.nextSibling);
    }
    return null;
  }

  private lastBlockBefore(node: Node, offset: number): HTMLElement | null {
    for (let n: Node | null = node.childNodes[offset - 1] ?? null; n; n = n.previousSibling) {
      if (n instanceof HTMLElement) {
        if (n.hasAttribute('data-block-id')) return n;
        const all = n.querySelectorAll<HTMLElement>('[data-block-id]');
        if (all.length > 0) return all[all.length - 1]!;
      }
    }
    if (node !== this.container && node.parentNode) {
      const parent = node.parentNode;
      const index = Array.prototype.indexOf.call(parent.childNodes, node) as number;
      return this.lastBlockBefore(parent, index);
    }
    return null;
  }
}
