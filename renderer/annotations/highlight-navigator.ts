/**
 * Which highlight Alt+↓ and Alt+↑ go to, in document order (the store's `live`
 * list, sorted by start). From the highlight the navigator last went to, when
 * the caret is still at its start, the move is by one place in the list (so two
 * highlights starting at the same character are both visited); from anywhere
 * else, it is to the first highlight starting at or after the caret (↓) or the
 * last one starting before it (↑).
 */
import { firstIndexWhere } from '../../common/offset-lookup';

interface Span {
  readonly id: string;
  readonly start: number;
}

export interface NavigatorFrom {
  /** The caret's text offset (or the first visible offset when there is no caret). */
  offset: number;
  /** The highlight the navigator went to last, if any. */
  lastId: string | null;
}

/** The index in `live` to move to, or null when there is no highlight that way. */
export function navigatorTarget(live: readonly Span[], from: NavigatorFrom, direction: 1 | -1): number | null {
  if (live.length === 0) return null;
  if (from.lastId !== null) {
    const at = live.findIndex((view) => view.id === from.lastId);
    if (at >= 0 && live[at]!.start === from.offset) {
      const next = at + direction;
      return next >= 0 && next < live.length ? next : null;
    }
  }
  if (direction === 1) {
    const next = firstIndexWhere(live.length, (i) => live[i]!.start >= from.offset);
    return next < live.length ? next : null;
  }
  const previous = firstIndexWhere(live.length, (i) => live[i]!.start >= from.offset) - 1;
  return previous >= 0 ? previous : null;
}
