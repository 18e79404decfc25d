/**
 * Paints find matches with mark.js, but only in the blocks in and near the
 * viewport: wrapping every match of a common word in a 100× document takes
 * about half a second, while the window holds a few dozen. The match list (and
 * so the count and navigation) stays exact for the whole document; painting
 * follows the scroll. Closing unwraps what was painted, which restores each
 * block to its single text node, exactly as the surface built it.
 */
import Mark from 'mark.js';
import type { TextMatch } from './matcher';
import { firstIndexWhere } from '../../common/offset-lookup';

/** The part of the reading surface the painter needs (renderer/reader/text-surface.ts). */
export interface PaintSurface {
  readonly container: HTMLElement;
  /** The rendered blocks' offsets, parallel to `blockElements()`. */
  readonly blocks: readonly { start: number; end: number }[];
  blockElements(): HTMLElement[];
  visibleRange(): { start: number; end: number };
  onChange(listener: () => void): () => void;
  notifyChanged(): void;
}

const MATCH_CLASS = 'fm-find-match';
const CURRENT_CLASS = 'fm-find-current';
/** Blocks painted beyond each edge of the viewport, so a short scroll shows marks at once. */
const WINDOW_MARGIN_BLOCKS = 6;

interface BlockBounds {
  elements: HTMLElement[];
  starts: Int32Array;
  ends: Int32Array;
}

type IndexedRange = { start: number; length: number; index: number };

