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

/** The innermost span at an offset: shortest first, then the later start, then the newest. */
export function innermostAt<T extends Span>(spans: readonly T[], offset: number): T | null {
  let best: T | null = null;
  for (const s of spansAt(spans, offset)) {
    if (
      best === null ||
      s.end - s.start < best.end - best.start ||
      (s.end - s.start === best.end - best.start && (s.start > best.start || (s.start === best.start && s.createdAt > best.createdAt)))
    ) {
      best = s;
    }
  }
  return best;
}

/** Whether [start, end) of `text` holds anything but white space. */
export function hasVisibleText(text: string, start: number, end: number): boolean {
  return start < end && /\S/u.test(text.slice(start, end));
}
