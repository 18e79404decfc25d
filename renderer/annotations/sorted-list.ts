/**
 * Sorted arrays updated by one binary-search insert or removal, so a change to
 * one annotation does not re-sort 10,000. Each update returns a new array (the
 * old one may still be on screen in a deferred render).
 */
import type { AnnotationView } from '../../preload/contract';
import { firstIndexWhere } from '../../common/offset-lookup';

export type Compare = (a: AnnotationView, b: AnnotationView) => number;

/**
 * Compares strings by code unit. The dates are ISO 8601 in one format, where this
 * order is the time order and the same as localeCompare's, at a fraction of its cost
 * (a 10,000-annotation sort calls it some 140,000 times).
 */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Document order: by start, the longer first at a tie, then the older; the id makes the order total. */
export const byDocumentOrder: Compare = (a, b) =>
  a.start - b.start || b.end - a.end || compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);

/** Newest first, then in document order. */
export const byNewest: Compare = (a, b) => compareText(b.createdAt, a.createdAt) || a.start - b.start || compareText(a.id, b.id);

/** Most recently deleted first. */
export const byDeletedFirst: Compare = (a, b) => compareText(b.deletedAt ?? '', a.deletedAt ?? '') || compareText(a.id, b.id);

/** The first index whose element does not sort before `item`. */
function lowerBound(list: readonly AnnotationView[], item: AnnotationView, compare: Compare): number {
  return firstIndexWhere(list.length, (i) => compare(list[i]!, item) >= 0);
}

export function insertSorted(list: readonly AnnotationView[], item: AnnotationView, compare: Compare): AnnotationView[] {
  const at = lowerBound(list, item, compare);
  const next = list.slice();
  next.splice(at, 0, item);
  return next;
}

/** Removes `item` (found by its sort keys and id); returns the list unchanged if it is not there. */
export function removeSorted(list: readonly AnnotationView[], item: AnnotationView, compare: Compare): AnnotationView[] {
  const at = lowerBound(list, item, compare);
  if (list[at]?.id !== item.id) return list as AnnotationView[];
  const next = list.slice();
  next.splice(at, 1);
  return next;
}
