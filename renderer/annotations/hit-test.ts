/**
 * Which annotation a click or a caret means when highlights overlap: the
 * innermost one, i.e. the shortest that covers the offset.
 */

export interface Span {
  id: string;
  start: number;
  end: number;
  createdAt: string;
}

/** Spans covering the offset: those containing the character after it, else those ending right at it. */
export function spansAt<T extends Span>(spans: readonly T[], offset: number): T[] {
  const inside = spans.filter((s) => s.start <= offset && offset < s.end);
  if (inside.length > 0) return inside;
  return spans.filter((s) => s.start < offset && offset === s.end);
}

/** Orders spans innermost first: shortest, then the later start, then the newest. */
export function byInnermost(a: Span, b: Span): number {
  return a.end - a.start - (b.end - b.start) || b.start - a.start || (a.createdAt === b.createdAt ? 0 : a.createdAt > b.createdAt ? -1 : 1);
}

/** The innermost span covering an offset, or null. */
export function innermostAt<T extends Span>(spans: readonly T[], offset: number): T | null {
  return spansAt(spans, offset).sort(byInnermost)[0] ?? null;
}

/** Whether [start, end) of `text` holds anything but white space. */
export function hasVisibleText(text: string, start: number, end: number): boolean {
  return start < end && /\S/u.test(text.slice(start, end));
}
