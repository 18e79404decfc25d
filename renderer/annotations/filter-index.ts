/**
 * The annotation filter's text index: each annotation's searchable text (quote,
 * note, tags) folded to lower case once, when the annotation arrives or changes,
 * instead of on every keystroke for every annotation. Matching is the same rule
 * as `annotation-filter.ts` (every term must occur in the quote, the note or a tag).
 */
import type { AnnotationView } from '../../preload/contract';

/** The folded haystack the free-text filter searches: the same string `annotation-filter.ts` builds per call. */
export function foldSearchText(view: Pick<AnnotationView, 'exact' | 'note' | 'tags'>): string {
  return `${view.exact}\n${view.note}\n${view.tags.join('\n')}`.toLowerCase();
}

/** Whether every (already lower-cased) term occurs in the folded text. */
export function matchesTerms(folded: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!folded.includes(term)) return false;
  return true;
}

/** Folded text by annotation id, kept in step with the annotations by the store. */
export class FilterIndex {
  private readonly folded = new Map<string, string>();

  /** Indexes (or re-indexes) one annotation; only the changed annotation is folded again. */
  put(view: AnnotationView): void {
    this.folded.set(view.id, foldSearchText(view));
  }

  delete(id: string): void {
    this.folded.delete(id);
  }

  clear(): void {
    this.folded.clear();
  }

  /** The folded text of an annotation (folded now if it was never indexed). */
  textOf(view: AnnotationView): string {
    let text = this.folded.get(view.id);
    if (text === undefined) {
      text = foldSearchText(view);
      this.folded.set(view.id, text);
    }
    return text;
  }

  get size(): number {
    return this.folded.size;
  }
}
