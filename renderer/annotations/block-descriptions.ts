/**
 * Which highlights each block of the report holds, kept up to date change by
 * change: `update` compares the new list with the one it holds (one map lookup
 * per unchanged annotation, as highlight-diff does) and returns only the blocks
 * whose description can have changed, so a note typed or a colour changed
 * rewrites one paragraph's description, not hundreds.
 */
import type { ColorId } from '../../preload/contract';
import { indexAtOffset } from '../../common/offset-lookup';
import { blockDescription, type Describable } from './highlight-words';

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Held {
  view: Describable;
  /** The update that last saw it in the list (a sweep drops the others, without building a set of 10,000 ids). */
  seen: number;
  /** First and last index of the blocks it overlaps. */
  first: number;
  last: number;
}

/** Whether the words said about a highlight differ (tags are not in the description). */
function saysOtherwise(a: Describable, b: Describable): boolean {
  return a.color !== b.color || a.start !== b.start || a.end !== b.end || a.exact !== b.exact || (a.note.trim() === '') !== (b.note.trim() === '');
}

export class BlockDescriptions {
  private readonly held = new Map<string, Held>();
  private readonly perBlock = new Map<number, Set<string>>();
  private generation = 0;

  constructor(private readonly blocks: readonly Span[]) {}

  /** Takes the new list; returns the indexes of the blocks whose description may have changed. */
  update(list: readonly Describable[]): Set<number> {
    const dirty = new Set<number>();
    const generation = ++this.generation;
    for (const view of list) {
      const before = this.held.get(view.id);
      if (before && (before.view === view || !saysOtherwise(before.view, view))) {
        before.view = view;
        before.seen = generation;
        continue;
      }
      if (before) this.drop(view.id, dirty);
      this.add(view, dirty);
    }
    // Every listed id is held now, so a larger map holds ids that left the list.
    if (this.held.size !== list.length) {
      for (const [id, held] of this.held) if (held.seen !== generation) this.drop(id, dirty);
    }
    return dirty;
  }

  /** Every block that holds a highlight (for a full rewrite, e.g. after the legend changed). */
  described(): number[] {
    return [...this.perBlock.keys()];
  }

  /** The description of block `index` ('' when it holds no highlight). */
  describe(index: number, colorName: (id: ColorId) => string): string {
    const ids = this.perBlock.get(index);
    if (!ids || ids.size === 0) return '';
    const items = [...ids].map((id) => this.held.get(id)!.view).sort((a, b) => a.start - b.start || a.end - b.end);
    return blockDescription(items, colorName);
  }

  private add(view: Describable, dirty: Set<number>): void {
    const first = Math.max(0, indexAtOffset(this.blocks, view.start));
    // The last block starting before the highlight's end (none for an empty span or no blocks).
    const last = this.blocks.length === 0 || view.end <= view.start ? -1 : Math.max(first, indexAtOffset(this.blocks, view.end - 1));
    this.held.set(view.id, { view, first, last, seen: this.generation });
    for (let i = first; i <= last; i++) {
      const block = this.blocks[i]!;
      if (block.end <= view.start || block.start >= view.end) continue;
      let ids = this.perBlock.get(i);
      if (!ids) this.perBlock.set(i, (ids = new Set()));
      ids.add(view.id);
      dirty.add(i);
    }
  }

  private drop(id: string, dirty: Set<number>): void {
    const held = this.held.get(id);
    if (!held) return;
    this.held.delete(id);
    for (let i = held.first; i <= held.last; i++) {
      const ids = this.perBlock.get(i);
      if (!ids?.delete(id)) continue;
      dirty.add(i);
      if (ids.size === 0) this.perBlock.delete(i);
    }
  }
}
