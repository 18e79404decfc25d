/**
 * Binary search over sorted data, once for every side: which block an offset
 * falls in, where a match or an annotation goes in a sorted list, which folded
 * edit covers a position. Every such search asks the same question: the first
 * index at which a monotone condition turns true.
 */

/**
 * The first index in [0, length) at which `after(i)` is true, or `length` when it
 * never is. `after` must be false for a prefix and true for the rest (as "starts
 * after x" is over an array sorted by start).
 */
export function firstIndexWhere(length: number, after: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last item starting at or before `offset` (items sorted by start), or -1 before the first. */
export function indexAtOffset(items: readonly { readonly start: number }[], offset: number): number {
  return firstIndexWhere(items.length, (i) => items[i]!.start > offset) - 1;
}
