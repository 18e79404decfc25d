/**
 * The annotation filter's per-annotation index: each annotation's searchable text
 * (quote, note, tags) folded once and its tag keys (its tags and their parents,
 * by the tag rule) computed once, when the annotation arrives or changes, instead
 * of on every keystroke for every annotation. Both come from common/ (the same
 * functions the shared filter applies), so the panel and the exports agree.
 */
import type { AnnotationView } from '../../preload/contract';
import { foldSearchText } from '../../common/annotation-filter';
import { tagKeys } from '../../common/tag-identity';

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

  /** Indexes (or re-indexes) one annotation; only the changed annotation is folded again. */
  put(view: AnnotationView): void {
    this.entries.set(view.id, entryOf(view));
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  /** The folded text of an annotation (folded now if it was never indexed). */
  textOf(view: AnnotationView): string {
    return this.entryFor(view).text;
  }

  /** The tag keys of an annotation (`tagKeys` of its tags). */
  tagsOf(view: AnnotationView): ReadonlySet<string> {
    return this.entryFor(view).tags;
  }

  get size(): number {
    return this.entries.size;
  }

  private entryFor(view: AnnotationView): Entry {
    let entry = this.entries.get(view.id);
    if (entry === undefined) {
      entry = entryOf(view);
      this.entries.set(view.id, entry);
    }
    return entry;
  }
}
