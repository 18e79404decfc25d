/**
 * mark.js 8.11.1 peers, used as its documentation shows: B1 `markRanges` over
 * the article (offsets into the concatenated text of its text nodes), B3
 * `mark(term)` over the whole document with the default options (case- and
 * diacritic-insensitive, partial words) and `unmark()` to clear.
 */
import Mark from 'mark.js';

/** Marks ranges of the context's text; returns how many <mark> elements mark.js created. */
export function markRanges(context: HTMLElement, ranges: ReadonlyArray<{ start: number; length: number }>): number {
  let created = 0;
  new Mark(context).markRanges(
    ranges.map((r) => ({ start: r.start, length: r.length })),
    { className: 'peer-range-mark', each: () => created++ },
  );
  return created;
}

/** Marks every occurrence of `term` in the context; returns the number of matches mark.js reports. */
export function markTerm(context: HTMLElement, term: string): number {
  let total = 0;
  new Mark(context).mark(term, {
    className: 'peer-find-mark',
    separateWordSearch: false,
    done: (count) => {
      total = count;
    },
  });
  return total;
}

/** Removes every mark mark.js made in the context. */
export function unmarkAll(context: HTMLElement): void {
  new Mark(context).unmark();
}