export class MatchPainter {
  private matches: readonly TextMatch[] = [];
  private current = -1;
  private bounds: BlockBounds | null = null;
  /** Painted block index → the match indices painted in it. */
  private readonly painted = new Map<number, number[]>();
  /** Match index → its <mark> elements (a match spanning blocks has several). */
  private readonly marksByMatch = new Map<number, HTMLElement[]>();
  private notifying = false;
  private frame = 0;
  private readonly unsubscribe: () => void;
  private readonly onScroll = () => {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paintWindow();
    });
  };

  constructor(private readonly surface: PaintSurface) {
    this.unsubscribe = surface.onChange(() => {
      if (this.notifying) return;
      // Someone else changed the surface: a new render replaces every block (and our marks with them).
      const elements = surface.blockElements();
      const stale = this.bounds === null || elements.length !== this.bounds.elements.length || elements[0] !== this.bounds.elements[0];
      if (stale) {
        this.bounds = null;
        this.painted.clear();
        this.marksByMatch.clear();
        this.paintWindow();
      }
    });
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
  }

  /** Replaces the matches to paint and the current one (-1 for none), repainting the window. */
  setMatches(matches: readonly TextMatch[], current: number): void {
    const changed: number[] = [...this.painted.keys()];
    for (const block of changed) this.unpaintBlock(block);
    this.matches = matches;
    this.current = current;
    this.paintWindow(changed.length > 0);
  }

  /** Marks match `index` as the current one, painting its blocks if they are not painted yet. */
  setCurrent(index: number): void {
    const previous = this.current;
    this.current = index;
    for (const el of this.marksByMatch.get(previous) ?? []) el.classList.remove(CURRENT_CLASS);
    const match = this.matches[index];
    if (!match) return;
    const bounds = this.blockBounds();
    let changed = false;
    for (const block of this.blocksOverlapping(bounds, match.start, match.end)) {
      if (!this.painted.has(block)) {
        this.paintBlock(bounds, block);
        changed = true;
      }
    }
    for (const el of this.marksByMatch.get(index) ?? []) el.classList.add(CURRENT_CLASS);
    if (changed) this.notify();
  }

  /** The first <mark> element of a match, if it is painted. */
  markOf(index: number): HTMLElement | null {
    return this.marksByMatch.get(index)?.[0] ?? null;
  }

  /** Number of blocks currently holding marks (for tests and measurements). */
  get paintedBlocks(): number {
    return this.painted.size;
  }

  /** Unwraps every mark and stops following the scroll. */
  destroy(): void {
    this.unsubscribe();
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const blocks = [...this.painted.keys()];
    for (const block of blocks) this.unpaintBlock(block);
    this.matches = [];
    if (blocks.length > 0) this.notify();
  }

  /** Paints the blocks in and near the viewport and unpaints those that left it. */
  paintWindow(forceNotify = false): void {
    const bounds = this.blockBounds();
    let changed = forceNotify;
    if (bounds.elements.length === 0) {
      if (changed) this.notify();
      return;
    }
    const visible = this.surface.visibleRange();
    const first = Math.max(0, upperBound(bounds.starts, visible.start) - 1 - WINDOW_MARGIN_BLOCKS);
    const last = Math.min(bounds.elements.length - 1, upperBound(bounds.starts, Math.max(visible.start, visible.end - 1)) - 1 + WINDOW_MARGIN_BLOCKS);
    for (const block of [...this.painted.keys()]) {
      const keepCurrent = this.painted.get(block)!.includes(this.current);
      if ((block < first || block > last) && !keepCurrent) {
        this.unpaintBlock(block);
        changed = true;
      }
    }
    if (this.matches.length > 0) {
      for (let block = first; block <= last; block++) {
        if (this.painted.has(block)) continue;
        if (this.paintBlock(bounds, block)) changed = true;
      }
    }
    if (changed) this.notify();
  }

  private blockBounds(): BlockBounds {
    if (this.bounds) return this.bounds;
    const elements = this.surface.blockElements();
    const blocks = this.surface.blocks;
    const starts = new Int32Array(elements.length);
    const ends = new Int32Array(elements.length);
    for (let i = 0; i < elements.length; i++) {
      starts[i] = blocks[i]!.start;
      ends[i] = blocks[i]!.end;
    }
    this.bounds = { elements, starts, ends };
    return this.bounds;
  }

  private blocksOverlapping(bounds: BlockBounds, start: number, end: number): number[] {
    const out: number[] = [];
    for (let b = Math.max(0, upperBound(bounds.starts, start) - 1); b < bounds.elements.length && bounds.starts[b]! < end; b++) {
      if (bounds.ends[b]! > start) out.push(b);
    }
    return out;
  }

  /** Wraps the matches that fall in one block; returns whether anything was painted. */
  private paintBlock(bounds: BlockBounds, block: number): boolean {
    const blockStart = bounds.starts[block]!;
    const blockEnd = bounds.ends[block]!;
    const ranges: IndexedRange[] = [];
    const indices: number[] = [];
    for (let i = firstEndingAfter(this.matches, blockStart); i < this.matches.length && this.matches[i]!.start < blockEnd; i++) {
      const m = this.matches[i]!;
      const start = Math.max(m.start, blockStart) - blockStart;
      const end = Math.min(m.end, blockEnd) - blockStart;
      if (end > start) {
        ranges.push({ start, length: end - start, index: i });
        indices.push(i);
      }
    }
    if (ranges.length === 0) return false;
    this.painted.set(block, indices);
    new Mark(bounds.elements[block]!).markRanges(ranges, {
      className: MATCH_CLASS,
      each: (element, range) => {
        const index = (range as unknown as IndexedRange).index;
        const el = element as HTMLElement;
        if (index === this.current) el.classList.add(CURRENT_CLASS);
        const list = this.marksByMatch.get(index);
        if (list) list.push(el);
        else this.marksByMatch.set(index, [el]);
      },
    });
    return true;
  }

  private unpaintBlock(block: number): void {
    const indices = this.painted.get(block);
    if (!indices) return;
    this.painted.delete(block);
    const el = this.blockBounds().elements[block];
    for (const index of indices) {
      const remaining = (this.marksByMatch.get(index) ?? []).filter((mark) => !el?.contains(mark));
      if (remaining.length > 0) this.marksByMatch.set(index, remaining);
      else this.marksByMatch.delete(index);
    }
    if (!el) return;
    new Mark(el).unmark({ className: MATCH_CLASS });
    // mark.js merges the text it unwraps; normalizing once more guarantees the single text node the surface built.
    el.normalize();
  }

  private notify(): void {
    this.notifying = true;
    try {
      this.surface.notifyChanged();
    } finally {
      this.notifying = false;
    }
  }
}

/** Number of entries in a sorted array that are ≤ value. */
function upperBound(sorted: Int32Array, value: number): number {
  return firstIndexWhere(sorted.length, (i) => sorted[i]! > value);
}

/** Index of the first match whose end is after `offset`. */
function firstEndingAfter(matches: readonly TextMatch[], offset: number): number {
  return firstIndexWhere(matches.length, (i) => matches[i]!.end > offset);
}
