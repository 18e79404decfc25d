/**
 * The annotation filter's per-annotation index: each annotation's searchable text
 * (quote, note, tags) folded once and its tag keys (its tags and their parents,
 * by the tag rule) computed once, instead of on every keystroke for every
 * annotation. Both come from common/ (the same functions the shared filter
 * applies), so the panel and the exports agree.
 *
 * Folding is lazy: `put` only notes the annotation, and it is folded when the
 * filter first asks or when `warm` (run in idle time after a load) reaches it.
 * Why: folding 10,000 annotations took about a third of the one long task
 * between the list's arrival and the panel showing it, and the unfiltered
 * panel never reads the index.
 */
import type { AnnotationView } from '../../preload/contract';
import { foldSearchText } from '../../common/annotation-filter';
import { tagKeys } from '../../common/tag-identity';

/** Annotations folded between two questions to `warm`'s `more()` (about 0.2 ms of work). */
const WARM_BATCH = 16;

interface Entry {
  text: string;
  tags: ReadonlySet<string>;
}

function entryOf(view: AnnotationView): Entry {
  return { text: foldSearchText(view), tags: tagKeys(view.tags) };
}

/** Folded text and tag keys by annotation id, kept in step with the annotations by the store. */
export class FilterIndex {
  private readonly entries = new Map<string, Entry>();
  /** Annotations put but not folded yet. */
  private readonly waiting = new Map<string, AnnotationView>();

  /** Indexes (or re-indexes) one annotation; it is folded on first use or by `warm`. */
  put(view: AnnotationView): void {
    this.entries.delete(view.id);
    this.waiting.set(view.id, view);
  }

  delete(id: string): void {
    this.entries.delete(id);
    this.waiting.delete(id);
  }

  clear(): void {
    this.entries.clear();
    this.waiting.clear();
  }

  /**
   * Folds waiting annotations until `more()` answers false (it is asked every few
   * annotations); returns true when some are still waiting.
   */
  warm(more: () => boolean): boolean {
    let n = 0;
    for (const [id, view] of this.waiting) {
      if (n++ % WARM_BATCH === 0 && !more()) return true;
      this.entries.set(id, entryOf(view));
      this.waiting.delete(id);
    }
    return false;
  }

  /** How many annotations are put but not folded yet. */
  get pending(): number {
    return this.waiting.size;
  }

  /** The folded text of an annotation (folded now if it was not yet). */
  textOf(view: AnnotationView): string {
    return this.entryFor(view).text;
  }

  /** The tag keys of an annotation (`tagKeys` of its tags). */
  tagsOf(view: AnnotationView): ReadonlySet<string> {
    return this.entryFor(view).tags;
  }

  get size(): number {
    return this.entries.size + this.waiting.size;
  }

  private entryFor(view: AnnotationView): Entry {
    let entry = this.entries.get(view.id);
    if (entry === undefined) {
      // The version put is the one indexed, as if it had been folded when it arrived.
      entry = entryOf(this.waiting.get(view.id) ?? view);
      this.entries.set(view.id, entry);
      this.waiting.delete(view.id);
    }
    return entry;
  }
}
