/**
 * What changed between the highlights painted and the annotations to paint:
 * the ones to add, to remove, and to repaint (another colour or other offsets).
 * The painter then touches only those ranges instead of rebuilding 10,000.
 */
import type { ColorId } from '../../preload/contract';

export interface Paintable {
  id: string;
  color: ColorId;
  start: number;
  end: number;
}

export interface HighlightDiff<T extends Paintable> {
  added: T[];
  /** Ids painted before and not wanted now. */
  removed: string[];
  /** Wanted now, painted before with another colour or other offsets. */
  changed: T[];
}

/** Compares what is painted (by id) with `next`; unchanged annotations cost one map lookup each. */
export function diffHighlights<T extends Paintable>(painted: ReadonlyMap<string, Paintable>, next: readonly T[]): HighlightDiff<T> {
  const added: T[] = [];
  const changed: T[] = [];
  const wanted = new Set<string>();
  for (const a of next) {
    wanted.add(a.id);
    const before = painted.get(a.id);
    if (!before) added.push(a);
    else if (before.color !== a.color || before.start !== a.start || before.end !== a.end) changed.push(a);
  }
  const removed: string[] = [];
  if (painted.size + added.length !== wanted.size) for (const id of painted.keys()) if (!wanted.has(id)) removed.push(id);
  return { added, removed, changed };
}
